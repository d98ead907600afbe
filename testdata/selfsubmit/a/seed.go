package a

import (
	"context"

	"github.com/futurelint/futurelint/futures"
)

// The seed question (an actor loop in Python asyncio): a coroutine submits
// another coroutine back to its own loop with run_coroutine_threadsafe and
// returns the future, so the caller ends with future.result().result().

func double(x float64) func(*futures.Ctx) (float64, error) {
	return func(*futures.Ctx) (float64, error) { return x * 2, nil }
}

func half(x float64) func(*futures.Ctx) (*futures.Future[float64], error) {
	return func(c *futures.Ctx) (*futures.Future[float64], error) {
		// The returned *Future nested in the task's result is the unwrapped
		// rule's finding; this rule's is the submit back to c's own loop.
		fut := futures.RunThreadsafe(c.Loop(), double(x/2)) // want `futures\.RunThreadsafe submits to the current loop: a nested future; use futures\.Spawn\(c\.Loop\(\), co\), or call co\(c\)`
		return fut, nil
	}
}

// The main goroutine submitting to the loop and blocking on the result is
// the intended use: quiet.
func seedMain(x float64) (float64, error) {
	loop := futures.NewLoop()
	go loop.Run(context.Background())
	defer loop.Stop()
	future := futures.RunThreadsafe(loop, half(x))
	inner, err := future.Result()
	if err != nil {
		return 0, err
	}
	return inner.Result()
}

// What the question's answer says to write: await the coroutine directly.
func halfFixed(x float64) func(*futures.Ctx) (float64, error) {
	return func(c *futures.Ctx) (float64, error) {
		return double(x / 2)(c)
	}
}
