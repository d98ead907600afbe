// Package own holds an event loop whose own code waits for it: in the
// loop's body, and in closures the package sends to its queue directly.
package own

import "time"

type Loop struct {
	jobs chan func()
	tick *time.Ticker
}

func New() *Loop {
	l := &Loop{jobs: make(chan func()), tick: time.NewTicker(time.Second)}
	go l.serve()
	return l
}

func (l *Loop) serve() {
	l.Invoke(func() {})          // want `^l\.Invoke submits to the current loop, then waits for it: a deadlock`
	time.Sleep(time.Millisecond) // quiet: setting up, before the loop serves
	for {
		select {
		case f := <-l.jobs:
			f()
		case <-l.tick.C:
			l.Invoke(l.refresh) // want `^l\.Invoke submits to the current loop, then waits for it: a deadlock`
			go l.Invoke(l.refresh)
		}
	}
}

func (l *Loop) refresh() {}

// Invoke runs f on the loop and waits for it.
func (l *Loop) Invoke(f func()) {
	done := make(chan struct{})
	l.jobs <- func() {
		f()
		close(done)
	}
	<-done
}

// Resize hands the loop a closure of its own.
func (l *Loop) Resize() {
	l.jobs <- func() {
		l.Invoke(l.refresh) // want `^l\.Invoke submits to the current loop, then waits for it: a deadlock`
	}
	go func() {
		l.Invoke(l.refresh) // quiet: a goroutine of its own
	}()
}

// A closure stored, not sent, is not the loop's.
func (l *Loop) Stored() func() {
	return func() { l.Invoke(l.refresh) }
}
