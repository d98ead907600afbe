package futures

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
)

// checkNoLeaks fails the test if, at its end, more goroutines are alive than
// at its start (after a bounded wait for exiting goroutines to finish).
func checkNoLeaks(t *testing.T) {
	t.Helper()
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				t.Errorf("goroutines leaked: %d at start, %d now\n%s", before, runtime.NumGoroutine(), buf[:n])
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
}

// startLoop runs a new loop on its own goroutine. The returned stop function
// stops it and returns what Run returned; cleanup stops it too.
func startLoop(t *testing.T) (*Loop, func() error) {
	t.Helper()
	l := NewLoop()
	l.SetPanicHandler(func(pe *PanicError) { t.Errorf("unexpected callback panic: %v\n%s", pe.Value, pe.Stack) })
	errc := make(chan error, 1)
	go func() { errc <- l.Run(context.Background()) }()
	var err error
	stopped := false
	stop := func() error {
		if !stopped {
			stopped = true
			l.Stop()
			select {
			case err = <-errc:
			case <-time.After(10 * time.Second):
				t.Fatal("loop did not stop within 10s")
			}
		}
		return err
	}
	t.Cleanup(func() { stop() })
	return l, stop
}

// onLoop runs fn on l and waits for it.
func onLoop(t *testing.T, l *Loop, fn func()) {
	t.Helper()
	done := make(chan struct{})
	if err := l.CallSoonThreadsafe(func() { defer close(done); fn() }); err != nil {
		t.Fatalf("CallSoonThreadsafe: %v", err)
	}
	wait(t, done)
}

// wait fails the test if ch is not closed within a few seconds.
func wait(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("timed out waiting")
	}
}

// result waits (bounded) for f and returns its outcome.
func result[T any](t *testing.T, f *Future[T]) (T, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	v, err := f.ResultContext(ctx)
	if err == context.DeadlineExceeded {
		t.Fatal("future did not settle within 10s")
	}
	return v, err
}

// mustPanic runs fn and checks that it panics with a message containing want.
func mustPanic(t *testing.T, want string, fn func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Fatalf("no panic; want one mentioning %q", want)
		}
		msg, _ := r.(string)
		if !strings.HasPrefix(msg, "futures: ") || !strings.Contains(msg, want) {
			t.Fatalf("panic %q; want a \"futures: \" message mentioning %q", r, want)
		}
	}()
	fn()
}

// eventually waits (bounded) until cond holds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
