// Selfsubmit: a coroutine that submits thread-safely back to its own loop.
//
// The Python question behind it: an actor's event loop runs on its own
// thread; coroutine f(x) calls run_coroutine_threadsafe(g(x / 2), loop) on
// that same loop and returns the future, so the caller has to write
// future.result().result(). The answer: inside a coroutine, just await g.
// The Go spelling of the mistake is RunThreadsafe(c.Loop(), ...) from a
// coroutine, returning *Future from a coroutine; had f waited on that future
// instead of returning it, the loop would deadlock: -wait runs that version,
// which hangs (and is reported as stalled), or, in the runtime's debug mode,
// fails at once with a deadlock error.
//
//	go run ./examples/selfsubmit                       # the fix
//	go run ./examples/selfsubmit -mistake              # the mistake
//	go run ./examples/selfsubmit -mistake -wait        # the mistake, waiting: a deadlock
//	go run ./examples/selfsubmit -mistake -wait -debug # the deadlock caught by debug mode
package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

// wait makes the mistake wait for the future it submitted to its own loop.
var wait = flag.Bool("wait", false, "with -mistake, wait for the self-submitted future (a deadlock)")

func main() {
	demo.Main(fixed, func() (string, error) {
		if *wait {
			return mistakeWaits()
		}
		return mistake()
	})
}

// g doubles x.
func g(c *futures.Ctx, x float64) (float64, error) { return x * 2, nil }

// halfThenDoubleFuture is the question's f: a thread-safe submit to the loop
// it is already running on, and a future handed back to its caller (run as a
// coroutine below, that makes a future of a future).
func halfThenDoubleFuture(c *futures.Ctx, x float64) (*futures.Future[float64], error) {
	fut := futures.RunThreadsafe(c.Loop(), func(c *futures.Ctx) (float64, error) { // futurelint reports selfsubmit
		return g(c, x/2)
	})
	return fut, nil
}

// halfThenDoubleWaits is f waiting for the future it submitted to its own
// loop: the loop is blocked in Result, so the submitted coroutine never runs.
func halfThenDoubleWaits(c *futures.Ctx, x float64) (float64, error) {
	return futures.RunThreadsafe(c.Loop(), func(c *futures.Ctx) (float64, error) { // futurelint reports selfsubmit
		return g(c, x/2)
	}).Result()
}

// halfThenDouble is the fix: call the coroutine directly; it runs on this
// loop already. (To run it as a task of its own, Await a Spawn.)
func halfThenDouble(c *futures.Ctx, x float64) (float64, error) {
	return g(c, x/2)
}

// actor starts an event loop on a goroutine of its own, as the question does
// with a thread.
func actor() (*futures.Loop, func()) {
	ctx, stop := context.WithCancel(context.Background())
	l := futures.NewLoop()
	go l.Run(ctx)
	return l, stop
}

func mistake() (string, error) {
	l, stop := actor()
	defer stop()
	future := futures.RunThreadsafe(l, func(c *futures.Ctx) (*futures.Future[float64], error) { // futurelint reports unwrapped
		return halfThenDoubleFuture(c, 10)
	})
	inner, err := future.Result()
	if err != nil {
		return "", err
	}
	v, err := inner.Result() // future.result().result()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("f(g(10)) = %v, after future.Result().Result()", v), nil
}

func mistakeWaits() (string, error) {
	l, stop := actor()
	defer stop()
	v, err := futures.RunThreadsafe(l, func(c *futures.Ctx) (float64, error) {
		return halfThenDoubleWaits(c, 10)
	}).Result()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("f(g(10)) = %v, after waiting on its own loop", v), nil
}

func fixed() (string, error) {
	l, stop := actor()
	defer stop()
	v, err := futures.RunThreadsafe(l, func(c *futures.Ctx) (float64, error) {
		return halfThenDouble(c, 10)
	}).Result()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("f(g(10)) = %v, after one Result()", v), nil
}
