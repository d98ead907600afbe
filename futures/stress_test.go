package futures

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestStress mixes every way of creating work from many goroutines across
// several loops and one executor, stops the loops and shuts the executor down
// while submissions are still arriving, and checks that every future and task
// settled exactly once, with the right value or with ErrClosed/ErrCancelled,
// and that no goroutine is left behind.
func TestStress(t *testing.T) {
	checkNoLeaks(t)
	const producers, loops = 8, 3
	opsPerProducer := 12_500 // 100k outer operations, plus the tasks they spawn
	if testing.Short() {
		opsPerProducer = 2_000
	}
	total := producers * opsPerProducer

	e := NewExecutor(3)
	var ls []*Loop
	var runs sync.WaitGroup
	for range loops {
		l := NewLoop()
		l.SetPanicHandler(func(pe *PanicError) { t.Errorf("callback panic: %v", pe) })
		ls = append(ls, l)
		runs.Add(1)
		go func() { defer runs.Done(); l.Run(context.Background()) }()
	}

	// Per-operation settle counts, bumped by OnDone (futures) or an internal
	// settle listener (tasks); each must end at exactly 1.
	settles := make([]atomic.Int32, total)
	var pending sync.WaitGroup
	pending.Add(total)
	var innerTasks, innerSettles atomic.Int64
	var accepted, ran atomic.Int64
	var succeeded, closed, cancelled atomic.Int64

	track := func(i int, want int, f *Future[int]) {
		f.OnDone(func(v int, err error) {
			if settles[i].Add(1) != 1 {
				t.Errorf("op %d settled twice", i)
				return
			}
			switch {
			case err == nil && v != want:
				t.Errorf("op %d = %d; want %d", i, v, want)
			case err == nil:
				succeeded.Add(1)
			case errors.Is(err, ErrClosed):
				closed.Add(1)
			case errors.Is(err, ErrCancelled):
				cancelled.Add(1)
			default:
				t.Errorf("op %d failed with %v", i, err)
			}
			pending.Done()
		})
	}
	// spawnTracked spawns a task whose settlements are counted.
	spawnTracked := func(l *Loop, co func(*Ctx) (int, error)) *Task[int] {
		task := Spawn(l, co)
		innerTasks.Add(1)
		n := 0
		task.core.notify = append(task.core.notify, func() {
			n++
			if n != 1 {
				t.Error("task settled twice")
			}
			innerSettles.Add(1)
		})
		return task
	}
	wrapTracked := func(l *Loop, f *Future[int]) *Task[int] {
		task := Wrap(l, f)
		innerTasks.Add(1)
		task.core.notify = append(task.core.notify, func() { innerSettles.Add(1) })
		return task
	}

	var ops atomic.Int64
	stopAt := int64(total * 7 / 10)
	shutdownDone := make(chan struct{})
	go func() {
		defer close(shutdownDone)
		for ops.Load() < stopAt {
			time.Sleep(time.Millisecond)
		}
		for _, l := range ls {
			l.Stop()
			time.Sleep(time.Millisecond)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		defer cancel()
		e.Shutdown(ctx)
	}()

	var wg sync.WaitGroup
	for p := range producers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var last *Future[int]
			for k := range opsPerProducer {
				// Some back-pressure, so that much of the work really runs
				// before the loops stop.
				if last != nil && k%32 == 0 {
					select {
					case <-last.Done():
					case <-time.After(20 * time.Second):
						t.Errorf("op %d did not settle", k-1)
					}
				}
				i := p*opsPerProducer + k
				l := ls[i%loops]
				switch i % 6 {
				case 0: // plain executor job
					track(i, i, Submit(e, func() (int, error) { return i, nil }))
				case 1: // coroutine spawning children, gathering them
					last = RunThreadsafe(l, func(c *Ctx) (int, error) {
						a := spawnTracked(c.Loop(), func(c *Ctx) (int, error) {
							if err := Sleep(c, 0); err != nil {
								return 0, err
							}
							return i, nil
						})
						b := spawnTracked(c.Loop(), func(c *Ctx) (int, error) { return 2 * i, nil })
						vals, err := Gather(c, a, b)
						if err != nil {
							return 0, err
						}
						return vals[0] + vals[1], nil
					})
					track(i, 3*i, last)
				case 2: // thread-safe callback
					var once atomic.Bool
					if l.CallSoonThreadsafe(func() {
						if once.Swap(true) {
							t.Error("callback ran twice")
						}
						ran.Add(1)
					}) == nil {
						accepted.Add(1)
					}
					pending.Done()
					settles[i].Add(1)
				case 3: // coroutine using the executor through RunInExecutor and Wrap
					track(i, i+1, RunThreadsafe(l, func(c *Ctx) (int, error) {
						x, err := Await(c, RunInExecutor(c.Loop(), e, func() (int, error) { return i, nil }))
						if err != nil {
							return 0, err
						}
						y, err := Await(c, wrapTracked(c.Loop(), Submit(e, func() (int, error) { return 1, nil })))
						return x + y, err
					}))
				case 4: // awaiting a child that awaits a promise settled elsewhere
					pr := NewPromise[int]()
					go pr.Resolve(i)
					track(i, i, RunThreadsafe(l, func(c *Ctx) (int, error) {
						child := spawnTracked(c.Loop(), func(c *Ctx) (int, error) {
							return Await(c, wrapTracked(c.Loop(), pr.Future()))
						})
						return Await(c, child)
					}))
				case 5: // cancelled from outside, racing with completion
					f := RunThreadsafe(l, func(c *Ctx) (int, error) {
						if err := Sleep(c, 0); err != nil {
							return 0, err
						}
						return i, nil
					})
					track(i, i, f)
					if (i/6)%2 == 0 {
						f.Cancel()
					}
				}
				ops.Add(1)
			}
		}()
	}
	wg.Wait()
	<-shutdownDone
	runs.Wait()

	allSettled := make(chan struct{})
	go func() { pending.Wait(); close(allSettled) }()
	select {
	case <-allSettled:
	case <-time.After(20 * time.Second):
		n := 0
		for i := range settles {
			if settles[i].Load() == 0 {
				n++
			}
		}
		t.Fatalf("%d of %d operations never settled", n, total)
	}
	for i := range settles {
		if n := settles[i].Load(); n != 1 {
			t.Fatalf("op %d settled %d times", i, n)
		}
	}
	if ran.Load() > accepted.Load() {
		t.Fatalf("%d callbacks ran but only %d were accepted", ran.Load(), accepted.Load())
	}
	if innerSettles.Load() != innerTasks.Load() {
		t.Fatalf("%d inner tasks, %d settlements", innerTasks.Load(), innerSettles.Load())
	}
	wait(t, e.Stopped())
	t.Logf("%d operations: %d succeeded, %d closed, %d cancelled, %d callbacks (%d accepted, %d ran); %d inner tasks",
		total, succeeded.Load(), closed.Load(), cancelled.Load(), total/6, accepted.Load(), ran.Load(), innerTasks.Load())
	// The run must have exercised both sides: real work and the shutdown race.
	if succeeded.Load() < int64(total/10) || closed.Load() == 0 || cancelled.Load() == 0 || ran.Load() == 0 {
		t.Fatal("the mix did not exercise success, shutdown and cancellation")
	}
}
