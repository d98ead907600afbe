// Package clean uses futures the way futurelint asks: nothing to report.
package clean

import (
	"time"

	"github.com/futurelint/futurelint/futures"
)

// Fetch awaits the executor job without blocking the loop.
func Fetch(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Await(c, futures.RunInExecutor(c.Loop(), e, work))
}

// Nap suspends the coroutine; the loop keeps running.
func Nap(c *futures.Ctx) error {
	return futures.Sleep(c, time.Second)
}

// Double awaits a coroutine on the same loop directly.
func Double(c *futures.Ctx, x int) (int, error) {
	return futures.Await(c, futures.Spawn(c.Loop(), func(c *futures.Ctx) (int, error) {
		return 2 * x, nil
	}))
}

// Counter counts finished jobs on the loop.
type Counter struct{ n int }

// Watch delivers completion on the loop through Wrap.
func (s *Counter) Watch(c *futures.Ctx, f *futures.Future[int]) error {
	futures.Wrap(c.Loop(), f).Then(func(v int, err error) { s.n++ })
	return nil
}

// FromMain blocks the main goroutine, not a loop: fine.
func FromMain(l *futures.Loop) (int, error) {
	return futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) { return 1, nil }).Result()
}

// Settle waits in a goroutine of its own, off the loop.
func Settle(c *futures.Ctx, f *futures.Future[int]) error {
	go func() { f.Result() }()
	return nil
}

// Warm blocks on purpose, and says why.
func Warm(c *futures.Ctx, e *futures.Executor) (int, error) {
	//futurelint:ignore loopblock the cache fills in microseconds, before the loop takes traffic
	return futures.Submit(e, work).Result()
}

func work() (int, error) { return 42, nil }
