package futures

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestRunSpawnAwait(t *testing.T) {
	checkNoLeaks(t)
	v, err := Run(context.Background(), func(c *Ctx) (int, error) {
		a := Spawn(c.Loop(), func(c *Ctx) (int, error) {
			if err := Sleep(c, time.Millisecond); err != nil {
				return 0, err
			}
			return 20, nil
		})
		b := Spawn(c.Loop(), func(c *Ctx) (int, error) { return 22, nil })
		x, err := Await(c, a)
		if err != nil {
			return 0, err
		}
		y, err := Await(c, b)
		return x + y, err
	})
	if v != 42 || err != nil {
		t.Fatalf("Run = %v, %v; want 42, nil", v, err)
	}
}

func TestCoroutinesInterleaveAtSuspensionPoints(t *testing.T) {
	checkNoLeaks(t)
	var trace []string
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		worker := func(name string) func(*Ctx) (int, error) {
			return func(c *Ctx) (int, error) {
				for i := range 3 {
					trace = append(trace, name+string(rune('0'+i)))
					if err := Sleep(c, 0); err != nil {
						return 0, err
					}
				}
				return 0, nil
			}
		}
		_, err := Gather(c, Spawn(c.Loop(), worker("a")), Spawn(c.Loop(), worker("b")))
		return 0, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(trace, " "); s != "a0 b0 a1 b1 a2 b2" {
		t.Fatalf("trace %q; want coroutines alternating at each Sleep(0)", s)
	}
}

func TestCoroutinePanicSettlesTask(t *testing.T) {
	checkNoLeaks(t)
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		bad := Spawn(c.Loop(), func(c *Ctx) (int, error) {
			Sleep(c, 0)
			panic("coroutine exploded")
		})
		_, err := Await(c, bad)
		var pe *PanicError
		if !errors.As(err, &pe) || pe.Value != "coroutine exploded" || !strings.Contains(string(pe.Stack), "task_test.go") {
			t.Errorf("Await of panicking task: %v", err)
		}
		// The loop is fine: more work runs.
		return Await(c, Spawn(c.Loop(), func(c *Ctx) (int, error) { return 1, nil }))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestThenRunsOnLoopAfterSettle(t *testing.T) {
	checkNoLeaks(t)
	var got []string
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		task := Spawn(c.Loop(), func(c *Ctx) (string, error) { return "v", nil })
		task.Then(func(v string, err error) { got = append(got, "then1:"+v) })
		Await(c, task)
		task.Then(func(v string, err error) { got = append(got, "then2:"+v) })
		got = append(got, "awaited")
		Sleep(c, 0)
		Sleep(c, 0)
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(got, ","); s != "awaited,then1:v,then2:v" && s != "then1:v,awaited,then2:v" {
		t.Fatalf("got %q", s)
	}
}

func TestCancelNotStartedNeverRuns(t *testing.T) {
	checkNoLeaks(t)
	ran := false
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		task := Spawn(c.Loop(), func(c *Ctx) (int, error) { ran = true; return 1, nil })
		if !task.Cancel() || task.Cancel() {
			t.Error("Cancel: want true then false")
		}
		if !task.Done() {
			t.Error("cancelled task not Done")
		}
		_, err := Await(c, task)
		if err != ErrCancelled {
			t.Errorf("Await = %v; want ErrCancelled", err)
		}
		return 0, Sleep(c, time.Millisecond)
	})
	if err != nil {
		t.Fatal(err)
	}
	if ran {
		t.Fatal("coroutine cancelled before it started ran")
	}
}

func TestCancelSuspendedCoroutine(t *testing.T) {
	checkNoLeaks(t)
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		var sleepErr, ctxCause error
		cleanedUp := false
		sleeper := Spawn(c.Loop(), func(c *Ctx) (int, error) {
			ctx := c.Context()
			sleepErr = Sleep(c, time.Hour)
			ctxCause = context.Cause(ctx)
			// After the cancellation was delivered, it can still suspend to clean up.
			if err := Sleep(c, 0); err != nil {
				return 0, err
			}
			cleanedUp = true
			return 5, nil
		})
		Sleep(c, 0) // let it start
		if !sleeper.Cancel() {
			t.Error("Cancel returned false")
		}
		v, err := Await(c, sleeper)
		if v != 0 || err != ErrCancelled {
			t.Errorf("Await = %v, %v; want 0, ErrCancelled", v, err)
		}
		for range 3 {
			Sleep(c, 0)
		}
		if sleepErr != ErrCancelled || ctxCause != ErrCancelled || !cleanedUp {
			t.Errorf("sleepErr=%v ctxCause=%v cleanedUp=%v", sleepErr, ctxCause, cleanedUp)
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSelfCancelDeliveredAtNextSuspension(t *testing.T) {
	checkNoLeaks(t)
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		var self *Task[int]
		var got error
		self = Spawn(c.Loop(), func(c *Ctx) (int, error) {
			self.Cancel()
			got = Sleep(c, 0)
			return 0, nil
		})
		Await(c, self)
		Sleep(c, 0)
		if got != ErrCancelled {
			t.Errorf("Sleep after self-cancel = %v; want ErrCancelled", got)
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCancelAwaitingCoroutineLeavesTarget(t *testing.T) {
	checkNoLeaks(t)
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		target := Spawn(c.Loop(), func(c *Ctx) (int, error) { Sleep(c, 5*time.Millisecond); return 9, nil })
		waiter := Spawn(c.Loop(), func(c *Ctx) (int, error) { return Await(c, target) })
		Sleep(c, 0)
		waiter.Cancel()
		if v, err := Await(c, target); v != 9 || err != nil {
			t.Errorf("target = %v, %v; want 9, nil", v, err)
		}
		if _, err := Await(c, waiter); err != ErrCancelled {
			t.Errorf("waiter = %v; want ErrCancelled", err)
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestGather(t *testing.T) {
	checkNoLeaks(t)
	boom1, boom2 := errors.New("boom1"), errors.New("boom2")
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		l := c.Loop()
		after := func(d time.Duration, v int, err error) *Task[int] {
			return Spawn(l, func(c *Ctx) (int, error) {
				if e := Sleep(c, d); e != nil {
					return 0, e
				}
				return v, err
			})
		}
		vals, err := Gather(c, after(3*time.Millisecond, 1, nil), after(0, 2, nil), after(time.Millisecond, 3, nil))
		if err != nil || len(vals) != 3 || vals[0] != 1 || vals[1] != 2 || vals[2] != 3 {
			t.Errorf("Gather = %v, %v; want [1 2 3]", vals, err)
		}
		// The first to fail wins, by settle order; the rest keep running.
		slow := after(300*time.Millisecond, 0, boom1)
		ok := after(200*time.Millisecond, 7, nil)
		vals, err = Gather(c, slow, after(time.Millisecond, 0, boom2), ok)
		if err != boom2 || vals != nil {
			t.Errorf("Gather = %v, %v; want nil, boom2", vals, err)
		}
		if slow.Done() || ok.Done() {
			t.Error("Gather cancelled or waited for the other tasks")
		}
		if v, err := Await(c, ok); v != 7 || err != nil {
			t.Errorf("other task = %v, %v", v, err)
		}
		Await(c, slow)
		// Already-failed tasks: the first in argument order.
		vals, err = Gather(c, after(0, 1, nil), slow)
		if err != boom1 {
			t.Errorf("Gather with a failed task = %v, %v; want boom1", vals, err)
		}
		vals, err = Gather[int](c)
		if err != nil || vals == nil || len(vals) != 0 {
			t.Errorf("empty Gather = %#v, %v", vals, err)
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestGatherCancelled(t *testing.T) {
	checkNoLeaks(t)
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		long := Spawn(c.Loop(), func(c *Ctx) (int, error) { return 0, Sleep(c, 10*time.Millisecond) })
		g := Spawn(c.Loop(), func(c *Ctx) ([]int, error) { return Gather(c, long) })
		Sleep(c, 0)
		g.Cancel()
		if _, err := Await(c, g); err != ErrCancelled {
			t.Errorf("gathering task = %v; want ErrCancelled", err)
		}
		if _, err := Await(c, long); err != nil {
			t.Errorf("gathered task = %v; want nil (left alone)", err)
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStopUnwindsSuspendedCoroutines(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	var deferred []string
	var tasks []*Task[int]
	for _, name := range []string{"await", "sleep", "gather"} {
		tasks = append(tasks, Spawn(l, func(c *Ctx) (int, error) {
			defer func() { deferred = append(deferred, name) }()
			never := Spawn(c.Loop(), func(c *Ctx) (int, error) { return 0, Sleep(c, time.Hour) })
			switch name {
			case "await":
				Await(c, never)
			case "sleep":
				Sleep(c, time.Hour)
			case "gather":
				Gather(c, never)
			}
			t.Errorf("%s returned after the loop stopped", name)
			return 1, nil
		}))
	}
	notStarted := false
	l.CallSoon(func() {
		l.CallSoon(func() {
			tasks = append(tasks, Spawn(l, func(c *Ctx) (int, error) { notStarted = true; return 0, nil }))
			l.Stop()
		})
	})
	if err := l.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(deferred) != 3 {
		t.Fatalf("deferred calls ran for %v; want all three coroutines", deferred)
	}
	if notStarted {
		t.Fatal("a coroutine spawned just before Stop ran")
	}
	for _, task := range tasks {
		if !task.Done() || task.core.err != ErrClosed {
			t.Fatalf("task settled with %v; want ErrClosed", task.core.err)
		}
	}
}

func TestStopCancelsContexts(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	var ctx context.Context
	Spawn(l, func(c *Ctx) (int, error) {
		ctx = c.Context()
		c.Loop().Stop()
		return 0, Sleep(c, time.Hour)
	})
	l.Run(context.Background())
	if ctx.Err() == nil || context.Cause(ctx) != ErrClosed {
		t.Fatalf("ctx after stop: %v, cause %v; want cancelled with ErrClosed", ctx.Err(), context.Cause(ctx))
	}
}

func TestRunCtxDone(t *testing.T) {
	checkNoLeaks(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	v, err := Run(ctx, func(c *Ctx) (int, error) { return 1, Sleep(c, time.Hour) })
	if v != 0 || err != context.DeadlineExceeded {
		t.Fatalf("Run = %v, %v; want 0, DeadlineExceeded", v, err)
	}
}

func TestCtxMisuse(t *testing.T) {
	checkNoLeaks(t)
	other, stopOther := startLoop(t)
	var foreign *Task[int]
	onLoop(t, other, func() { foreign = Spawn(other, func(c *Ctx) (int, error) { return 0, nil }) })

	var escaped *Ctx
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		mustPanic(t, "another loop", func() { Await(c, foreign) })
		mustPanic(t, "another loop", func() { Gather(c, foreign) })
		mustPanic(t, "nil Ctx", func() { Sleep(nil, 0) })
		var self *Task[int]
		self = Spawn(c.Loop(), func(c *Ctx) (int, error) {
			escaped = c
			mustPanic(t, "its own task", func() { Await(c, self) })
			return 0, nil
		})
		Await(c, self)
		mustPanic(t, "has returned", func() { Sleep(escaped, 0) })
		// Another coroutine's Ctx.
		inner := Spawn(c.Loop(), func(c2 *Ctx) (int, error) { return 0, Sleep(c2, time.Millisecond) })
		Sleep(c, 0)
		mustPanic(t, "outside its coroutine", func() { Sleep(inner.ctxForTest(), 0) })
		// From another goroutine, while the coroutine is suspended.
		start, p := make(chan struct{}), NewPromise[int]()
		go func() {
			<-start
			defer p.Resolve(0)
			mustPanic(t, "outside its coroutine", func() { Sleep(c, 0) })
		}()
		c.Loop().CallSoon(func() { close(start) })
		if _, err := Await(c, Wrap(c.Loop(), p.Future())); err != nil {
			return 0, err
		}
		return Await(c, inner)
	})
	if err != nil {
		t.Fatal(err)
	}
	stopOther()
}

func (t *Task[T]) ctxForTest() *Ctx { return &t.ctx }

func TestCancelAfterWakeIsDeliveredAtNextSuspension(t *testing.T) {
	checkNoLeaks(t)
	_, err := Run(context.Background(), func(c *Ctx) (int, error) {
		target := newLoopTask[int](c.Loop())
		var awaited int
		var awaitErr, sleepErr, gatherErr, laterErr error
		a := Spawn(c.Loop(), func(c *Ctx) (int, error) {
			awaited, awaitErr = Await(c, target)
			sleepErr = Sleep(c, time.Hour) // the cancellation arrives here, at once
			laterErr = Sleep(c, 0)         // and only once
			return 0, nil
		})
		Sleep(c, 0) // a is now suspended on target
		target.settle(5, nil)
		a.Cancel() // a's wake is already queued: it gets 5 first
		for range 4 {
			Sleep(c, 0)
		}
		if awaited != 5 || awaitErr != nil || sleepErr != ErrCancelled || laterErr != nil {
			t.Errorf("await %v %v, sleep %v, later %v; want 5 <nil>, ErrCancelled, <nil>", awaited, awaitErr, sleepErr, laterErr)
		}
		// A pending cancellation also stops Await and Gather from suspending.
		var b *Task[int]
		b = Spawn(c.Loop(), func(c *Ctx) (int, error) {
			pending := newLoopTask[int](c.Loop())
			b.Cancel()
			if _, err := Await(c, pending); err != ErrCancelled {
				t.Errorf("Await after self-cancel = %v", err)
			}
			b.ctx.cancelPending = true // once more, for Gather
			_, gatherErr = Gather(c, pending)
			pending.settle(0, nil)
			return 0, nil
		})
		Await(c, b)
		Sleep(c, 0)
		if gatherErr != ErrCancelled {
			t.Errorf("Gather after self-cancel = %v", gatherErr)
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestGoexitInCoroutineStopsLoop(t *testing.T) {
	checkNoLeaks(t)
	l := NewLoop()
	other := Spawn(l, func(c *Ctx) (int, error) { return 0, Sleep(c, time.Hour) })
	exiting := Spawn(l, func(c *Ctx) (int, error) {
		Sleep(c, 0)
		runtime.Goexit()
		return 0, nil
	})
	returned := make(chan struct{})
	go func() {
		l.Run(context.Background())
		close(returned)
	}()
	wait(t, l.Stopped())
	select {
	case <-returned:
		t.Fatal("Run returned after runtime.Goexit on the loop goroutine")
	default:
	}
	var pe *PanicError
	if !errors.As(exiting.core.err, &pe) || other.core.err != ErrClosed {
		t.Fatalf("exiting task %v, other task %v; want *PanicError and ErrClosed", exiting.core.err, other.core.err)
	}
}

func TestContextCarriesRunValuesAndEndsWithCoroutine(t *testing.T) {
	checkNoLeaks(t)
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "v")
	var inner context.Context
	_, err := Run(ctx, func(c *Ctx) (int, error) {
		if got := c.Context().Value(key{}); got != "v" {
			t.Errorf("Context().Value = %v; want the value from Run's context", got)
		}
		child := Spawn(c.Loop(), func(c *Ctx) (int, error) {
			inner = c.Context()
			if inner.Err() != nil {
				t.Error("context of a running coroutine is done")
			}
			return 0, nil
		})
		Await(c, child)
		if inner.Err() == nil {
			t.Error("context still live after its coroutine returned")
		}
		return 0, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
