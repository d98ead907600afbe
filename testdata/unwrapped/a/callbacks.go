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
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.count; use futures\.Wrap\(c\.Loop\(\), f\)\.Then\(fn\)`
		s.count = n
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes to loop-owned map s\.seen`
		s.seen["x"] = true
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.log\[\.\.\.\]`
		s.log[0] = n
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.last\.v`
		s.last.v = n
	})
}

// Locals of the loop function, captured by the callback.
func locals(c *futures.Ctx, e *futures.Executor) (int, error) {
	total := 0
	var results []int
	f := futures.Submit(e, load)
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned total`
		total += n
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned results`
		results = append(results, n)
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned total`
		defer func() { total-- }() // a deferred closure runs within the callback
	})
	err := futures.Sleep(c, time.Millisecond)
	return total + len(results), err
}

// Loop-only API called from the worker goroutine.
func loopOnly(c *futures.Ctx, l *futures.Loop, e *futures.Executor, t *futures.Task[int]) {
	f := futures.Submit(e, load)
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only \(\*futures\.Loop\)\.CallSoon; use futures\.Wrap\(c\.Loop\(\), f\)\.Then\(fn\)`
		l.CallSoon(func() {})
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only \(\*futures\.Loop\)\.CallLater`
		l.CallLater(time.Second, func() {})
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only futures\.Spawn`
		futures.Spawn(l, func(*futures.Ctx) (int, error) { return 0, nil })
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only \(\*futures\.Task\)\.Then`
		t.Then(func(int, error) {})
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only futures\.Await`
		futures.Await(c, t)
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only futures\.Sleep`
		futures.Sleep(c, time.Millisecond)
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only futures\.Gather`
		futures.Gather(c, t)
	})
	f.OnDone(func(int, error) { // want `the OnDone callback runs off the event loop and calls loop-only \(\*futures\.Task\)\.Cancel`
		t.Cancel()
	})
}

// Callbacks on the loop, not coroutines: the fix names the loop the
// callback was scheduled on.
func scheduled(l *futures.Loop, e *futures.Executor, s *actor) {
	l.CallSoon(func() {
		f := futures.Submit(e, load)
		f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and calls loop-only \(\*futures\.Loop\)\.CallSoon`
			l.CallSoon(func() {})
		})
	})
	s.loop.CallSoon(s.poll) // poll runs on s.loop
}

func (s *actor) poll() {
	f := futures.Submit(s.exec, load)
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
		s.count = n
	})
}

// A method value bound in loop code: its receiver is the loop's state.
func (s *actor) onLoaded(n int, err error) { s.count = n }

func methodValue(c *futures.Ctx, s *actor) {
	futures.Submit(s.exec, load).OnDone(s.onLoaded) // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
}

// A future held in a field, registered in a closure called in place.
func inPlace(c *futures.Ctx, s *actor, f *futures.Future[int]) {
	func() {
		f.OnDone(func(n int, err error) { s.count = n }) // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
	}()
}

// Calls from the callback into functions of the package that write what
// the loop owns, or call loop-only API, are followed.
func (s *actor) record(n int) { s.count = n }

func (s *actor) reschedule() { s.loop.CallSoon(func() {}) }

func bump(p *int) { *p++ }

func (s *actor) viaCalls(c *futures.Ctx, f *futures.Future[int]) {
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and calls s\.record, which writes loop-owned s\.count`
		s.record(n)
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and calls s\.reschedule, which calls loop-only \(\*futures\.Loop\)\.CallSoon`
		s.reschedule()
	})
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and calls bump, which writes loop-owned s\.count`
		bump(&s.count)
	})
}

// Promises that code off the loop, or on another loop, may settle.
func promiseOffLoop(c *futures.Ctx, s *actor, e *futures.Executor, other *futures.Loop) {
	p := futures.NewPromise[int]()
	p.Future().OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
		s.count = n
	})
	futures.Submit(e, func() (int, error) { p.Resolve(1); return 0, nil })

	q := futures.NewPromise[int]()
	q.Future().OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
		s.count = n
	})
	other.CallSoon(func() { q.Resolve(1) })

	r := futures.NewPromise[int]()
	r.Future().OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
		s.count = n
	})
	s.hand(r) // escapes: who settles it is not known
}

func (s *actor) hand(p *futures.Promise[int]) {}
