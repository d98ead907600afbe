// Package block blocks in inferred loops' code, and reaches their
// invokes through wrappers.
package block

import (
	"net/http"
	"time"

	"futurelint.test/inferred/dispatch"
	"futurelint.test/inferred/dispatchself"
	"futurelint.test/inferred/evloop"
	"futurelint.test/inferred/mainq"
	"futurelint.test/inferred/mainq2"
	"futurelint.test/inferred/service"
)

// invoke is a wrapper: it waits for the loop as Invoke does.
func invoke(e *evloop.EventLoop, f func()) { e.Invoke(f) }

// count waits for the server goroutine.
func count(s *service.Server) int { return s.Count() }

func wrappers(e *evloop.EventLoop, s *service.Server) {
	e.Invoke(func() {
		invoke(e, func() {}) // want `^invoke deadlocks \(\*EventLoop\)\.serve draining e\.jobs: it waits for \(\*EventLoop\)\.serve draining e\.jobs, which is running this code`
	})
	// Quiet: the wrapper from outside the loop.
	invoke(e, func() {})
}

func blocking(e *evloop.EventLoop) {
	e.Invoke(func() {
		http.Get("http://example.com") // want `^http\.Get blocks the goroutine of \(\*EventLoop\)\.serve draining e\.jobs`
	})
	mainq.Go(func() {
		time.Sleep(time.Second) // want `^time\.Sleep blocks the goroutine of mainq\.Run draining queue`
	})
	// Quiet: off the loop.
	go func() { time.Sleep(time.Second) }()
}

// slow is an event of a dispatch.Bus: its Apply runs on the bus's goroutine.
type slow struct{}

func (slow) Apply(*dispatch.Bus) {
	time.Sleep(time.Second) // want `^time\.Sleep blocks the goroutine of \(\*Bus\)\.loop draining b\.events`
}

// Quiet: a method that is not the handler's.
func (slow) Wait() { time.Sleep(time.Second) }

// lazy is a message of a dispatchself.Router, which nobody waits on:
// blocking there is its job.
type lazy struct{}

func (lazy) Serve(*dispatchself.Router) {
	time.Sleep(time.Second) // quiet: nobody waits on the router
}

// mainq2.Guarded runs fn in place when already on the main goroutine;
// mainq2.Checked only skips a nil fn, then waits.
func guarded() {
	mainq2.Call(func() {
		mainq2.Guarded(func() {}) // quiet: a guarded invoke
		mainq2.Checked(func() {}) // want `^mainq2\.Checked deadlocks mainq2\.Main draining calls: it waits for mainq2\.Main draining calls`
	})
}
