// Command selfsubmit shows seed 004: code running on a loop submits a
// coroutine back to the same loop with RunThreadsafe and waits for it. The
// loop is blocked in Result, so the coroutine can never run: a deadlock.
// Awaiting Spawn directly is the fix.
//
//	go run ./examples/selfsubmit            # the fix
//	go run ./examples/selfsubmit -mistake   # the deadlock, broken by a watchdog
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// g halves x.
func g(x float64) func(*futures.Ctx) (float64, error) {
	return func(*futures.Ctx) (float64, error) { return x / 2, nil }
}

// mistake returns f(x) = 2 * g(x) by a thread-safe submit to its own loop.
func mistake(c *futures.Ctx, x float64) (float64, error) {
	fut := futures.RunThreadsafe(c.Loop(), g(x))
	watchdog(fut)
	v, err := fut.Result() // blocks the only goroutine that could run g
	return 2 * v, err
}

// fix awaits g on the same loop.
func fix(c *futures.Ctx, x float64) (float64, error) {
	v, err := futures.Await(c, futures.Spawn(c.Loop(), g(x)))
	return 2 * v, err
}

// watchdog cancels fut if it is still pending after a second, to end the
// demonstration of the deadlock.
func watchdog(fut *futures.Future[float64]) {
	go func() {
		select {
		case <-fut.Done():
		case <-time.After(time.Second):
			fmt.Fprintln(os.Stderr, "deadlock: still waiting after 1s; cancelling")
			fut.Cancel()
		}
	}()
}

func main() {
	useMistake := flag.Bool("mistake", false, "run the deadlocking version")
	flag.Parse()
	f := fix
	if *useMistake {
		f = mistake
	}
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (float64, error) { return f(c, 10) })
	fmt.Println(v, err)
	if err != nil {
		os.Exit(1)
	}
}
