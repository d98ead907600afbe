// Package sample is what the golangci-lint integration test lints: each line
// marked "want:" must come back as a (futurelint) issue, and nothing else.
package sample

import (
	"time"

	"futurelint.test/gcl/sample/ask"
	"github.com/futurelint/futurelint/futures"
)

// Fetch blocks the loop until the executor job is done.
func Fetch(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Submit(e, work).Result() // want: loopblock
}

// Nap stalls the loop.
func Nap(c *futures.Ctx) error {
	time.Sleep(time.Millisecond) // want: loopblock
	return nil
}

// Poke submits thread-safely to its own loop.
func Poke(c *futures.Ctx) error {
	c.Loop().CallSoonThreadsafe(func() {}) // want: selfsubmit
	return nil
}

// Counter counts finished jobs.
type Counter struct{ n int }

// Watch counts on the executor's goroutine.
func (s *Counter) Watch(c *futures.Ctx, f *futures.Future[int]) error {
	f.OnDone(func(v int, err error) { s.n++ }) // want: unwrapped
	return nil
}

// Warm blocks on purpose; golangci-lint's nolint silences it.
func Warm(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Submit(e, work).Result() //nolint:futurelint // the cache fills before traffic
}

// Fine waits without blocking the loop.
func Fine(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Await(c, futures.RunInExecutor(c.Loop(), e, work))
}

func work() (int, error) { return 42, nil }

// AskSelf waits, on the loop, for work it submits to that same loop: a
// deadlock only a wrapper's facts from package ask show.
func AskSelf(c *futures.Ctx) (int, error) {
	return ask.Ask(c.Loop(), func(*futures.Ctx) (int, error) { return work() }) // want: selfsubmit
}
