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
	for {
		j, ok := <-r.jobs
		if !ok {
			return
		}
		r.run(j)
	}
}

func (r *Runner) run(j job) {
	time.Sleep(time.Second)                 // want `^time\.Sleep blocks the goroutine of \(\*Runner\)\.loop draining r\.jobs`
	j.done <- exec.Command(j.name).Run()    // want `^\(\*exec\.Cmd\)\.Run blocks the goroutine of \(\*Runner\)\.loop draining r\.jobs`
	go func() { time.Sleep(time.Second) }() // quiet: off the loop
}

// Run hands name to the loop and waits for the result.
func (r *Runner) Run(name string) error {
	done := make(chan error)
	r.jobs <- job{name, done}
	return <-done
}
