package a

import (
	"github.com/futurelint/futurelint/futures"
)

// Look-alikes: thread-safe submits that are what RunThreadsafe and
// CallSoonThreadsafe are for, or whose target is not certainly the loop
// the code runs on.

// Another loop, passed in: a cross-loop request.
func otherParam(c *futures.Ctx, other *futures.Loop, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(other, co).Result() // quiet: another loop keeps running and completes it
	other.CallSoonThreadsafe(tick)            // quiet: another loop
}

// Code on other goroutines started from loop code is not loop code: it is
// exactly where the thread-safe calls belong.
func elsewhere(c *futures.Ctx, e *futures.Executor, f *futures.Future[int], co func(*futures.Ctx) (int, error)) {
	l := c.Loop()
	go func() {
		futures.RunThreadsafe(l, co).Result() // quiet: a goroutine of its own
		l.CallSoonThreadsafe(tick)            // quiet: a goroutine of its own
	}()
	go l.CallSoonThreadsafe(tick) // quiet: the call itself runs on a new goroutine
	futures.Submit(e, func() (int, error) {
		return futures.RunThreadsafe(l, co).Result() // quiet: an executor job runs on a worker goroutine
	})
	futures.RunInExecutor(l, e, func() (int, error) {
		return 0, l.CallSoonThreadsafe(tick) // quiet: an executor job
	})
	f.OnDone(func(int, error) {
		l.CallSoonThreadsafe(tick) // quiet: OnDone callbacks run on the goroutine settling f
	})
}

// Code that is not loop code: the main goroutine starting work on a loop.
func fromMain(co func(*futures.Ctx) (int, error)) (int, error) {
	l := futures.NewLoop()
	l.CallSoonThreadsafe(tick) // quiet: not loop code
	return futures.RunThreadsafe(l, co).Result()
}

// A function scheduled on two loops: which one it runs on is not certain.
var hub, spare *futures.Loop

func twoLoops() {
	hub.CallSoon(relay)
	spare.CallSoon(relay)
}

func relay() {
	hub.CallSoonThreadsafe(tick) // quiet: relay may be running on spare
}

// An exported method may be scheduled by other packages on any loop.
type Mailbox struct{ loop *futures.Loop }

func (m *Mailbox) Start() { m.loop.CallSoon(m.Deliver) }

func (m *Mailbox) Deliver() {
	m.loop.CallSoonThreadsafe(tick) // quiet: Deliver is exported, its loop is not certain
}

// A variable assigned more than once may hold another loop by the time
// the closure runs.
func reassigned(l, m *futures.Loop) {
	cur := l
	cur.CallSoon(func() {
		cur.CallSoonThreadsafe(tick) // quiet: cur may have changed
	})
	cur = m
}

// Then called outside loop code: the loop of the task is not tracked, so
// the callback's loop is not certain.
func thenOutside(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	futures.Spawn(l, co).Then(func(int, error) {
		l.CallSoonThreadsafe(tick) // quiet: loop not evident
	})
}

// A callback that is also called directly, here from code on no loop, or
// also run by a go statement, does not always run on its loop.
type worker struct{ loop *futures.Loop }

func (w *worker) start() {
	w.loop.CallSoon(w.flush)
	w.flush()
	w.loop.CallSoon(w.drain)
	go w.drain()
}

func (w *worker) flush() {
	w.loop.CallSoonThreadsafe(tick) // quiet: on the first, direct call this runs on the caller's goroutine
}

func (w *worker) drain() {
	w.loop.CallSoonThreadsafe(tick) // quiet: the go statement runs it on a goroutine of its own
}
