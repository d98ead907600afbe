package a

import (
	"github.com/futurelint/futurelint/futures"
)

// Waiting in the same loop code for work submitted back to the loop:
// one finding per submit, at the submit, naming the wait. loopblock does
// not report these waits.

// Errors: the code never suspends, so the work can never run.

func resultOnSelf(c *futures.Ctx, co func(*futures.Ctx) (int, error)) (int, error) {
	return futures.RunThreadsafe(c.Loop(), co).Result() // want `^futures\.RunThreadsafe submits the coroutine co to c\.Loop\(\), the loop this code is already running on, and \(\*futures\.Future\)\.Result at waits\.go:14 waits for it: a deadlock, since the future completes only when its coroutine runs on this loop, which this wait keeps from running; await the coroutine instead: futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\), or call it directly: co\(c\)$`
}

func doneThroughVariable(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	l := c.Loop()
	f := futures.RunThreadsafe(l, co) // want `^futures\.RunThreadsafe submits the coroutine co to l, .*, and a receive from \(\*futures\.Future\)\.Done at waits\.go:20 waits for it: a deadlock`
	<-f.Done()                        // no second finding: part of the one above
}

func resultContext(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and \(\*futures\.Future\)\.ResultContext at waits\.go:25 waits for it: a deadlock`
	f.ResultContext(c.Context())
}

func selectDone(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and a receive from \(\*futures\.Future\)\.Done at waits\.go:31 waits for it: a deadlock`
	select {
	case <-f.Done():
	}
}

// Two waits on one submit: still one finding.
func twoWaits(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `, and \(\*futures\.Future\)\.ResultContext at waits\.go:38 \(and 1 other wait\) waits for it: a deadlock`
	f.ResultContext(c.Context())
	f.Result()
}

// In a callback: no *Ctx to await with.
func inCallback(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	l.CallSoon(func() {
		futures.RunThreadsafe(l, co).Result() // want `^futures\.RunThreadsafe submits the coroutine co to l, .* a deadlock, .*; spawn it with futures\.Spawn\(l, co\) and continue in \.Then\(func\(v T, err error\) \{ \.\.\. \}\) instead of waiting$`
	})
}

// A callback that reports back through a channel or a promise it settles.
func channelHandshake(c *futures.Ctx) {
	errc := make(chan error, 1)
	c.Loop().CallSoonThreadsafe(func() { // want `^c\.Loop\(\)\.CallSoonThreadsafe submits the callback to the loop this code is already running on, and a channel receive at waits\.go:55 waits for it: a deadlock, since the channel is sent to or closed only by work submitted to this loop after this code returns; do the callback's work here, directly, instead of submitting it and waiting for it$`
		errc <- nil
	})
	<-errc
}

func promiseHandshake(c *futures.Ctx) (int, error) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoonThreadsafe(func() { p.Resolve(1) }) // want `^c\.Loop\(\)\.CallSoonThreadsafe submits .*, and \(\*futures\.Future\)\.Result at waits\.go:61 waits for it: a deadlock, since the promise is settled only by work submitted to this loop`
	return p.Future().Result()
}

// The same loop through a field: a method value scheduled on a.loop.
func (a *actor) ask(co func(*futures.Ctx) (int, error)) {
	a.loop.CallSoon(func() {
		futures.RunThreadsafe(a.loop, co).Result() // want `^futures\.RunThreadsafe submits the coroutine co to a\.loop, .* a deadlock`
	})
}

// Warning: the coroutine suspends before the wait, so the work may have
// run meanwhile; if it has not, the wait never ends.
func suspendsFirst(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits the coroutine co to c\.Loop\(\), the loop this code is already running on, and \(\*futures\.Future\)\.Result at waits\.go:76 blocks the loop waiting for it: unless the work already ran while this code was suspended, the wait never ends; await the coroutine instead`
	futures.Sleep(c, 0)
	f.Result()
}
