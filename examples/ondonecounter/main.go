// Ondonecounter: an actor that counts finished jobs from OnDone callbacks.
//
// OnDone callbacks run on the goroutine that settles the future: for an
// executor job, a worker. The mistaken actor increments its counter there, so
// several workers write it at once and increments are lost (run it with
// -race to see the race). The fix wraps each future onto the loop, and
// counts in Then callbacks, which the loop runs one at a time.
//
//	go run ./examples/ondonecounter            # the fix
//	go run -race ./examples/ondonecounter -mistake   # the mistake
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

// jobs is how many jobs the actor submits.
const jobs = 1000

func main() {
	demo.Main(
		func() (string, error) { return run((*actor).countOnLoop) },
		func() (string, error) { return run((*actor).countOnWorkers) },
	)
}

// actor is loop-owned state: only code on its loop may touch it.
type actor struct {
	finished int
	all      *futures.Promise[int] // resolved with finished once every job is counted
}

// countOnWorkers is the mistake: OnDone runs the increment on executor
// workers, racing with each other and with the loop.
func (a *actor) countOnWorkers(c *futures.Ctx, e *futures.Executor) {
	for i := range jobs {
		f := futures.Submit(e, square(i))
		f.OnDone(func(int, error) { // futurelint reports unwrapped
			a.finished++
			if a.finished == jobs {
				a.all.Resolve(a.finished)
			}
		})
	}
}

// countOnLoop is the fix: Wrap delivers each completion on the loop.
func (a *actor) countOnLoop(c *futures.Ctx, e *futures.Executor) {
	for i := range jobs {
		futures.Wrap(c.Loop(), futures.Submit(e, square(i))).Then(func(int, error) {
			a.finished++
			if a.finished == jobs {
				a.all.Resolve(a.finished)
			}
		})
	}
}

// square is a job that takes a moment, as real jobs do: several workers
// finish at once.
func square(i int) func() (int, error) {
	return func() (int, error) {
		time.Sleep(200 * time.Microsecond)
		return i * i, nil
	}
}

// run has a new actor count jobs on a loop, and waits for the count.
func run(count func(*actor, *futures.Ctx, *futures.Executor)) (string, error) {
	e := futures.NewExecutor(4)
	defer e.Shutdown(context.Background())
	return futures.Run(context.Background(), func(c *futures.Ctx) (string, error) {
		a := &actor{all: futures.NewPromise[int]()}
		count(a, c, e)
		n, err := futures.Await(c, futures.Wrap(c.Loop(), a.all.Future()))
		return fmt.Sprintf("counted %d of %d jobs", n, jobs), err
	})
}
