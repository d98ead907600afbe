// Package evloop is a hand-written event loop: one goroutine drains an
// unbuffered channel of functions, with a select that also takes a quit
// channel and a timer.
package evloop

import "time"

type EventLoop struct {
	jobs   chan func()
	quit   chan struct{}
	loopID int64
}

func New() *EventLoop {
	e := &EventLoop{jobs: make(chan func()), quit: make(chan struct{})}
	go e.serve()
	return e
}

func (e *EventLoop) serve() {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case f := <-e.jobs:
			f()
		case <-tick.C:
		case <-e.quit:
			return
		}
	}
}

// Post hands f to the loop; it returns once the loop has taken it.
func (e *EventLoop) Post(f func()) { e.jobs <- f }

// Invoke runs f on the loop and waits for it.
func (e *EventLoop) Invoke(f func()) {
	done := make(chan struct{})
	e.jobs <- func() {
		f()
		close(done)
	}
	<-done
}

// Later posts f from a goroutine of its own: the caller never waits.
func (e *EventLoop) Later(f func()) {
	go func() { e.jobs <- f }()
}

// Stop ends the loop.
func (e *EventLoop) Stop() { close(e.quit) }
