package futures

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func shutdown(t *testing.T, e *Executor) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
}

func TestSubmitResults(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(3)
	boom := errors.New("boom")
	ok := Submit(e, func() (int, error) { return 42, nil })
	bad := Submit(e, func() (int, error) { return 0, boom })
	if v, err := result(t, ok); v != 42 || err != nil {
		t.Fatalf("ok job: %v, %v", v, err)
	}
	if _, err := result(t, bad); err != boom {
		t.Fatalf("failing job: %v; want boom", err)
	}
	shutdown(t, e)
}

func TestSubmitPanicKeepsWorker(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	f := Submit(e, func() (int, error) { panic("job exploded") })
	_, err := result(t, f)
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Value != "job exploded" || len(pe.Stack) == 0 {
		t.Fatalf("err = %#v; want *PanicError with value and stack", err)
	}
	// The only worker survived and runs the next job.
	if v, err := result(t, Submit(e, func() (int, error) { return 1, nil })); v != 1 || err != nil {
		t.Fatalf("job after panic: %v, %v", v, err)
	}
	shutdown(t, e)
}

func TestExecutorBoundsConcurrency(t *testing.T) {
	checkNoLeaks(t)
	const workers = 3
	e := NewExecutor(workers)
	var running, peak atomic.Int32
	var fs []*Future[int]
	for range 30 {
		fs = append(fs, Submit(e, func() (int, error) {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(time.Millisecond)
			running.Add(-1)
			return 0, nil
		}))
	}
	for _, f := range fs {
		result(t, f)
	}
	if p := peak.Load(); p != workers {
		t.Fatalf("peak concurrency %d; want %d", p, workers)
	}
	shutdown(t, e)
}

func TestExecutorDefaultWorkers(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(0)
	if e.live != runtime.GOMAXPROCS(0) {
		t.Fatalf("NewExecutor(0) started %d workers; want GOMAXPROCS = %d", e.live, runtime.GOMAXPROCS(0))
	}
	shutdown(t, e)
}

func TestShutdownDrainsQueue(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	gate := make(chan struct{})
	var ran atomic.Int32
	first := Submit(e, func() (int, error) { <-gate; ran.Add(1); return 0, nil })
	var queued []*Future[int]
	for range 10 {
		queued = append(queued, Submit(e, func() (int, error) { ran.Add(1); return 1, nil }))
	}
	done := make(chan error)
	go func() { done <- e.Shutdown(context.Background()) }()
	// Shutdown refuses new work at once, even while it waits.
	eventually(t, "Shutdown to close the executor", func() bool {
		e.mu.Lock()
		defer e.mu.Unlock()
		return e.closed
	})
	if _, err := result(t, Submit(e, func() (int, error) { return 0, nil })); err != ErrClosed {
		t.Fatalf("Submit during Shutdown: %v; want ErrClosed", err)
	}
	close(gate)
	if err := <-done; err != nil {
		t.Fatalf("Shutdown = %v", err)
	}
	if ran.Load() != 11 {
		t.Fatalf("%d jobs ran; want 11 (Shutdown waits for queued jobs)", ran.Load())
	}
	result(t, first)
	for _, f := range queued {
		if v, err := result(t, f); v != 1 || err != nil {
			t.Fatalf("queued job: %v, %v", v, err)
		}
	}
	wait(t, e.Stopped())
}

func TestShutdownDeadlineClosesQueued(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	gate := make(chan struct{})
	running := Submit(e, func() (int, error) { <-gate; return 7, nil })
	var queuedRan atomic.Bool
	queued := Submit(e, func() (int, error) { queuedRan.Store(true); return 0, nil })
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := e.Shutdown(ctx); err != context.DeadlineExceeded {
		t.Fatalf("Shutdown = %v; want DeadlineExceeded", err)
	}
	if _, err := result(t, queued); err != ErrClosed {
		t.Fatalf("queued job: %v; want ErrClosed", err)
	}
	select {
	case <-e.Stopped():
		t.Fatal("Stopped closed while a job is still running")
	default:
	}
	close(gate)
	if v, err := result(t, running); v != 7 || err != nil {
		t.Fatalf("running job: %v, %v; want 7, nil", v, err)
	}
	wait(t, e.Stopped())
	if queuedRan.Load() {
		t.Fatal("a job closed by Shutdown ran")
	}
}

func TestCancelQueuedJobNeverRuns(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	gate := make(chan struct{})
	Submit(e, func() (int, error) { <-gate; return 0, nil })
	var ran atomic.Bool
	f := Submit(e, func() (int, error) { ran.Store(true); return 1, nil })
	if !f.Cancel() {
		t.Fatal("Cancel of a queued job returned false")
	}
	close(gate)
	shutdown(t, e)
	if ran.Load() {
		t.Fatal("cancelled job ran")
	}
	if _, err := f.Result(); err != ErrCancelled {
		t.Fatalf("err = %v; want ErrCancelled", err)
	}
}

func TestSubmitShutdownRace(t *testing.T) {
	checkNoLeaks(t)
	for range 20 {
		e := NewExecutor(2)
		var wg sync.WaitGroup
		var mu sync.Mutex
		var fs []*Future[int]
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range 200 {
					f := Submit(e, func() (int, error) { return j, nil })
					mu.Lock()
					fs = append(fs, f)
					mu.Unlock()
				}
			}()
		}
		time.Sleep(time.Millisecond)
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		e.Shutdown(ctx)
		cancel()
		wg.Wait()
		for _, f := range fs {
			_, err := result(t, f)
			if err != nil && err != ErrClosed {
				t.Fatalf("job settled with %v", err)
			}
		}
		wait(t, e.Stopped())
	}
}

func TestExecutorMisuse(t *testing.T) {
	mustPanic(t, "nil Executor", func() { Submit[int](nil, func() (int, error) { return 0, nil }) })
	e := NewExecutor(1)
	defer shutdown(t, e)
	mustPanic(t, "nil function", func() { Submit[int](e, nil) })
	mustPanic(t, "nil context", func() { e.Shutdown(nil) }) //nolint:staticcheck // the misuse under test
}

func TestExecutorQueueKeepsOrder(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	var got []int // written by the single worker only
	var fs []*Future[int]
	for i := range 5000 {
		fs = append(fs, Submit(e, func() (int, error) { got = append(got, i); return i, nil }))
		if i%7 == 0 {
			time.Sleep(time.Microsecond)
		}
	}
	shutdown(t, e)
	for i, n := range got {
		if n != i {
			t.Fatalf("job %d ran in position %d", n, i)
		}
	}
	if len(got) != len(fs) {
		t.Fatalf("%d of %d jobs ran", len(got), len(fs))
	}
}

func TestExecutorQueueReusesConsumedFront(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	var got []int // written by the single worker only
	gate0, gate4 := make(chan struct{}), make(chan struct{})
	started0, started4 := make(chan struct{}), make(chan struct{})
	job := func(i int) func() (int, error) {
		return func() (int, error) {
			switch i {
			case 0:
				close(started0)
				<-gate0
			case 4:
				close(started4)
				<-gate4
			}
			got = append(got, i)
			return i, nil
		}
	}
	Submit(e, job(0))
	<-started0
	for i := 1; i <= 8; i++ { // fills the queue to its capacity
		Submit(e, job(i))
	}
	close(gate0)
	<-started4 // jobs 1-4 are consumed from the front
	Submit(e, job(9))
	if e.head != 0 || len(e.queue) != 5 {
		t.Errorf("queue head %d len %d; want the front reused (0, 5)", e.head, len(e.queue))
	}
	close(gate4)
	shutdown(t, e)
	for i, n := range got {
		if n != i {
			t.Fatalf("jobs ran as %v; want in submission order", got)
		}
	}
	if len(got) != 10 {
		t.Fatalf("jobs ran as %v", got)
	}
}
