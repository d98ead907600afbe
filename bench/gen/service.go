package gen

import "fmt"

func (s service) vars() []string {
	return []string{
		"$PKG", s.pkg(),
		"$I", fmt.Sprint(s.i),
		"$K", fmt.Sprint(s.i%13 + 2),
		"$P", fmt.Sprintf("p%d", s.blockpath),
		"$W", fmt.Sprintf("w%d", s.sched),
	}
}

func (s service) file(doc, body string) string {
	return goFile(doc, s.pkg(), expand(body, s.vars()...), importable(s))
}

// modelFile is plain Go with no futures in sight, as most of a real
// service is.
func (s service) modelFile() string {
	doc := expand("// Package $PKG is a service of the corpus: a record store driven by a loop.\n", s.vars()...)
	return s.file(doc, modelBody)
}

const modelBody = `// Record is one entry held by the store.
type Record struct {
	ID    int
	Name  string
	Tags  []string
	Score float64
}

// Store holds records by ID, remembering insertion order.
type Store struct {
	mu      sync.Mutex
	records map[int]*Record
	order   []int
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{records: make(map[int]*Record)}
}

// Put adds or replaces r.
func (s *Store) Put(r *Record) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.records[r.ID]; !ok {
		s.order = append(s.order, r.ID)
	}
	s.records[r.ID] = r
}

// Get returns the record with the given ID.
func (s *Store) Get(id int) (*Record, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.records[id]
	return r, ok
}

// Top returns the k best-scoring records, best first, ties by ID.
func (s *Store) Top(k int) []*Record {
	s.mu.Lock()
	all := make([]*Record, 0, len(s.records))
	for _, id := range s.order {
		all = append(all, s.records[id])
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool {
		if all[i].Score != all[j].Score {
			return all[i].Score > all[j].Score
		}
		return all[i].ID < all[j].ID
	})
	if len(all) > k {
		all = all[:k]
	}
	return all
}

// Summary describes the store in one line per record.
func (s *Store) Summary() string {
	var b strings.Builder
	for _, r := range s.Top(len(s.order)) {
		fmt.Fprintf(&b, "$PKG %4d %-12s %6.2f [%s]\n", r.ID, r.Name, r.Score, strings.Join(r.Tags, ","))
	}
	return b.String()
}

// ErrSyntax reports a malformed record line.
var ErrSyntax = errors.New("$PKG: malformed record")

// ParseRecord parses "id name score tag,tag".
func ParseRecord(line string) (*Record, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 {
		return nil, fmt.Errorf("%w: %q", ErrSyntax, line)
	}
	id, err := strconv.Atoi(fields[0])
	if err != nil {
		return nil, fmt.Errorf("%w: id: %v", ErrSyntax, err)
	}
	score, err := strconv.ParseFloat(fields[2], 64)
	if err != nil {
		return nil, fmt.Errorf("%w: score: %v", ErrSyntax, err)
	}
	r := &Record{ID: id, Name: fields[1], Score: score}
	if len(fields) > 3 {
		r.Tags = strings.Split(fields[3], ",")
	}
	return r, nil
}

// Histogram counts scores into n equal buckets over [lo, hi).
func Histogram(rs []*Record, lo, hi float64, n int) []int {
	out := make([]int, n)
	if hi <= lo || n == 0 {
		return out
	}
	width := (hi - lo) / float64(n)
	for _, r := range rs {
		b := int((r.Score - lo) / width)
		switch {
		case b < 0:
			b = 0
		case b >= n:
			b = n - 1
		}
		out[b]++
	}
	return out
}

// Compute is a pure function other services call.
func Compute(n int) int {
	acc := $I
	for i := 0; i < n; i++ {
		acc = (acc*$K + i) % 9973
	}
	return acc
}

// Dedup returns tags without repeats, in first-seen order.
func Dedup(tags []string) []string {
	seen := make(map[string]bool, len(tags))
	out := tags[:0:0]
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}
`

// serviceFile is the loop side of the service, all of it correct.
func (s service) serviceFile() string {
	body := serviceBody
	if s.parent >= 0 {
		body += serviceParentBody
	}
	return s.file("", body)
}

const serviceBody = `// Service serves records from a loop; hits and pending belong to the loop.
type Service struct {
	loop    *futures.Loop
	exec    *futures.Executor
	store   *Store
	hits    int
	pending []string
}

// New returns a service scheduling on loop and offloading to exec.
func New(loop *futures.Loop, exec *futures.Executor) *Service {
	return &Service{loop: loop, exec: exec, store: NewStore()}
}

// fetch runs on a worker.
func (s *Service) fetch(id int) (int, error) {
	r, ok := s.store.Get(id)
	if !ok {
		return 0, fmt.Errorf("$PKG: no record %d", id)
	}
	return len(r.Name) + Compute(id%$K), nil
}

// Load offloads fetch to the executor and awaits it on the loop.
func (s *Service) Load(c *futures.Ctx, id int) (int, error) {
	t := futures.RunInExecutor(c.Loop(), s.exec, func() (int, error) {
		return s.fetch(id)
	})
	v, err := futures.Await(c, t)
	if err != nil {
		return 0, err
	}
	s.hits++
	return v, nil
}

// LoadWrapped submits fetch and wraps the future onto the loop.
func (s *Service) LoadWrapped(c *futures.Ctx, id int) (int, error) {
	f := futures.Submit(s.exec, func() (int, error) { return s.fetch(id) })
	return futures.Await(c, futures.Wrap(c.Loop(), f))
}

// LoadAll loads ids concurrently and sums them.
func (s *Service) LoadAll(c *futures.Ctx, ids []int) (int, error) {
	tasks := make([]*futures.Task[int], 0, len(ids))
	for _, id := range ids {
		tasks = append(tasks, futures.Spawn(c.Loop(), func(c *futures.Ctx) (int, error) {
			return s.Load(c, id)
		}))
	}
	vs, err := futures.Gather(c, tasks...)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, v := range vs {
		total += v
	}
	return total, nil
}

// Poll counts n ticks, yielding to the loop between them.
func (s *Service) Poll(c *futures.Ctx, n int) error {
	for range n {
		if err := futures.Sleep(c, $W.Backoff(s.hits%4)); err != nil {
			return err
		}
		s.hits++
	}
	return nil
}

// Schedule queues name and a flush on the loop.
func (s *Service) Schedule(name string) {
	s.loop.CallSoon(func() { s.pending = append(s.pending, name) })
	$W.After(s.loop, func() { s.hits++ })
	s.loop.CallLater(time.Millisecond, s.flush)
	$W.Later(s.loop, $W.Backoff(1), s.flush)
}

func (s *Service) flush() {
	for _, name := range s.pending {
		s.store.Put(&Record{ID: len(name) * $K, Name: name})
	}
	s.pending = s.pending[:0]
}

// Watch loads id as a task and counts the result once it settles.
func (s *Service) Watch(id int) *futures.Task[int] {
	t := $W.Start(s.loop, func(c *futures.Ctx) (int, error) { return s.Load(c, id) })
	t.Then(func(v int, err error) {
		if err == nil {
			s.hits += $P.Settle(v)
		}
	})
	return t
}

// Settled returns f's value without blocking: only after f is done.
func (s *Service) Settled(c *futures.Ctx, f *futures.Future[int]) (int, error) {
	select {
	case <-f.Done():
		return f.Result()
	default:
		return futures.Await(c, futures.Wrap(c.Loop(), f))
	}
}

// Deadline gives up on id after d.
func (s *Service) Deadline(c *futures.Ctx, id int, d time.Duration) (int, error) {
	t := futures.Spawn(c.Loop(), func(c *futures.Ctx) (int, error) { return s.LoadWrapped(c, id) })
	timer := s.loop.CallLater(d, func() { t.Cancel() })
	defer timer.Stop()
	return futures.Await(c, t)
}
`

const serviceParentBody = `
// Forward loads id from the parent service on the same loop.
func (s *Service) Forward(c *futures.Ctx, up *parent.Service, id int) (int, error) {
	v, err := up.Load(c, id)
	if err != nil {
		return 0, err
	}
	return v + parent.Compute(v%$K), nil
}
`

// jobsFile is the off-loop side of the service: workers and goroutines,
// where blocking is fine.
func (s service) jobsFile() string {
	return s.file("", jobsBody)
}

const jobsBody = `// Background waits for f on its own goroutine and hands the value to the loop.
func (s *Service) Background(f *futures.Future[int]) {
	go func() {
		v, err := f.Result()
		if err != nil {
			return
		}
		_ = s.loop.CallSoonThreadsafe(func() { s.hits += v })
	}()
}

// Offload waits for f on a worker, through the blockpath functions.
func (s *Service) Offload(f *futures.Future[int]) *futures.Future[int] {
	return futures.Submit(s.exec, func() (int, error) {
		return $P.Wait(f), nil
	})
}

// FromOutside loads id from a goroutine that is not the loop's.
func (s *Service) FromOutside(id int) (int, error) {
	f := futures.RunThreadsafe(s.loop, func(c *futures.Ctx) (int, error) {
		return s.Load(c, id)
	})
	return f.Result()
}

// Report logs f's outcome from whichever worker settles it.
func (s *Service) Report(f *futures.Future[int], log func(string)) {
	f.OnDone(func(v int, err error) {
		if err != nil {
			log(fmt.Sprintf("$PKG: %v", err))
			return
		}
		log(strconv.Itoa($P.Settle(v)))
	})
}

// Batch runs every id as a job and waits for all of them.
func (s *Service) Batch(ids []int) []int {
	out := make([]int, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		f := futures.Submit(s.exec, func() (int, error) { return s.fetch(id) })
		f.OnDone(func(v int, err error) {
			defer wg.Done()
			if err == nil {
				out[i] = v
			}
		})
	}
	$P.Join(&wg)
	return out
}

// Close stops the executor, waiting for queued jobs, then the loop.
func (s *Service) Close(ctx context.Context) error {
	err := s.exec.Shutdown(ctx)
	s.loop.Stop()
	return err
}

// Main runs a load to completion on a fresh loop.
func Main(ctx context.Context, s *Service, ids []int) (int, error) {
	return futures.Run(ctx, func(c *futures.Ctx) (int, error) {
		return s.LoadAll(c, ids)
	})
}
`

// A finding is one seeded mistake: the rule that should report it and the
// method that contains it.
type finding struct {
	rule string
	body string
}

// findings is cycled through by service index, so every size of corpus has
// each kind in the same proportion.
var findings = []finding{
	{"loopblock", `// Total blocks the loop until the worker finishes.
func (s *Service) Total(c *futures.Ctx, f *futures.Future[int]) (int, error) {
	v, err := f.Result()
	if err != nil {
		return 0, err
	}
	s.hits += v
	return v, nil
}
`},
	{"loopblock", `// Throttle sleeps on the loop.
func (s *Service) Throttle() {
	s.loop.CallSoon(func() {
		time.Sleep(10 * time.Millisecond)
		s.hits++
	})
}
`},
	{"loopblock", `// Resolve blocks the loop through a chain of calls into other packages.
func (s *Service) Resolve(c *futures.Ctx, f *futures.Future[int]) (int, error) {
	return $P.Wait(f), nil
}
`},
	{"selfsubmit", `// Nested submits thread-safely to the loop it is already running on.
func (s *Service) Nested(c *futures.Ctx, id int) (int, error) {
	f := futures.RunThreadsafe(c.Loop(), func(c *futures.Ctx) (int, error) {
		return s.Load(c, id)
	})
	return futures.Await(c, futures.Wrap(c.Loop(), f))
}
`},
	{"selfsubmit", `// Requeue uses the thread-safe entry point from the loop itself.
func (s *Service) Requeue(name string) {
	s.loop.CallSoon(func() {
		_ = s.loop.CallSoonThreadsafe(func() { s.pending = append(s.pending, name) })
	})
}
`},
	{"unwrapped", `// Track updates loop state from a worker goroutine.
func (s *Service) Track(c *futures.Ctx, f *futures.Future[int]) error {
	f.OnDone(func(v int, err error) {
		if err == nil {
			s.hits += v
		}
	})
	return nil
}
`},
	{"unwrapped", `// Prefetch nests a future inside a future.
func (s *Service) Prefetch(id int) *futures.Future[*futures.Future[int]] {
	return futures.Submit(s.exec, func() (*futures.Future[int], error) {
		return futures.Submit(s.exec, func() (int, error) { return s.fetch(id) }), nil
	})
}
`},
	{"loopblock", `// Receive waits on a channel in a callback scheduled through a wrapper.
func (s *Service) Receive(ch <-chan int) {
	$W.After(s.loop, func() {
		s.hits += <-ch
	})
}
`},
	{"loopblock", `// Gate waits for other goroutines in a completion callback.
func (s *Service) Gate(t *futures.Task[int], wg *sync.WaitGroup) {
	t.Then(func(v int, err error) {
		wg.Wait()
		s.hits += v
	})
}
`},
	{"loopblock", `// Collect drains a channel, through other packages, in a task started by a wrapper.
func (s *Service) Collect(ch <-chan int) *futures.Task[int] {
	return $W.Start(s.loop, func(c *futures.Ctx) (int, error) {
		return $P.Drain(ch), nil
	})
}
`},
}

func findingOf(i int) finding { return findings[i%len(findings)] }

// findingFile holds the service's one seeded finding.
func (s service) findingFile() string {
	return s.file("", findingOf(s.i).body)
}
