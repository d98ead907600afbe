// Package selfsend holds loops whose own code sends to the queue only they
// take from: an unbuffered send there never returns. Behind a condition it
// deadlocks when taken (a warning); from a goroutine of its own, or into a
// buffer, it does not.
package selfsend

import "time"

type Loop struct {
	jobs  chan func()
	later chan func()
	tick  *time.Ticker
	busy  bool
}

func New() *Loop {
	l := &Loop{jobs: make(chan func()), later: make(chan func(), 8), tick: time.NewTicker(time.Second)}
	go l.serve()
	go l.drain()
	return l
}

func (l *Loop) serve() {
	for {
		select {
		case f := <-l.jobs:
			f()
		case <-l.tick.C:
			if l.busy {
				l.jobs <- l.refresh // want `^a send to l\.jobs, which only this loop takes from, blocks the goroutine of \(\*Loop\)\.serve draining l\.jobs`
			}
			l.jobs <- l.refresh                 // want `^a send to l\.jobs deadlocks \(\*Loop\)\.serve draining l\.jobs: only this loop takes from it`
			go func() { l.jobs <- l.refresh }() // quiet: a goroutine of its own
		}
	}
}

// drain serves a buffered queue: a send back lands in the buffer.
func (l *Loop) drain() {
	for f := range l.later {
		f()
		if l.busy {
			l.later <- f
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

// Resize hands the loop a closure that may send to its queue again.
func (l *Loop) Resize() {
	l.jobs <- func() {
		if l.busy {
			l.jobs <- l.refresh // want `^a send to l\.jobs, which only this loop takes from, blocks the goroutine of \(\*Loop\)\.serve draining l\.jobs`
		}
	}
	go func() {
		l.jobs <- l.refresh // quiet: off the loop
	}()
}
