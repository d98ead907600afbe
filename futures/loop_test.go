package futures

import (
	"context"
	"log"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestCallSoonRunsInOrderAfterCurrent(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	var got []string
	onLoop(t, l, func() {
		l.CallSoon(func() { got = append(got, "b") })
		l.CallSoon(func() {
			got = append(got, "c")
			l.CallSoon(func() { got = append(got, "e") })
		})
		l.CallSoon(func() { got = append(got, "d") })
		got = append(got, "a")
	})
	done := make(chan struct{})
	onLoop(t, l, func() { l.CallSoon(func() { close(done) }) })
	wait(t, done)
	if s := strings.Join(got, ""); s != "abcde" {
		t.Fatalf("order %q; want abcde", s)
	}
	if err := stop(); err != nil {
		t.Fatalf("Run after Stop = %v; want nil", err)
	}
}

func TestRunReturnsCtxErr(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() { errc <- l.Run(ctx) }()
	cancel()
	if err := <-errc; err != context.Canceled {
		t.Fatalf("Run = %v; want context.Canceled", err)
	}
	if err := l.CallSoonThreadsafe(func() {}); err != ErrClosed {
		t.Fatalf("CallSoonThreadsafe after Run returned: %v; want ErrClosed", err)
	}
	wait(t, l.Stopped())
}

func TestRunOnceOnly(t *testing.T) {
	l := NewLoop()
	l.Stop()
	if err := l.Run(context.Background()); err != nil {
		t.Fatalf("Run after Stop = %v; want nil", err)
	}
	mustPanic(t, "runs once", func() { l.Run(context.Background()) })
}

func TestCallSoonThreadsafeFromManyGoroutines(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	const n, per = 8, 500
	count := 0 // loop-owned
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range per {
				if err := l.CallSoonThreadsafe(func() { count++ }); err != nil {
					t.Errorf("CallSoonThreadsafe: %v", err)
				}
			}
		}()
	}
	wg.Wait()
	var got int
	onLoop(t, l, func() { got = count })
	if got != n*per {
		t.Fatalf("%d callbacks ran; want %d", got, n*per)
	}
	stop()
}

func TestCallSoonThreadsafeStopRace(t *testing.T) {
	checkNoLeaks(t)
	for range 50 {
		l := NewLoop()
		runDone := make(chan error)
		go func() { runDone <- l.Run(context.Background()) }()
		var accepted, refused, ran atomic.Int64
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 100 {
					var once atomic.Bool
					err := l.CallSoonThreadsafe(func() {
						if once.Swap(true) {
							t.Error("callback ran twice")
						}
						ran.Add(1)
					})
					if err == nil {
						accepted.Add(1)
					} else if err == ErrClosed {
						refused.Add(1)
					} else {
						t.Errorf("CallSoonThreadsafe: %v", err)
					}
				}
			}()
		}
		time.Sleep(50 * time.Microsecond)
		l.Stop()
		wg.Wait()
		<-runDone
		if accepted.Load()+refused.Load() != 400 || ran.Load() > accepted.Load() {
			t.Fatalf("accepted %d refused %d ran %d", accepted.Load(), refused.Load(), ran.Load())
		}
	}
}

func TestCallLaterOrderAndStop(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	var got []string
	done := make(chan struct{})
	onLoop(t, l, func() {
		l.CallLater(30*time.Millisecond, func() { got = append(got, "30"); close(done) })
		l.CallLater(10*time.Millisecond, func() { got = append(got, "10a") })
		l.CallLater(10*time.Millisecond, func() { got = append(got, "10b") })
		tm := l.CallLater(20*time.Millisecond, func() { got = append(got, "20") })
		l.CallLater(0, func() { got = append(got, "0") })
		if !tm.Stop() {
			t.Error("Stop of a waiting timer returned false")
		}
		if tm.Stop() {
			t.Error("second Stop returned true")
		}
	})
	wait(t, done)
	if s := strings.Join(got, ","); s != "0,10a,10b,30" {
		t.Fatalf("timers ran as %q; want 0,10a,10b,30", s)
	}
	stop()
}

func TestTimerStopAfterRun(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	done := make(chan struct{})
	var tm *Timer
	onLoop(t, l, func() {
		tm = l.CallLater(0, func() {
			l.CallSoon(func() {
				if tm.Stop() {
					t.Error("Stop after the callback ran returned true")
				}
				close(done)
			})
		})
	})
	wait(t, done)
	stop()
}

func TestCallbackPanicGoesToHandler(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	panics := make(chan *PanicError, 1)
	l.SetPanicHandler(func(pe *PanicError) { panics <- pe })
	errc := make(chan error)
	go func() { errc <- l.Run(context.Background()) }()
	l.CallSoonThreadsafe(func() { panic("callback exploded") })
	select {
	case pe := <-panics:
		if pe.Value != "callback exploded" || !strings.Contains(string(pe.Stack), "loop_test.go") {
			t.Fatalf("handler got %v with stack\n%s", pe.Value, pe.Stack)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("panic handler not called")
	}
	// The loop survived.
	done := make(chan struct{})
	l.CallSoonThreadsafe(func() { close(done) })
	wait(t, done)
	l.Stop()
	<-errc
}

func TestLoopMisuse(t *testing.T) {
	checkNoLeaks(t)
	l, stop := startLoop(t)
	mustPanic(t, "nil function", func() { l.CallSoonThreadsafe(nil) })
	onLoop(t, l, func() {
		mustPanic(t, "nil function", func() { l.CallSoon(nil) })
		mustPanic(t, "nil function", func() { l.CallLater(time.Second, nil) })
		mustPanic(t, "nil coroutine", func() { Spawn[int](l, nil) })
	})
	// The loop is idle: a CallSoon now cannot come from its code.
	eventually(t, "the loop to go idle", func() bool { return !l.busy.Load() })
	mustPanic(t, "CallSoon called from outside the loop's code", func() { l.CallSoon(func() {}) })
	mustPanic(t, "Spawn called from outside the loop's code", func() {
		Spawn(l, func(*Ctx) (int, error) { return 0, nil })
	})
	mustPanic(t, "already run", func() { l.Run(context.Background()) })
	stop()
	mustPanic(t, "CallSoon on a stopped loop", func() { l.CallSoon(func() {}) })
	mustPanic(t, "Spawn on a stopped loop", func() {
		Spawn(l, func(*Ctx) (int, error) { return 0, nil })
	})
	mustPanic(t, "CallLater on a stopped loop", func() { l.CallLater(0, func() {}) })
	mustPanic(t, "nil context", func() { NewLoop().Run(nil) }) //nolint:staticcheck // the misuse under test
	if err := l.CallSoonThreadsafe(func() {}); err != ErrClosed {
		t.Fatalf("CallSoonThreadsafe on a stopped loop: %v; want ErrClosed", err)
	}
}

func TestSetupBeforeRun(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	var got []string
	l.CallSoon(func() { got = append(got, "soon") })
	task := Spawn(l, func(c *Ctx) (string, error) { return "co", nil })
	task.Then(func(v string, err error) { got = append(got, v); l.Stop() })
	if err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(got, ","); s != "soon,co" {
		t.Fatalf("ran %q; want soon,co", s)
	}
}

func TestStopFromCallbackFinishesCurrentOnly(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	ranAfter := false
	l.CallSoon(func() {
		l.Stop()
		l.CallSoon(func() { ranAfter = true })
	})
	l.CallSoon(func() { ranAfter = true })
	if err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ranAfter {
		t.Fatal("a callback ran after Stop")
	}
}

func TestCallbackPanicLoggedWithoutHandler(t *testing.T) {
	checkNoLeaks(t)
	var buf strings.Builder
	orig := log.Writer()
	log.SetOutput(&buf)
	defer log.SetOutput(orig)
	l := NewLoop()
	l.CallSoon(func() { panic("nobody listens") })
	l.CallSoon(func() {
		l.SetPanicHandler(func(*PanicError) { panic("handler broke") })
		l.CallSoon(func() { panic("second") })
	})
	survived := false
	l.CallSoon(func() { l.CallSoon(func() { survived = true; l.Stop() }) })
	if err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !survived {
		t.Fatal("the loop did not survive callback panics")
	}
	for _, want := range []string{"nobody listens", "handler broke"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestReadyQueueKeepsOrderWhileGrowing(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	var got []int
	next := 1
	var schedule func(n int)
	schedule = func(n int) {
		l.CallSoon(func() {
			got = append(got, n)
			if next < 2000 {
				for range 2 {
					next++
					schedule(next)
				}
			} else if n == 2001 {
				l.Stop()
			}
		})
	}
	schedule(1)
	l.Run(context.Background())
	for i, n := range got {
		if n != i+1 {
			t.Fatalf("callback %d ran in position %d", n, i)
		}
	}
	if len(got) < 2000 {
		t.Fatalf("%d callbacks ran", len(got))
	}
}

func TestTimerStopWhileDue(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	ranSecond := false
	var second *Timer
	l.CallSoon(func() {
		l.CallLater(time.Millisecond, func() {
			if !second.Stop() {
				t.Error("Stop of a due timer returned false")
			}
			l.CallLater(5*time.Millisecond, l.Stop)
		})
		second = l.CallLater(time.Millisecond, func() { ranSecond = true })
	})
	l.Run(context.Background())
	if ranSecond {
		t.Fatal("a timer stopped while due ran")
	}
}
