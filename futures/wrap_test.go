package futures

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestWrapDeliversOnLoop(t *testing.T) {
	checkNoLeaks(t)
	p := NewPromise[int]()
	go func() { time.Sleep(time.Millisecond); p.Resolve(3) }()
	v, err := Run(context.Background(), func(c *Ctx) (int, error) {
		task := Wrap(c.Loop(), p.Future())
		onLoop := false
		task.Then(func(int, error) { onLoop = c.Loop().busy.Load() && c.Loop().current.Load() == nil })
		v, err := Await(c, task)
		Sleep(c, 0)
		if !onLoop {
			t.Error("Then callback of a wrapped future did not run as a loop callback")
		}
		return v, err
	})
	if v != 3 || err != nil {
		t.Fatalf("Run = %v, %v; want 3, nil", v, err)
	}
}

func TestWrapClosedWhenLoopStops(t *testing.T) {
	checkNoLeaks(t)
	p := NewPromise[int]()
	l := NewLoop()
	task := Wrap(l, p.Future())
	l.CallSoon(l.Stop)
	l.Run(context.Background())
	if !task.Done() || task.core.err != ErrClosed {
		t.Fatalf("wrapped task after stop: %v; want ErrClosed", task.core.err)
	}
	p.Resolve(1) // settling the future later changes nothing
	if task.core.err != ErrClosed {
		t.Fatal("task settled twice")
	}
}

func TestWrapCancelCancelsFuture(t *testing.T) {
	checkNoLeaks(t)
	p := NewPromise[int]()
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		task := Wrap(c.Loop(), p.Future())
		task.Cancel()
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Future().Result(); err != ErrCancelled {
		t.Fatalf("wrapped future = %v; want ErrCancelled", err)
	}
}

func TestRunInExecutor(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(2)
	defer shutdown(t, e)
	v, err := Run(context.Background(), func(c *Ctx) (int, error) {
		a := RunInExecutor(c.Loop(), e, func() (int, error) { time.Sleep(time.Millisecond); return 40, nil })
		b := RunInExecutor(c.Loop(), e, func() (int, error) { return 2, nil })
		vals, err := Gather(c, a, b)
		if err != nil {
			return 0, err
		}
		_, err = Await(c, RunInExecutor(c.Loop(), e, func() (int, error) { panic("job") }))
		var pe *PanicError
		if !errors.As(err, &pe) {
			t.Errorf("panicking job: %v; want *PanicError", err)
		}
		return vals[0] + vals[1], nil
	})
	if v != 42 || err != nil {
		t.Fatalf("Run = %v, %v", v, err)
	}
}

func TestRunInExecutorCancelSkipsJob(t *testing.T) {
	checkNoLeaks(t)
	e := NewExecutor(1)
	gate := make(chan struct{})
	Submit(e, func() (int, error) { <-gate; return 0, nil })
	var ran atomic.Bool
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		task := RunInExecutor(c.Loop(), e, func() (int, error) { ran.Store(true); return 0, nil })
		task.Cancel()
		return 0, nil
	})
	close(gate)
	shutdown(t, e)
	if err != nil || ran.Load() {
		t.Fatalf("err %v, cancelled job ran: %v", err, ran.Load())
	}
}

func TestRunThreadsafe(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	f := RunThreadsafe(l, func(c *Ctx) (string, error) {
		if err := Sleep(c, time.Millisecond); err != nil {
			return "", err
		}
		return "hi", nil
	})
	if v, err := result(t, f); v != "hi" || err != nil {
		t.Fatalf("RunThreadsafe = %q, %v", v, err)
	}
	stop()
	after := RunThreadsafe(l, func(c *Ctx) (string, error) { return "x", nil })
	if _, err := result(t, after); err != ErrClosed {
		t.Fatalf("RunThreadsafe on a stopped loop = %v; want ErrClosed", err)
	}
}

func TestRunThreadsafeCancel(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	started := make(chan struct{})
	var sleepErr atomic.Value
	f := RunThreadsafe(l, func(c *Ctx) (int, error) {
		close(started)
		err := Sleep(c, time.Hour)
		sleepErr.Store(err)
		return 0, err
	})
	<-started
	if !f.Cancel() {
		t.Fatal("Cancel returned false")
	}
	deadline := time.Now().Add(10 * time.Second)
	for sleepErr.Load() == nil && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if sleepErr.Load() != ErrCancelled {
		t.Fatalf("coroutine's Sleep = %v; want ErrCancelled (Cancel reaches the task)", sleepErr.Load())
	}
	stop()
}

func TestRunThreadsafePendingAtStop(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	started := make(chan struct{})
	f := RunThreadsafe(l, func(c *Ctx) (int, error) { close(started); return 1, Sleep(c, time.Hour) })
	<-started
	stop()
	if _, err := result(t, f); err != ErrClosed {
		t.Fatalf("future of a coroutine unwound at stop = %v; want ErrClosed", err)
	}
}

func TestRunThreadsafeBeforeRun(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	f := RunThreadsafe(l, func(c *Ctx) (int, error) { c.Loop().Stop(); return 8, nil })
	l.Run(context.Background())
	if v, err := result(t, f); v != 8 || err != nil {
		t.Fatalf("= %v, %v", v, err)
	}
	// Posted to a loop that is stopped before it ever runs.
	l2 := NewLoop()
	f2 := RunThreadsafe(l2, func(c *Ctx) (int, error) { return 1, nil })
	l2.Stop()
	if _, err := result(t, f2); err != ErrClosed {
		t.Fatalf("= %v; want ErrClosed", err)
	}
}

func TestWrapMisuse(t *testing.T) {
	checkNoLeaks(t)
	mustPanic(t, "nil coroutine", func() { RunThreadsafe[int](NewLoop(), nil) })
	mustPanic(t, "nil Loop", func() { RunThreadsafe(nil, func(*Ctx) (int, error) { return 0, nil }) })
	mustPanic(t, "nil coroutine", func() { Run[int](context.Background(), nil) })
	mustPanic(t, "zero Future", func() { Wrap(NewLoop(), (*Future[int])(nil)) })
}
