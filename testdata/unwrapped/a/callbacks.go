package a

import (
	"time"

	"github.com/futurelint/futurelint/futures"
)

// OnDone callbacks run on the goroutine that settles the future: an executor
// worker. Registered from loop code, a callback that touches what the loop
// owns races with the loop.

type actor struct {
	loop  *futures.Loop
	exec  *futures.Executor
	count int
	seen  map[string]bool
	log   []int
	last  struct{ v int }
}

func load() (int, error) { return 1, nil }

// A coroutine method: s is the actor whose state lives on the loop.
func (s *actor) refresh(c *futures.Ctx) {
	f := futures.Submit(s.exec, load)
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs on the goroutine that settles f, not on the event loop running this code, and it writes s\.count, which loop code owns \(at callbacks\.go:\d+\): it races with the loop; take the result on the loop with futures\.Wrap\(c\.Loop\(\), f\)\.Then\(callback\)`
		s.count = n
	})
	f.OnDone(func(n int, err error) { // want `it writes to the map s\.seen, which loop code owns`
		s.seen["x"] = true
	})
	f.OnDone(func(n int, err error) { // want `it writes s\.log\[\.\.\.\], which loop code owns`
		s.log[0] = n
	})
	f.OnDone(func(n int, err error) { // want `it writes s\.last\.v, which loop code owns`
		s.last.v = n
	})
}

// Locals of the loop function, captured by the callback.
func locals(c *futures.Ctx, e *futures.Executor) (int, error) {
	total := 0
	var results []int
	f := futures.Submit(e, load)
	f.OnDone(func(n int, err error) { // want `it writes total, which loop code owns`
		total += n
	})
	f.OnDone(func(n int, err error) { // want `it writes results, which loop code owns`
		results = append(results, n)
	})
	f.OnDone(func(n int, err error) { // want `it writes total, which loop code owns`
		defer func() { total-- }() // a deferred closure runs within the callback
	})
	err := futures.Sleep(c, time.Millisecond)
	return total + len(results), err
}

// Loop-only API called from the worker goroutine.
func loopOnly(c *futures.Ctx, l *futures.Loop, e *futures.Executor, t *futures.Task[int]) {
	f := futures.Submit(e, load)
	f.OnDone(func(int, error) { // want `it calls \(\*futures\.Loop\)\.CallSoon, which may only be called on the loop \(at callbacks\.go:\d+\): off the loop it races with the loop's queue, or panics while the loop is idle; take the result on the loop with futures\.Wrap\(c\.Loop\(\), f\)\.Then\(callback\), or hand back with c\.Loop\(\)\.CallSoonThreadsafe\(fn\)$`
		l.CallSoon(func() {})
	})
	f.OnDone(func(int, error) { // want `it calls \(\*futures\.Loop\)\.CallLater, which may only be called on the loop`
		l.CallLater(time.Second, func() {})
	})
	f.OnDone(func(int, error) { // want `it calls futures\.Spawn, which may only be called on the loop`
		futures.Spawn(l, func(*futures.Ctx) (int, error) { return 0, nil })
	})
	f.OnDone(func(int, error) { // want `it calls \(\*futures\.Task\)\.Then, which may only be called on the loop`
		t.Then(func(int, error) {})
	})
	f.OnDone(func(int, error) { // want `it calls futures\.Await, which may only be called on the loop`
		futures.Await(c, t)
	})
	f.OnDone(func(int, error) { // want `it calls futures\.Sleep, which may only be called on the loop`
		futures.Sleep(c, time.Millisecond)
	})
	f.OnDone(func(int, error) { // want `it calls futures\.Gather, which may only be called on the loop`
		futures.Gather(c, t)
	})
	f.OnDone(func(int, error) { // want `it calls \(\*futures\.Task\)\.Cancel, which may only be called on the loop`
		t.Cancel()
	})
}

// Callbacks on the loop, not coroutines: the fix names the loop the
// callback was scheduled on.
func scheduled(l *futures.Loop, e *futures.Executor, s *actor) {
	l.CallSoon(func() {
		f := futures.Submit(e, load)
		f.OnDone(func(n int, err error) { // want `take the result on the loop with futures\.Wrap\(l, f\)\.Then\(callback\)`
			l.CallSoon(func() {})
		})
	})
	s.loop.CallSoon(s.poll) // poll runs on s.loop
}

func (s *actor) poll() {
	f := futures.Submit(s.exec, load)
	f.OnDone(func(n int, err error) { // want `take the result on the loop with futures\.Wrap\(s\.loop, f\)\.Then\(callback\)`
		s.count = n
	})
}

// A method value bound in loop code: its receiver is the loop's state.
func (s *actor) onLoaded(n int, err error) { s.count = n }

func methodValue(c *futures.Ctx, s *actor) {
	futures.Submit(s.exec, load).OnDone(s.onLoaded) // want `it writes s\.count, which loop code owns`
}

// A future held in a field, registered in a closure called in place.
func inPlace(c *futures.Ctx, s *actor, f *futures.Future[int]) {
	func() {
		f.OnDone(func(n int, err error) { s.count = n }) // want `it writes s\.count`
	}()
}

// Calls from the callback into functions of the package that write what
// the loop owns, or call loop-only API, are followed.
func (s *actor) record(n int) { s.count = n }

func (s *actor) reschedule() { s.loop.CallSoon(func() {}) }

func bump(p *int) { *p++ }

func (s *actor) viaCalls(c *futures.Ctx, f *futures.Future[int]) {
	f.OnDone(func(n int, err error) { // want `it calls s\.record, which writes s\.count, which loop code owns \(at callbacks\.go:\d+\)`
		s.record(n)
	})
	f.OnDone(func(n int, err error) { // want `it calls s\.reschedule, which calls \(\*futures\.Loop\)\.CallSoon, which may only be called on the loop`
		s.reschedule()
	})
	f.OnDone(func(n int, err error) { // want `it calls bump, which writes s\.count, which loop code owns`
		bump(&s.count)
	})
}

// Promises that code off the loop, or on another loop, may settle.
func promiseOffLoop(c *futures.Ctx, s *actor, e *futures.Executor, other *futures.Loop) {
	p := futures.NewPromise[int]()
	p.Future().OnDone(func(n int, err error) { // want `^the OnDone callback runs on the goroutine that settles p\.Future\(\)`
		s.count = n
	})
	futures.Submit(e, func() (int, error) { p.Resolve(1); return 0, nil })

	q := futures.NewPromise[int]()
	q.Future().OnDone(func(n int, err error) { // want `^the OnDone callback runs on the goroutine that settles q\.Future\(\)`
		s.count = n
	})
	other.CallSoon(func() { q.Resolve(1) })

	r := futures.NewPromise[int]()
	r.Future().OnDone(func(n int, err error) { // want `^the OnDone callback runs on the goroutine that settles r\.Future\(\)`
		s.count = n
	})
	s.hand(r) // escapes: who settles it is not known
}

func (s *actor) hand(p *futures.Promise[int]) {}
