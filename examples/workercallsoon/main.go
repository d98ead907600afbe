// Workercallsoon: a worker goroutine hands its result to the loop with a
// loop-only call.
//
// CallSoon is for code already running on the loop: it appends to the
// loop's ready queue without a lock. Called from another goroutine it races
// with the loop. The futures runtime panics when it can tell (the loop is
// idle), and otherwise the race goes unseen unless the race detector is on;
// in debug mode every such call panics, busy loop or not, naming the API and
// the fix. The fix uses CallSoonThreadsafe, which locks and wakes the loop.
//
//	go run ./examples/workercallsoon                   # the fix
//	go run ./examples/workercallsoon -mistake -debug   # the mistake, caught by debug mode
package main

import (
	"context"
	"fmt"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(
		func() (string, error) { return run((*futures.Loop).CallSoonThreadsafe) },
		func() (string, error) { return run(callSoon) },
	)
}

// callSoon is the mistake: CallSoon from the worker goroutine.
func callSoon(l *futures.Loop, fn func()) error {
	l.CallSoon(fn) // a loop-only call off the loop (offloop, FL005)
	return nil
}

// run computes an answer on a worker goroutine, which hands it back to the
// loop with deliver, while a coroutine waits for it.
func run(deliver func(*futures.Loop, func()) error) (string, error) {
	return futures.Run(context.Background(), func(c *futures.Ctx) (string, error) {
		l := c.Loop()
		answer := futures.NewPromise[int]()
		go func() {
			v := 6 * 7
			if err := deliver(l, func() { answer.Resolve(v) }); err != nil {
				answer.Reject(err)
			}
		}()
		v, err := futures.Await(c, futures.Wrap(l, answer.Future()))
		return fmt.Sprintf("answer: %d", v), err
	})
}
