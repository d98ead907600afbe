package a

import (
	"errors"

	"futurelint.test/unwrapped/lib"

	"github.com/futurelint/futurelint/futures"
)

// Coroutines and jobs whose result is itself a future or a task: the
// caller gets a future of a future.

var exec = futures.NewExecutor(1)

var errNoActor = errors.New("no actor")

func start(c *futures.Ctx) (*futures.Future[int], error) { // want `coroutine start returns a \*futures\.Future\[int\]: a future of a future; return futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), f\)\)`
	return futures.Submit(exec, load), nil
}

func (s *actor) child(ctx *futures.Ctx) (*futures.Task[int], error) { // want `coroutine child returns a \*futures\.Task\[int\]: .*return futures\.Await\(ctx, t\)`
	return futures.Spawn(ctx.Loop(), func(*futures.Ctx) (int, error) { return 1, nil }), nil
}

func nestedJob() (*futures.Future[int], error) { // want `executor job nestedJob returns a \*futures\.Future\[int\]: a future of a future`
	return nil, nil
}

func closures(c *futures.Ctx, l *futures.Loop, e *futures.Executor) {
	futures.Spawn(l, start)                                               // quiet here: start is reported at its declaration
	futures.Spawn(l, (&actor{}).child)                                    // quiet here: child is reported at its declaration
	futures.Spawn(l, func(c *futures.Ctx) (*futures.Future[int], error) { // want `^coroutine returns a \*futures\.Future\[int\]`
		return futures.Submit(e, load), nil
	})
	futures.RunThreadsafe(l, func(c *futures.Ctx) (*futures.Task[int], error) { // want `^coroutine returns a \*futures\.Task\[int\]`
		return nil, nil
	})
	futures.Submit(e, func() (*futures.Future[string], error) { // want `^executor job returns a \*futures\.Future\[string\]`
		return nil, nil
	})
	futures.RunInExecutor(c.Loop(), e, func() (*futures.Task[int], error) { // want `executor job returns a \*futures\.Task\[int\]: a task off its loop`
		return nil, nil
	})
	futures.Submit(e, nestedJob) // quiet here: nestedJob is reported at its declaration
	futures.Submit(e, nestedJob) // reported once, however often it is submitted
}

func run(co func(*futures.Ctx) (*futures.Future[int], error), task func(*futures.Ctx) (*futures.Task[int], error)) {
	futures.Run(nil, task) // want `^coroutine returns a \*futures\.Task\[int\]`
	futures.Run(nil, co)   // quiet: Run hands the caller the inner future itself, on its own goroutine, after the loop stopped
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

// Helpers that take the marker and return (T, error) but are only called
// directly: the caller gets a plain task or future, nothing is nested.
func (s *actor) startFetch(c *futures.Ctx, e *futures.Executor) (*futures.Task[int], error) { // quiet: never run as a coroutine
	if s == nil {
		return nil, errNoActor
	}
	return futures.RunInExecutor(c.Loop(), e, load), nil
}

func startJob(c *futures.Ctx, e *futures.Executor) (*futures.Future[int], error) { // quiet: never run as a coroutine
	return futures.Submit(e, load), nil
}

func (s *actor) useHelpers(c *futures.Ctx, e *futures.Executor) (int, error) {
	t, err := s.startFetch(c, e)
	if err != nil {
		return 0, err
	}
	f, err := startJob(c, e)
	if err != nil {
		return 0, err
	}
	if _, err := futures.Await(c, futures.Wrap(c.Loop(), f)); err != nil {
		return 0, err
	}
	return futures.Await(c, t)
}

// Coroutines and jobs of another package.
func imported(l *futures.Loop, e *futures.Executor) {
	futures.Spawn(l, lib.Start)                                           // want `^coroutine lib\.Start returns a \*futures\.Future\[int\]`
	futures.Spawn(l, lib.Start)                                           // reported once, above
	futures.Submit(e, lib.Job)                                            // want `^executor job lib\.Job returns a \*futures\.Future\[int\]`
	futures.Run(nil, func(c *futures.Ctx) (*futures.Future[int], error) { // quiet: as for run above
		return lib.Start(c)
	})
}

// A coroutine returning a future, run only by futures.Run: the caller gets
// that future, once, after the loop stopped, and may block on it.
func startAll(c *futures.Ctx) (*futures.Future[int], error) { // quiet: only run by futures.Run
	return futures.Submit(exec, load), nil
}

func mainStart() (int, error) {
	f, err := futures.Run(nil, startAll)
	if err != nil {
		return 0, err
	}
	return f.Result()
}

// A task returned through futures.Run belongs to a loop that has stopped.
func startTask(c *futures.Ctx) (*futures.Task[int], error) { // want `^coroutine startTask returns a \*futures\.Task\[int\]`
	return futures.Spawn(c.Loop(), func(*futures.Ctx) (int, error) { return 1, nil }), nil
}

func mainTask() { futures.Run(nil, startTask) }

// Wraps of a future whose value is itself a future: the task holds a
// future still off the loop.
func wraps(c *futures.Ctx, e *futures.Executor, ff *futures.Future[*futures.Future[int]], p *futures.Promise[*futures.Future[int]]) {
	futures.Wrap(c.Loop(), ff)                                                // want `^futures\.Wrap of a \*futures\.Future\[\*futures\.Future\[int\]\]: a nested future, its \*futures\.Future\[int\] off the loop; await it, then wrap the inner future too`
	futures.Wrap(c.Loop(), p.Future())                                        // want `^futures\.Wrap of a \*futures\.Future\[\*futures\.Future\[int\]\]: a nested future`
	futures.Wrap(c.Loop(), lib.Nested())                                      // want `^futures\.Wrap of a \*futures\.Future\[\*futures\.Future\[int\]\]: a nested future`
	futures.RunInExecutor(c.Loop(), e, func() (*futures.Future[int], error) { // want `^executor job returns a \*futures\.Future\[int\]: a future of a future`
		return nil, nil
	})
	futures.Wrap(c.Loop(), futures.Submit(e, nestedJob)) // quiet: nestedJob is reported at its declaration
	futures.Wrap(c.Loop(), futures.Submit(e, load))      // quiet: a plain value
}
