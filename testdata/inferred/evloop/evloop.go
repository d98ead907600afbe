// Package evloop is a hand-written event loop: one goroutine drains a
// channel of functions (the shape of many applications' own Loop).
package evloop

import (
	"net/http"
	"time"
)

type EventLoop struct {
	jobs chan func()
	quit chan struct{}
}

func New() *EventLoop {
	e := &EventLoop{jobs: make(chan func()), quit: make(chan struct{})}
	go e.serve()
	return e
}

func (e *EventLoop) serve() {
	for {
		select {
		case f := <-e.jobs:
			f()
		case <-e.quit:
			return
		case <-time.After(time.Second):
		}
	}
}

// Post hands f to the loop and returns once the loop has taken it.
func (e *EventLoop) Post(f func()) { e.jobs <- f }

// Invoke runs f on the loop and waits for it.
func (e *EventLoop) Invoke(f func()) {
	done := make(chan struct{})
	e.jobs <- func() { f(); close(done) }
	<-done
}

// invokeVia is a wrapper: it waits as Invoke does.
func invokeVia(e *EventLoop, f func()) { e.Invoke(f) }

func (e *EventLoop) Stop() { close(e.quit) }

func work(e *EventLoop) {
	e.Post(func() {
		e.Invoke(func() {}) // want `deadlock`
	})
	e.Invoke(func() {
		e.Post(func() {}) // want `deadlock`
	})
	e.Invoke(func() {
		invokeVia(e, func() {}) // want `deadlock`
	})
	e.Invoke(func() {
		http.Get("http://example.com") // want `blocks`
	})
	// Quiet: from outside the loop.
	e.Invoke(func() {})
	// Quiet: from a goroutine started on the loop.
	e.Invoke(func() {
		go e.Invoke(func() {})
		go func() { e.Invoke(func() {}) }()
	})
}
