// Package dispatchblock is a dispatcher whose handler blocks while
// callers wait for its replies.
package dispatchblock

import (
	"os/exec"
	"time"
)

type job struct {
	name string
	done chan error
}

type Runner struct{ jobs chan job }

func NewRunner() *Runner {
	r := &Runner{jobs: make(chan job)}
	go r.loop()
	return r
}

func (r *Runner) loop() {
	time.Sleep(time.Millisecond) // quiet: setting up, before the loop serves
	for {
		j, ok := <-r.jobs // quiet: the loop waiting for work
		if !ok {
			return
		}
		r.run(j)                     // want `^r\.run blocks \(\*Runner\)\.loop draining r\.jobs`
		time.Sleep(time.Millisecond) // want `^time\.Sleep blocks the goroutine of \(\*Runner\)\.loop draining r\.jobs`
	}
}

// run is the loop's handler, called only there: its waits are reported
// once, at the loop's call, with the chain.
func (r *Runner) run(j job) {
	time.Sleep(time.Second)
	j.done <- exec.Command(j.name).Run()
	go func() { time.Sleep(time.Second) }() // off the loop
}

// Run hands name to the loop and waits for the result.
func (r *Runner) Run(name string) error {
	done := make(chan error)
	r.jobs <- job{name, done}
	return <-done
}

// Ticker is a loop of functions whose select also takes ticks and quit.
type Ticker struct {
	calls chan func()
	quit  chan struct{}
}

func NewTicker() *Ticker {
	t := &Ticker{calls: make(chan func()), quit: make(chan struct{})}
	go t.serve()
	return t
}

func (t *Ticker) serve() {
	tick := time.NewTicker(time.Second)
	for {
		select { // quiet: the loop waiting for work
		case f := <-t.calls:
			f()
		case <-tick.C:
			time.Sleep(time.Millisecond) // want `^time\.Sleep blocks the goroutine of \(\*Ticker\)\.serve draining t\.calls`
		case <-t.quit:
			tick.Stop()
			return
		}
	}
}

// Call runs f on the loop; the caller waits for the loop to take it.
func (t *Ticker) Call(f func()) { t.calls <- f }

// Later hands the loop a closure of its own.
func (t *Ticker) Later() {
	t.calls <- func() {
		time.Sleep(time.Millisecond) // want `^time\.Sleep blocks the goroutine of \(\*Ticker\)\.serve draining t\.calls`
	}
}
