// Package lib holds a coroutine and a job that other packages run.
package lib

import "github.com/futurelint/futurelint/futures"

var exec = futures.NewExecutor(1)

func load() (int, error) { return 1, nil }

// Start is not reported here: nothing in this package runs it as a
// coroutine, and a function taking a *futures.Ctx may as well be a helper
// that its callers call directly. It is reported where it is spawned.
func Start(c *futures.Ctx) (*futures.Future[int], error) {
	return futures.Submit(exec, load), nil
}

// Job is no coroutine: nothing here says it runs as a job, so it is
// reported where it is submitted.
func Job() (*futures.Future[int], error) {
	return futures.Submit(exec, load), nil
}

// Nested hands its caller a future whose value is a future.
func Nested() *futures.Future[*futures.Future[int]] {
	p := futures.NewPromise[*futures.Future[int]]()
	p.Resolve(futures.Submit(futures.NewExecutor(1), load))
	return p.Future()
}
