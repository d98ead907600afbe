// Package app makes each of futurelint's mistakes once; findings.golden
// lists what futurelint reports here.
package app

import (
	"sync"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// Fetch blocks the loop until the executor job is done.
func Fetch(c *futures.Ctx, e *futures.Executor) (int, error) {
	f := futures.Submit(e, work)
	return f.Result()
}

// Nap stalls every other task on the loop for a second.
func Nap(c *futures.Ctx) error {
	time.Sleep(time.Second)
	return nil
}

// Poke hands a callback to its own loop the thread-safe way.
func Poke(c *futures.Ctx) error {
	l := c.Loop()
	l.CallSoonThreadsafe(func() {})
	return nil
}

// Half submits a coroutine to its own loop thread-safely (selfsubmit); a
// helper called directly, it nests nothing (run as a coroutine it would).
func Half(c *futures.Ctx, x float64) (*futures.Future[float64], error) {
	return futures.RunThreadsafe(c.Loop(), func(c *futures.Ctx) (float64, error) {
		return x / 2, nil
	}), nil
}

// Twice waits for a coroutine it submitted to its own loop: the coroutine
// can only run once Twice returns, so neither ever does.
func Twice(c *futures.Ctx, x int) (int, error) {
	return futures.RunThreadsafe(c.Loop(), func(c *futures.Ctx) (int, error) {
		return 2 * x, nil
	}).Result()
}

// Counter counts finished jobs, but from a worker goroutine.
type Counter struct {
	n  int
	mu sync.Mutex
}

// Watch races with the loop: the OnDone callback runs on the executor.
func (s *Counter) Watch(c *futures.Ctx, f *futures.Future[int]) error {
	f.OnDone(func(v int, err error) { s.n++ })
	return nil
}

// Save submits a job and keeps no future: a failure goes unnoticed.
func Save(e *futures.Executor) {
	futures.Submit(e, work)
}

// Notify schedules on the loop from a goroutine, with a loop-only call.
func Notify(c *futures.Ctx) error {
	l := c.Loop()
	go func() {
		l.CallSoon(func() {})
	}()
	return nil
}

// Guarded sleeps with a mutex held: other loop code that locks it blocks
// the loop, and Guarded never resumes to unlock.
func (s *Counter) Guarded(c *futures.Ctx) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return futures.Sleep(c, time.Millisecond)
}

// Nested waits, in a job of e, for work queued on e.
func Nested(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		return futures.Submit(e, work).Result()
	})
}

func work() (int, error) { return 42, nil }
