package futures

import (
	"sync/atomic"
	"testing"
	"time"
)

// The two mistakes futurelint exists for, run for real: each stalls the loop
// (observed through a heartbeat coroutine that stops ticking) until the test
// unblocks it, while the fixed spelling completes.

const stallWindow = 150 * time.Millisecond

// heartbeat starts a coroutine on l that counts loop rounds every millisecond.
func heartbeat(t *testing.T, l *Loop) *atomic.Int64 {
	t.Helper()
	var beats atomic.Int64
	RunThreadsafe(l, func(c *Ctx) (int, error) {
		for {
			beats.Add(1)
			if err := Sleep(c, time.Millisecond); err != nil {
				return 0, err
			}
		}
	})
	waitBeats(t, &beats)
	return &beats
}

// waitBeats waits until the heartbeat ticks again, proving the loop runs.
func waitBeats(t *testing.T, beats *atomic.Int64) {
	t.Helper()
	start := beats.Load()
	deadline := time.Now().Add(10 * time.Second)
	for beats.Load() < start+2 {
		if time.Now().After(deadline) {
			t.Fatal("the loop is not running: heartbeat stopped")
		}
		time.Sleep(time.Millisecond)
	}
}

// expectStall checks that f stays pending and the heartbeat stays still for
// stallWindow: the loop goroutine is blocked.
func expectStall[T any](t *testing.T, f *Future[T], beats *atomic.Int64) {
	t.Helper()
	before := beats.Load()
	select {
	case <-f.Done():
		t.Fatal("the blocking coroutine completed; expected it to stall the loop")
	case <-time.After(stallWindow):
	}
	if after := beats.Load(); after != before {
		t.Fatalf("heartbeat went from %d to %d while the loop should be blocked", before, after)
	}
}

// Seed 000: a coroutine blocks on an executor future whose job needs the loop.
func TestSeedBlockingOnExecutorFutureStallsLoop(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	defer shutdown(t, e)
	l, stop := startLoop(t)
	beats := heartbeat(t, l)
	// work needs the loop: it runs a coroutine there and waits for it, which
	// is fine on a worker goroutine.
	work := func() (int, error) {
		return RunThreadsafe(l, func(c *Ctx) (int, error) { return 1, nil }).Result()
	}

	jobs := make(chan *Future[int], 1)
	mistake := RunThreadsafe(l, func(c *Ctx) (int, error) {
		f := Submit(e, work)
		jobs <- f
		return f.Result() // blocks the loop goroutine; work can never finish
	})
	job := <-jobs
	expectStall(t, mistake, beats)
	// Unblock: cancelling the job's future releases Result.
	job.Cancel()
	if _, err := result(t, mistake); err != ErrCancelled {
		t.Fatalf("mistake = %v; want ErrCancelled after unblocking", err)
	}
	waitBeats(t, beats)

	fixed := RunThreadsafe(l, func(c *Ctx) (int, error) {
		return Await(c, RunInExecutor(c.Loop(), e, work))
	})
	if v, err := result(t, fixed); v != 1 || err != nil {
		t.Fatalf("fixed = %v, %v; want 1, nil", v, err)
	}
	wrapped := RunThreadsafe(l, func(c *Ctx) (int, error) {
		return Await(c, Wrap(c.Loop(), Submit(e, work)))
	})
	if v, err := result(t, wrapped); v != 1 || err != nil {
		t.Fatalf("wrapped = %v, %v; want 1, nil", v, err)
	}
	waitBeats(t, beats)
	stop()
}

// Seed 004: a coroutine submits a coroutine back to its own loop thread-safely
// and waits for the result.
func TestSeedSelfSubmitDeadlocks(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	beats := heartbeat(t, l)
	half := func(x float64) func(*Ctx) (float64, error) {
		return func(c *Ctx) (float64, error) { return x / 2, nil }
	}

	inner := make(chan *Future[float64], 1)
	mistake := RunThreadsafe(l, func(c *Ctx) (float64, error) {
		f := RunThreadsafe(c.Loop(), half(20))
		inner <- f
		v, err := f.Result() // the loop is blocked here, so half never runs
		return v * 2, err
	})
	f := <-inner
	expectStall(t, mistake, beats)
	f.Cancel()
	if _, err := result(t, mistake); err != ErrCancelled {
		t.Fatalf("mistake = %v; want ErrCancelled after unblocking", err)
	}
	waitBeats(t, beats)

	fixed := RunThreadsafe(l, func(c *Ctx) (float64, error) {
		v, err := Await(c, Spawn(c.Loop(), half(20)))
		return v * 2, err
	})
	if v, err := result(t, fixed); v != 20 || err != nil {
		t.Fatalf("fixed = %v, %v; want 20, nil", v, err)
	}
	stop()
}
