package a

import (
	"sync"
	"sync/atomic"

	"github.com/futurelint/futurelint/futures"
)

// OnDone registered by code that does not run on a loop: there is no loop
// state for the callback to race with here.
func notLoopCode(e *futures.Executor, s *actor) {
	f := futures.Submit(e, load)
	f.OnDone(func(n int, err error) { s.count = n }) // quiet: main-goroutine code, not loop code
	go func() {
		f.OnDone(func(n int, err error) { s.count = n }) // quiet: registered from a goroutine
	}()
	futures.Submit(e, func() (int, error) {
		f.OnDone(func(n int, err error) { s.count = n }) // quiet: registered from an executor job
		return 0, nil
	})
}

// Callbacks that hand the result back to the loop safely.
func handBack(c *futures.Ctx, s *actor, ch chan int, mu *sync.Mutex, hits *atomic.Int64, p *futures.Promise[int]) {
	l := c.Loop()
	f := futures.Submit(s.exec, load)
	f.OnDone(func(n int, err error) { // quiet: the write runs on the loop, through CallSoonThreadsafe
		l.CallSoonThreadsafe(func() { s.count = n })
	})
	f.OnDone(func(n int, err error) { // quiet: a channel send
		ch <- n
	})
	f.OnDone(func(n int, err error) { // quiet: atomics
		hits.Add(int64(n))
		atomic.AddInt64(new(int64), 1)
	})
	f.OnDone(func(n int, err error) { // quiet: a promise is safe from any goroutine
		p.Resolve(n)
	})
	var guarded int
	f.OnDone(func(n int, err error) { // quiet: the write is made holding a mutex
		mu.Lock()
		guarded = n
		mu.Unlock()
	})
	var res int
	done := make(chan struct{})
	f.OnDone(func(n int, err error) { // quiet: the close publishes the write to whoever receives from done
		res = n
		close(done)
	})
	f.OnDone(func(n int, err error) { // quiet: so does a send
		res = n
		ch <- n
	})
	var wg sync.WaitGroup
	wg.Add(1)
	f.OnDone(func(n int, err error) { // quiet: wg.Done publishes the write to whoever returns from wg.Wait
		res = n
		wg.Done()
	})
	f.OnDone(func(n int, err error) { // quiet: an atomic store publishes the write to whoever loads it after
		res = n
		hits.Store(1)
	})
	f.OnDone(func(n int, err error) { // quiet: as above, with the atomic functions
		res = n
		atomic.StoreInt64(new(int64), 1)
	})
	var ready atomic.Bool
	f.OnDone(func(n int, err error) { // quiet: a flag set after the write, for a loop that polls it
		res = n
		ready.Store(true)
	})
	cond := sync.NewCond(mu)
	f.OnDone(func(n int, err error) { // quiet: Broadcast wakes a waiter that then sees the write
		res = n
		cond.Broadcast()
	})
	_, _ = guarded, res
}

var total int

// Callbacks that touch nothing the loop owns.
func ownState(c *futures.Ctx, e *futures.Executor) {
	f := futures.Submit(e, load)
	f.OnDone(func(n int, err error) { // quiet: only the callback's own locals
		doubled := n * 2
		doubled++
		var buf [2]int
		buf[0] = doubled
		_ = buf
	})
	f.OnDone(func(n int, err error) { // quiet: reads loop state but writes nothing
		_ = f.Done()
	})
	f.OnDone(func(n int, err error) { // quiet: package-level variables are not owned by the loop code
		total = n
	})
	ptrs := futures.Submit(e, func() (*actor, error) { return &actor{}, nil })
	ptrs.OnDone(func(a *actor, err error) { // quiet: the future's own value, not loop state
		a.count = 1
	})
	f.OnDone(record) // quiet: a named function touching only its arguments
}

func record(n int, err error) {
	m := map[int]bool{}
	m[n] = true
}

// The fix itself: completion delivered on the loop.
func wrapped(c *futures.Ctx, s *actor) {
	f := futures.Submit(s.exec, load)
	futures.Wrap(c.Loop(), f).Then(func(n int, err error) { // quiet: Then runs on the loop
		s.count = n
		c.Loop().CallSoon(func() {})
	})
	futures.RunInExecutor(c.Loop(), s.exec, load).Then(func(n int, err error) { // quiet: RunInExecutor delivers on the loop
		s.count = n
	})
}

// A future the loop itself settles: the callback runs on this loop. The
// thread-safe submit back to the same loop is selfsubmit's finding.
func selfSettled(c *futures.Ctx, s *actor) {
	f := futures.RunThreadsafe(c.Loop(), func(*futures.Ctx) (int, error) { return 1, nil })
	f.OnDone(func(n int, err error) { s.count = n }) // quiet: settled on this loop
}

// A method value handed to an executor is reported at the method, once.
func (s *actor) nestedMethodJob() (*futures.Future[int], error) { // want `^executor job nestedMethodJob returns`
	return nil, nil
}

func submitMethods(e *futures.Executor, s *actor) {
	futures.Submit(e, s.nestedMethodJob) // quiet here: reported at the method
	futures.Submit(e, s.nestedMethodJob)
}

func scratch(n int) int {
	m := map[int]int{}
	m[n] = n
	return len(m)
}

func (s *actor) handOff(n int) { s.loop.CallSoonThreadsafe(func() { s.count = n }) }

// Calls into the package that touch nothing the loop owns.
func quietCalls(c *futures.Ctx, s *actor, f *futures.Future[int]) {
	f.OnDone(func(n int, err error) { // quiet: the callee writes only its own locals
		scratch(n)
	})
	f.OnDone(func(n int, err error) { // quiet: the callee hands back through CallSoonThreadsafe
		s.handOff(n)
	})
}

// A future already settled: OnDone runs the callback at once, on the loop.
func alreadySettled(c *futures.Ctx, s *actor, f, g *futures.Future[int]) {
	<-f.Done()                                       // loopblock's finding; afterwards f is settled
	f.OnDone(func(n int, err error) { s.count = n }) // quiet: runs now, on the loop
	futures.Await(c, futures.Wrap(c.Loop(), g))
	g.OnDone(func(n int, err error) { s.count = n }) // quiet: g is settled once its wrap is awaited
}

// A promise settled only by code on this loop: OnDone runs its callback on
// the goroutine that settles the future, which is the loop.
func promiseOnLoop(c *futures.Ctx, s *actor) {
	p := futures.NewPromise[int]()
	p.Future().OnDone(func(n int, err error) { // quiet: only loop callbacks on c.Loop() settle p
		s.count = n
	})
	c.Loop().CallLater(0, func() { p.Resolve(1) })
	c.Loop().CallSoon(func() { p.Reject(nil) })
}

func promiseResolvedHere(l *futures.Loop, s *actor) {
	l.CallSoon(func() {
		p := futures.NewPromise[int]()
		f := p.Future()
		f.OnDone(func(n int, err error) { // quiet: the callback itself settles p, on the loop
			s.count = n
		})
		p.Resolve(1)
	})
}
