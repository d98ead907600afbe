// Package selfsub specifies SelfSubmits: each thread-safe submit to the
// loop the code runs on carries a comment "submit: waits=N deadlock=B"
// saying how many operations wait for the submitted work and whether one
// of them provably deadlocks. Submits without the comment must not be
// found.
package selfsub

import "github.com/futurelint/futurelint/futures"

func co(*futures.Ctx) (int, error) { return 0, nil }

func direct(c *futures.Ctx) { // want direct:"blocks"
	futures.RunThreadsafe(c.Loop(), co).Result() // submit: waits=1 deadlock=true
}

func notWaited(c *futures.Ctx) {
	f := futures.RunThreadsafe(c.Loop(), co) // submit: waits=0 deadlock=false
	_ = f
}

func suspendsFirst(c *futures.Ctx) { // want suspendsFirst:"blocks" suspendsFirst:"suspends: calls futures.Sleep"
	f := futures.RunThreadsafe(c.Loop(), co) // submit: waits=1 deadlock=false
	futures.Sleep(c, 0)
	<-f.Done()
	f.Result()                   // settled by the receive: not a wait
	f.ResultContext(c.Context()) // nor this
}

func errorChannel(l *futures.Loop) {
	l.CallSoon(func() {
		errc := make(chan error, 1)
		l.CallSoonThreadsafe(func() { errc <- nil }) // submit: waits=1 deadlock=true
		<-errc
	})
}

func otherLoop(c *futures.Ctx, other *futures.Loop) { // want otherLoop:"blocks"
	futures.RunThreadsafe(other, co).Result() // another loop: not a self-submit
	other.CallSoonThreadsafe(func() {})
}

func fromGoroutine(l *futures.Loop) {
	go func() {
		futures.RunThreadsafe(l, co).Result() // not loop code
	}()
}

func inPlace(c *futures.Ctx) { // want inPlace:"blocks"
	func() {
		futures.RunThreadsafe(c.Loop(), co).Result() // submit: waits=1 deadlock=true
	}()
}
