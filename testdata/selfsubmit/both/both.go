// Package both is analysed by loopblock and selfsubmit together. Every
// finding is written as "finding: <analyzer> <severity>" on its line, and
// no other line has one: a wait on work submitted back to the loop the code
// runs on is reported once, by selfsubmit, at the submit.
package both

import (
	"context"
	"time"

	"futurelint.test/selfsubmit/sched"

	"github.com/futurelint/futurelint/futures"
)

func resultChained(c *futures.Ctx, co func(*futures.Ctx) (int, error)) (int, error) {
	return futures.RunThreadsafe(c.Loop(), co).Result() // finding: selfsubmit error
}

func doneThroughVariable(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	l := c.Loop()
	f := futures.RunThreadsafe(l, co) // finding: selfsubmit error
	<-f.Done()                        // part of the finding above
}

func channelHandshake(c *futures.Ctx) {
	errc := make(chan error, 1)
	c.Loop().CallSoonThreadsafe(func() { errc <- nil }) // finding: selfsubmit error
	<-errc                                              // part of the finding above
}

type server struct{ loop *futures.Loop }

func (s *server) start() { s.loop.CallSoon(s.tick) }

func (s *server) tick() {
	co := func(*futures.Ctx) (int, error) { return 0, nil }
	futures.RunThreadsafe(s.loop, co).Result() // finding: selfsubmit error
}

func captured(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	l.CallSoon(func() {
		futures.RunThreadsafe(l, co).Result() // finding: selfsubmit error
	})
}

// The coroutine suspends before the wait: not a proven deadlock, and still
// selfsubmit's finding only.
func suspendsFirst(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // finding: selfsubmit warning
	futures.Sleep(c, 0)
	f.Result() // part of the finding above
}

// The coroutine suspends before receiving from a channel only the
// submitted callback sends to: selfsubmit's warning, not also loopblock's.
func handshakeSuspendsFirst(c *futures.Ctx) {
	errc := make(chan error, 1)
	c.Loop().CallSoonThreadsafe(func() { errc <- nil }) // finding: selfsubmit warning
	futures.Sleep(c, 0)
	<-errc // part of the finding above
}

// A promise also resolved by a plain CallSoon callback: the wait is
// loopblock's deadlock, and the thread-safe submit is a needless hop of its
// own.
func mixed(c *futures.Ctx) (int, error) {
	p := futures.NewPromise[int]()
	c.Loop().CallSoon(func() { p.Resolve(1) })
	c.Loop().CallSoonThreadsafe(func() { p.Resolve(2) }) // finding: selfsubmit warning
	return p.Future().Result()                           // finding: loopblock error
}

// Another loop keeps running: an ordinary block, loopblock's.
func otherLoop(c *futures.Ctx, other *futures.Loop, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(other, co).Result() // finding: loopblock warning
}

// The submit runs on its own goroutine, which is what CallSoonThreadsafe
// is for; the wait still deadlocks the loop, and that is loopblock's.
func submitInGoroutine(c *futures.Ctx) {
	errc := make(chan error, 1)
	go c.Loop().CallSoonThreadsafe(func() { errc <- nil })
	<-errc // finding: loopblock error
}

// A wrapper that submits to its loop argument and waits for the work
// itself: called with the current loop, the submit and the wait are one
// call, reported once, by selfsubmit.
func askSelf(c *futures.Ctx, co func(*futures.Ctx) (int, error)) (int, error) {
	return sched.Ask(c.Loop(), co) // finding: selfsubmit error
}

// The same wrapper on another loop: an ordinary block, loopblock's.
func askOther(c *futures.Ctx, other *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) {
	return sched.Ask(other, co) // finding: loopblock warning
}

// The same wrapper with a wait that gives up when its context is done: one
// finding, selfsubmit's, a warning; with the coroutine's own context,
// which cannot be done while the loop blocks, an error.
func askContextSelf(c *futures.Ctx, ctx context.Context, co func(*futures.Ctx) (int, error)) {
	sched.AskContext(ctx, c.Loop(), co)         // finding: selfsubmit warning
	sched.AskContext(c.Context(), c.Loop(), co) // finding: selfsubmit error
}

// A wrapper that waits for the work on some paths only: one finding,
// selfsubmit's warning.
func askLaterSelf(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	sched.AskLater(c.Loop(), co, true) // finding: selfsubmit warning
}

// A wrapper that selects on the work or a timeout: one finding,
// selfsubmit's warning.
func askTimeoutSelf(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	sched.AskTimeout(c.Loop(), co, time.Second) // finding: selfsubmit warning
}

// On another loop: an ordinary block, loopblock's.
func askContextOther(ctx context.Context, c *futures.Ctx, other *futures.Loop, co func(*futures.Ctx) (int, error)) {
	sched.AskContext(ctx, other, co) // finding: loopblock warning
}

// A wait that can give up: selfsubmit's, as a warning.
func resultContextGivesUp(c *futures.Ctx, ctx context.Context, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(c.Loop(), co).ResultContext(ctx) // finding: selfsubmit warning
}

// A select on the submitted future with a timeout case: a wait that can
// give up, selfsubmit's warning at the submit, not loopblock's at the select.
func selectWithTimeout(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(c.Loop(), co) // finding: selfsubmit warning
	select {                                 // part of the finding above
	case <-f.Done():
	case <-time.After(time.Second):
	}
}

// A select on a future submitted to another loop: loopblock's.
func selectOtherLoop(c *futures.Ctx, other *futures.Loop, co func(*futures.Ctx) (int, error)) {
	f := futures.RunThreadsafe(other, co)
	select { // finding: loopblock warning
	case <-f.Done():
	case <-time.After(time.Second):
	}
}
