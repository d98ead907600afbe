package a

import (
	"github.com/futurelint/futurelint/futures"
)

// Waiting in the same loop code for work submitted back to the loop:
// one finding per submit, at the submit, naming the wait. loopblock does
// not report these waits.

// Errors: the code never suspends, so the work can never run.

func resultOnSelf(c *futures.Ctx, co func(*futures.Ctx) (int, error)) (int, error) {
	return futures.RunThreadsafe(c.Loop(), co).Result() // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock; call co\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\)`
}

func doneThroughVariable(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	l := c.Loop()
	f := futures.RunThreadsafe(l, co) // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
	<-f.Done()                        // no second finding: part of the one above
}

func resultContext(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
	f.ResultContext(c.Context())
}

func selectDone(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
	select {
	case <-f.Done():
	}
}

// Two waits on one submit: still one finding.
func twoWaits(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
	f.ResultContext(c.Context())
	f.Result()
}

// In a callback: no *Ctx to await with.
func inCallback(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	l.CallSoon(func() {
		futures.RunThreadsafe(l, co).Result() // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock; continue in futures\.Spawn\(l, co\)\.Then\(fn\)`
	})
}

// A callback that reports back through a channel or a promise it settles.
func channelHandshake(c *futures.Ctx) {
	errc := make(chan error, 1)
	c.Loop().CallSoonThreadsafe(func() { // want `c\.Loop\(\)\.CallSoonThreadsafe submits to the current loop, then waits for it: a deadlock; do the callback's work here, directly`
		errc <- nil
	})
	<-errc
}

func promiseHandshake(c *futures.Ctx) (int, error) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoonThreadsafe(func() { p.Resolve(1) }) // want `c\.Loop\(\)\.CallSoonThreadsafe submits to the current loop, then waits for it: a deadlock`
	return p.Future().Result()
}

// The same loop through a field: a method value scheduled on a.loop.
func (a *actor) ask(co func(*futures.Ctx) (int, error)) {
	a.loop.CallSoon(func() {
		futures.RunThreadsafe(a.loop, co).Result() // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
	})
}

// Warning: the coroutine suspends before the wait, so the work may have
// run meanwhile; if it has not, the wait never ends.
func suspendsFirst(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then blocks it waiting forever, unless the work already ran; call co\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\)`
	futures.Sleep(c, 0)
	f.Result()
}
