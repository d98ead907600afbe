package a

import (
	"github.com/futurelint/futurelint/futures"
)

// Waits on work submitted thread-safely back to the current loop belong to
// the selfsubmit rule: loopblock stays quiet so each finding is reported once.
func selfSubmitWaits(c *futures.Ctx, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(c.Loop(), co).Result() // quiet: selfsubmit's

	l := c.Loop()
	f := futures.RunThreadsafe(l, co)
	<-f.Done() // quiet: selfsubmit's, through a variable

	errc := make(chan error, 1)
	l.CallSoonThreadsafe(func() {
		errc <- nil
	})
	<-errc // quiet: the error channel of a thread-safe submit to this loop
}

// Submitting to another loop and waiting is an ordinary block.
func otherSubmit(c *futures.Ctx, other *futures.Loop, co func(*futures.Ctx) (int, error)) {
	futures.RunThreadsafe(other, co).Result() // want `^\(\*futures\.Future\)\.Result blocks the event loop goroutine`
}

// The loop of a method value's receiver is its field: scheduled on s.loop,
// tick2 submitting to s.loop submits to itself.
func (s *server) start() {
	s.loop.CallSoon(s.tick2)
}

func (s *server) tick2() {
	co := func(*futures.Ctx) (int, error) { return 0, nil }
	futures.RunThreadsafe(s.loop, co).Result() // quiet: selfsubmit's
}

// A closure sees its creator's loop through the captured variable.
func captured(l *futures.Loop, co func(*futures.Ctx) (int, error)) {
	l.CallSoon(func() {
		futures.RunThreadsafe(l, co).Result() // quiet: selfsubmit's
	})
}

// A submit made from a goroutine of its own is no self-submit: the wait
// for the callback it hands over is loopblock's deadlock.
func submitInGoroutine(c *futures.Ctx) {
	errc := make(chan error, 1)
	go c.Loop().CallSoonThreadsafe(func() { errc <- nil })
	<-errc // want `a channel receive deadlocks the event loop: only callbacks run after this code returns send on or close it`
}
