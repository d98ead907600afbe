// Package self calls inferred loops' invokes from their own loop code, in
// another package than the loops': the rows reach it as facts.
package self

import (
	"futurelint.test/inferred/dispatch"
	"futurelint.test/inferred/dispatchself"
	"futurelint.test/inferred/evloop"
	"futurelint.test/inferred/fieldfn"
	"futurelint.test/inferred/mainq"
	"futurelint.test/inferred/mainq2"
	"futurelint.test/inferred/sdlmain"
	"futurelint.test/inferred/service"
)

func evloopCalls(e *evloop.EventLoop) {
	e.Post(func() {
		e.Invoke(func() {}) // want `^e\.Invoke submits to the current loop, then waits for it: a deadlock`
	})
	e.Invoke(func() {
		e.Post(func() {}) // want `^e\.Post submits to the current loop, then waits for it: a deadlock`
	})
	// Quiet: from outside the loop.
	e.Invoke(func() {})
	// Quiet: from goroutines started on the loop.
	e.Invoke(func() {
		go e.Invoke(func() {})
		go func() { e.Invoke(func() {}) }()
	})
	// Quiet: Later posts through a goroutine; the caller never waits.
	e.Invoke(func() {
		e.Later(func() {})
	})
}

func mainqCalls() {
	mainq.Go(func() {
		mainq.Do(func() {}) // want `^mainq\.Do submits to the current loop, then waits for it: a deadlock`
	})
	mainq.Do(func() {
		_ = mainq.DoErr(func() error { return nil }) // want `^mainq\.DoErr submits to the current loop, then waits for it: a deadlock`
	})
	// Quiet: a buffered self-post.
	mainq.Do(func() {
		mainq.Go(func() {})
	})
}

func mainq2Calls() {
	mainq2.Call(func() {
		mainq2.Call(func() {}) // want `^mainq2\.Call submits to the current loop, then waits for it: a deadlock`
	})
	// Quiet: a guarded invoke runs fn directly on the loop.
	mainq2.Call(func() {
		mainq2.Guarded(func() {})
		mainq2.CallHere(func() {}) // quiet: the same guard before its own send
	})
	// A nil check before the send is no guard.
	mainq2.Call(func() {
		mainq2.CallSet(func() {}) // want `^mainq2\.CallSet submits to the current loop, then waits for it: a deadlock`
	})
}

func serviceCalls(s *service.Server) {
	s.Do(func(map[string]int) {
		s.Do(func(map[string]int) {}) // want `^s\.Do submits to the current loop and may block it waiting forever`
	})
}

// flush is an event of a dispatch.Bus: its Apply runs on the bus's goroutine.
type flush struct{}

func (e flush) Apply(b *dispatch.Bus) {
	b.Sync() // want `^b\.Sync waits for \(\*Bus\)\.loop draining b\.events, which runs this code: a deadlock`
}

// Quiet: Sync from outside the bus's goroutine, and an event's other methods.
func (e flush) Later(b *dispatch.Bus) { b.Sync() }

// relay is an event that waits for another bus: not the one applying it.
type relay struct{ to *dispatch.Bus }

func (e relay) Apply(b *dispatch.Bus) {
	e.to.Sync() // quiet: another bus's goroutine runs what Sync waits for
}

func storeCalls(s *dispatch.Store) int { return s.Get("k") }

func sdlmainCalls() {
	sdlmain.Do(func() {
		sdlmain.Do(func() {}) // want `^sdlmain\.Do submits to the current loop, then waits for it: a deadlock`
	})
	sdlmain.Do(func() {})
	go sdlmain.Do(func() {})
}

// bounce is a message of a dispatchself.Router: its Serve runs on the
// router's goroutine, whose queue is unbuffered.
type bounce struct{}

func (bounce) Serve(r *dispatchself.Router) {
	r.Route(bounce{}) // want `^r\.Route waits for \(\*Router\)\.loop draining r\.msgs, which runs this code: a deadlock`
}

// Quiet: Route from outside the router's goroutine.
func (bounce) Later(r *dispatchself.Router) { r.Route(bounce{}) }

// A fieldfn.Queue runs the fn field of each message it receives: the
// functions Post stores there run on its goroutine.
func queueCalls(q *fieldfn.Queue) {
	q.Post(func() {
		q.Post(func() {}) // want `^q\.Post submits to the current loop, then waits for it: a deadlock`
	})
	q.Post(func() {
		go q.Post(func() {}) // quiet: a goroutine of its own
	})
}

// guardedLoop runs f in place while its loop is running it, and invokes
// it otherwise: a guarded invoke whose check is a field of its receiver.
type guardedLoop struct {
	e       *evloop.EventLoop
	running bool
}

func (g *guardedLoop) run(f func()) {
	if g.running {
		f()
		return
	}
	g.e.Invoke(f)
}

func guardedCalls(g *guardedLoop) {
	g.e.Invoke(func() {
		g.run(func() {}) // quiet: a guarded invoke
	})
}
