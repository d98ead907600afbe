// Package mainq2 is a main-thread queue whose messages carry the function
// and the channel the loop answers on, from a pool of channels.
package mainq2

import "sync"

type call struct {
	fn   func()
	done chan struct{}
}

var (
	calls = make(chan call)
	dones = sync.Pool{New: func() any { return make(chan struct{}) }}
)

// Main runs app on a new goroutine and serves calls here until it returns.
func Main(app func()) {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		app()
	}()
	for {
		select {
		case c := <-calls:
			c.fn()
			if c.done != nil {
				c.done <- struct{}{}
			}
		case <-finished:
			return
		}
	}
}

// Call runs fn on the main goroutine and waits for it.
func Call(fn func()) {
	done := dones.Get().(chan struct{})
	defer dones.Put(done)
	calls <- call{fn: fn, done: done}
	<-done
}

// onMain is set while the main goroutine runs a call.
var onMain bool

// Guarded runs fn directly when already on the main goroutine.
func Guarded(fn func()) {
	if onMain {
		fn()
		return
	}
	Call(fn)
}

// Checked skips a nil fn and then always waits.
func Checked(fn func()) {
	if fn == nil {
		return
	}
	Call(fn)
}

// CallSet skips a nil fn, then sends and waits as Call does.
func CallSet(fn func()) {
	if fn == nil {
		return
	}
	done := make(chan struct{})
	calls <- call{fn: fn, done: done}
	<-done
}

// CallHere runs fn directly when already on the main goroutine, and
// otherwise sends it and waits.
func CallHere(fn func()) {
	if onMain {
		fn()
		return
	}
	done := make(chan struct{})
	calls <- call{fn: fn, done: done}
	<-done
}
