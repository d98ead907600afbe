package a

import (
	"futurelint.test/unwrapped/lib"

	"github.com/futurelint/futurelint/futures"
)

// Coroutines and jobs whose result is itself a future or a task: the
// caller gets a future of a future.

var exec = futures.NewExecutor(1)

func start(c *futures.Ctx) (*futures.Future[int], error) { // want `coroutine start returns a \*futures\.Future\[int\]: whoever runs it gets a future of a future and must wait twice, and the inner executor future escapes the loop unwrapped; await the inner work inside the coroutine and return its value: v, err := futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), f\)\); return v, err`
	return futures.Submit(exec, load), nil
}

func (s *actor) child(ctx *futures.Ctx) (*futures.Task[int], error) { // want `coroutine child returns a \*futures\.Task\[int\]: .*return futures\.Await\(ctx, t\)`
	return futures.Spawn(ctx.Loop(), func(*futures.Ctx) (int, error) { return 1, nil }), nil
}

func nestedJob() (*futures.Future[int], error) { // want `executor job nestedJob returns a \*futures\.Future\[int\]: the caller gets a future of a future`
	return nil, nil
}

func closures(c *futures.Ctx, l *futures.Loop, e *futures.Executor) {
	futures.Spawn(l, start)                                               // quiet here: start is reported at its declaration
	futures.Spawn(l, func(c *futures.Ctx) (*futures.Future[int], error) { // want `^coroutine returns a \*futures\.Future\[int\]`
		return futures.Submit(e, load), nil
	})
	futures.RunThreadsafe(l, func(c *futures.Ctx) (*futures.Task[int], error) { // want `^coroutine returns a \*futures\.Task\[int\]`
		return nil, nil
	})
	futures.Submit(e, func() (*futures.Future[string], error) { // want `^executor job returns a \*futures\.Future\[string\]`
		return nil, nil
	})
	futures.RunInExecutor(c.Loop(), e, func() (*futures.Task[int], error) { // want `^executor job returns a \*futures\.Task\[int\]: .*a task may only be used on its loop`
		return nil, nil
	})
	futures.Submit(e, nestedJob) // quiet here: nestedJob is reported at its declaration
	futures.Submit(e, nestedJob) // reported once, however often it is submitted
}

func run(co func(*futures.Ctx) (*futures.Future[int], error)) {
	futures.Run(nil, co) // want `^coroutine returns a \*futures\.Future\[int\]`
}

// Plain results: nothing nested.
func plain(c *futures.Ctx, l *futures.Loop, e *futures.Executor) (int, error) {
	futures.Spawn(l, func(*futures.Ctx) (int, error) { return 1, nil }) // quiet: a plain value
	futures.Submit(e, load)                                             // quiet: a plain value
	futures.Submit(e, func() (*actor, error) { return nil, nil })       // quiet: a pointer that is not a future
	p := futures.NewPromise[*futures.Future[int]]()                     // quiet: a promise of a future is a deliberate hand-over
	_ = p
	return futures.Await(c, futures.Spawn(l, func(*futures.Ctx) (int, error) { return 1, nil }))
}

// Helpers that take the marker but are not coroutine-shaped.
func handle(c *futures.Ctx, e *futures.Executor) *futures.Task[int] { // quiet: returns a task to its loop-code caller, which awaits it
	return futures.RunInExecutor(c.Loop(), e, load)
}

// Coroutines and jobs of another package.
func imported(l *futures.Loop, e *futures.Executor) {
	futures.Spawn(l, lib.Start)                                           // quiet here: reported at its declaration in lib
	futures.Submit(e, lib.Job)                                            // want `^executor job returns a \*futures\.Future\[int\]`
	futures.Run(nil, func(c *futures.Ctx) (*futures.Future[int], error) { // want `^coroutine returns a \*futures\.Future\[int\]`
		return lib.Start(c)
	})
}
