package a

import (
	"sync"
	"sync/atomic"

	"github.com/futurelint/futurelint/futures"
)

type model struct {
	items []string
	count int
	seen  map[string]bool
	mu    sync.Mutex
	hits  atomic.Int64
	stats stats
	loop  *futures.Loop
	exec  *futures.Executor
}

type stats struct{ n int }

func fetch() []string { return nil }

// render is loop code using the model's state.
func (m *model) render(c *futures.Ctx) (int, error) {
	m.count++
	m.stats.n++
	m.seen["x"] = true
	return len(m.items), nil
}

func (m *model) refresh(c *futures.Ctx) (int, error) {
	go func() {
		items := fetch()
		m.items = items // want `in a goroutine, off the event loop, this code writes loop-owned m\.items: a race; do it on the loop, or under a lock`
		m.count++       // one finding per goroutine: the first write
	}()
	return 0, nil
}

func (m *model) countInJob(c *futures.Ctx) (int, error) {
	return futures.Await(c, futures.RunInExecutor(c.Loop(), m.exec, func() (int, error) {
		m.stats.n++ // want `in an executor job, off the event loop, this code writes loop-owned m\.stats\.n: a race`
		return 0, nil
	}))
}

func (m *model) mapWrite(c *futures.Ctx) (int, error) {
	go func() {
		m.seen["y"] = true // want `in a goroutine, off the event loop, this code writes to loop-owned map m\.seen: a race`
	}()
	return 0, nil
}

// load is started as a method value: its receiver is the loop's model.
func (m *model) load() {
	m.items = fetch() // want `in a goroutine, off the event loop, this code writes loop-owned m\.items: a race`
}

func (m *model) startLoad(c *futures.Ctx) (int, error) {
	go m.load()
	return 0, nil
}

func (m *model) viaHelper(c *futures.Ctx) (int, error) {
	go func() {
		store(m, fetch()) // want `in a goroutine, off the event loop, this code calls store, which writes loop-owned m\.items: a race`
	}()
	return 0, nil
}

func store(m *model, items []string) { m.items = items }

func localRead(c *futures.Ctx) (int, error) {
	n := 0
	go func() {
		n = 42 // want `in a goroutine, off the event loop, this code writes loop-owned n: a race`
	}()
	futures.Sleep(c, 0)
	return n, nil
}

// localReadInLoop reads n in a loop around the go statement: a later
// iteration's read races with the goroutine.
func localReadInLoop(c *futures.Ctx) (int, error) {
	n := 0
	for i := 0; i < 3; i++ {
		if n > 0 {
			break
		}
		go func() {
			n = i // want `in a goroutine, off the event loop, this code writes loop-owned n: a race`
		}()
	}
	return 0, nil
}

// Look-alikes: none is reported.

// readBeforeStart reads err only before the goroutine starts, which
// happens before anything the goroutine does: no race.
func readBeforeStart(c *futures.Ctx) error {
	err := connect()
	if err != nil {
		return err
	}
	go func() {
		if err = connect(); err != nil {
			panic(err)
		}
	}()
	return nil
}

func connect() error { return nil }

func (m *model) handBack(c *futures.Ctx) (int, error) {
	l := c.Loop()
	go func() {
		items := fetch()
		l.CallSoonThreadsafe(func() { m.items = items })
	}()
	return 0, nil
}

func (m *model) locked(c *futures.Ctx) (int, error) {
	go func() {
		m.mu.Lock()
		m.count++
		m.mu.Unlock()
	}()
	return 0, nil
}

func (m *model) channel(c *futures.Ctx, done chan struct{}) (int, error) {
	go func() {
		m.items = fetch()
		close(done)
	}()
	return 0, nil
}

func (m *model) atomically(c *futures.Ctx) (int, error) {
	go func() {
		m.hits.Add(1)
	}()
	return 0, nil
}

// promise settles a promise after the write, which other loop code may
// read meanwhile: reported.
func (m *model) promise(c *futures.Ctx) (int, error) {
	p := futures.NewPromise[int]()
	go func() {
		m.count = 3  // want `in a goroutine, off the event loop, this code writes loop-owned m\.count: a race`
		p.Resolve(1) // settling a promise publishes nothing else
	}()
	return futures.Await(c, futures.Wrap(c.Loop(), p.Future()))
}

// fresh state made for the goroutine, and fields loop code never uses.
type result struct{ v, unused int }

func (m *model) fresh(c *futures.Ctx) (int, error) {
	r := &result{}
	go func() {
		r.unused = 1
		own := &model{}
		own.count = 1
	}()
	return 0, nil
}

// fromMain starts a goroutine outside loop code: its captures are not
// loop-owned.
func fromMain(m *model) {
	go func() { m.items = fetch() }()
}

func unread(c *futures.Ctx) (int, error) {
	n := 0
	go func() {
		n = 42 // loop code never reads n
		_ = n
	}()
	return 0, nil
}

// awaitedJob writes a variable of the coroutine's that nothing else sees,
// and the coroutine takes it after awaiting the job: the future hands it
// over.
func awaitedJob(c *futures.Ctx, e *futures.Executor) (int, error) {
	var res stats
	n := 0
	_, err := futures.Await(c, futures.RunInExecutor(c.Loop(), e, func() (int, error) {
		res.n = 3
		n = 4
		return 0, nil
	}))
	return res.n + n, err
}

// sharedInJob writes shared state through a captured pointer: reported.
func (m *model) sharedInJob(c *futures.Ctx) (int, error) {
	p := m
	return futures.Await(c, futures.RunInExecutor(c.Loop(), m.exec, func() (int, error) {
		p.count = 1 // want `in an executor job, off the event loop, this code writes loop-owned p\.count: a race`
		return 0, nil
	}))
}
