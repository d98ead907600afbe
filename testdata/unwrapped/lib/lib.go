// Package lib holds a coroutine and a job that other packages run.
package lib

import "github.com/futurelint/futurelint/futures"

var exec = futures.NewExecutor(1)

func load() (int, error) { return 1, nil }

// Start is reported here, at its declaration, and not where it is spawned.
func Start(c *futures.Ctx) (*futures.Future[int], error) { // want `^coroutine Start returns a \*futures\.Future\[int\]`
	return futures.Submit(exec, load), nil
}

// Job is no coroutine: nothing here says it runs as a job, so it is
// reported where it is submitted.
func Job() (*futures.Future[int], error) {
	return futures.Submit(exec, load), nil
}
