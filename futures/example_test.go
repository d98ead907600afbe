package futures_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// An Executor runs blocking jobs on a bounded pool of goroutines.
func ExampleSubmit() {
	e := futures.NewExecutor(2)
	defer e.Shutdown(context.Background())

	f := futures.Submit(e, func() (string, error) {
		return "done on a worker", nil
	})
	v, err := f.Result() // fine here: this goroutine is not a loop
	fmt.Println(v, err)
	// Output: done on a worker <nil>
}

// A Promise is the write side of a Future.
func ExampleNewPromise() {
	p := futures.NewPromise[int]()
	go p.Resolve(42)
	v, err := p.Future().Result()
	fmt.Println(v, err)
	fmt.Println(p.Reject(errors.New("too late")))
	// Output:
	// 42 <nil>
	// false
}

// Callbacks run on the loop goroutine one at a time, in order.
func ExampleLoop_CallSoon() {
	l := futures.NewLoop()
	l.CallSoon(func() {
		fmt.Println("first")
		l.CallSoon(func() {
			fmt.Println("third")
			l.Stop()
		})
	})
	l.CallSoon(func() { fmt.Println("second") })
	fmt.Println(l.Run(context.Background()))
	// Output:
	// first
	// second
	// third
	// <nil>
}

// Run starts a loop for one coroutine; Spawn starts more coroutines on it and
// Await suspends until one finishes, letting the loop run others meanwhile.
func ExampleRun() {
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (int, error) {
		double := func(x int) func(*futures.Ctx) (int, error) {
			return func(c *futures.Ctx) (int, error) { return 2 * x, nil }
		}
		a := futures.Spawn(c.Loop(), double(10))
		b := futures.Spawn(c.Loop(), double(11))
		x, err := futures.Await(c, a)
		if err != nil {
			return 0, err
		}
		y, err := futures.Await(c, b)
		return x + y, err
	})
	fmt.Println(v, err)
	// Output: 42 <nil>
}

// Gather awaits several tasks and returns their values in order.
func ExampleGather() {
	vals, err := futures.Run(context.Background(), func(c *futures.Ctx) ([]string, error) {
		after := func(d time.Duration, s string) *futures.Task[string] {
			return futures.Spawn(c.Loop(), func(c *futures.Ctx) (string, error) {
				return s, futures.Sleep(c, d)
			})
		}
		return futures.Gather(c, after(3*time.Millisecond, "a"), after(time.Millisecond, "b"), after(0, "c"))
	})
	fmt.Println(vals, err)
	// Output: [a b c] <nil>
}

// Sleep suspends the coroutine; other coroutines run meanwhile.
func ExampleSleep() {
	futures.Run(context.Background(), func(c *futures.Ctx) (int, error) {
		other := futures.Spawn(c.Loop(), func(c *futures.Ctx) (int, error) {
			fmt.Println("other starts")
			err := futures.Sleep(c, time.Millisecond)
			fmt.Println("other wakes")
			return 0, err
		})
		futures.Sleep(c, 0) // let other start
		fmt.Println("main sleeps")
		futures.Sleep(c, 10*time.Millisecond)
		fmt.Println("main wakes")
		return futures.Await(c, other)
	})
	// Output:
	// other starts
	// main sleeps
	// other wakes
	// main wakes
}

// Wrap brings a Future from any goroutine onto the loop as an awaitable Task.
func ExampleWrap() {
	p := futures.NewPromise[string]()
	go func() {
		time.Sleep(time.Millisecond)
		p.Resolve("from another goroutine")
	}()
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (string, error) {
		return futures.Await(c, futures.Wrap(c.Loop(), p.Future()))
	})
	fmt.Println(v, err)
	// Output: from another goroutine <nil>
}

// RunInExecutor runs blocking work on an Executor and delivers the result on
// the loop, where the coroutine awaits it without blocking the loop.
func ExampleRunInExecutor() {
	e := futures.NewExecutor(2)
	defer e.Shutdown(context.Background())
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (int, error) {
		return futures.Await(c, futures.RunInExecutor(c.Loop(), e, func() (int, error) {
			time.Sleep(time.Millisecond) // blocking is fine on a worker
			return 7, nil
		}))
	})
	fmt.Println(v, err)
	// Output: 7 <nil>
}

// RunThreadsafe starts a coroutine on a loop running in another goroutine and
// returns a Future, which the submitting goroutine may block on.
func ExampleRunThreadsafe() {
	l := futures.NewLoop()
	go l.Run(context.Background())
	defer l.Stop()

	f := futures.RunThreadsafe(l, func(c *futures.Ctx) (string, error) {
		if err := futures.Sleep(c, time.Millisecond); err != nil {
			return "", err
		}
		return "ran on the loop", nil
	})
	fmt.Println(f.Result())
	// Output: ran on the loop <nil>
}

// Seed 000, the mistake: a coroutine blocks on an executor Future. Result
// blocks the loop goroutine, so no other task on the loop runs until work
// finishes, and if work needs the loop the program deadlocks. (This example
// has no Output line, so it is compiled but not run.)
func Example_blockingOnExecutorFuture() {
	e := futures.NewExecutor(2)
	futures.Run(context.Background(), func(c *futures.Ctx) (int, error) {
		work := func() (int, error) { time.Sleep(time.Second); return 1, nil }
		return futures.Submit(e, work).Result() // WRONG: blocks the loop
	})
}

// Seed 000, the fix: run the work with RunInExecutor (or Wrap the Future) and
// await the Task; the loop keeps running while the job does.
func Example_runInExecutorInsteadOfBlocking() {
	e := futures.NewExecutor(2)
	defer e.Shutdown(context.Background())
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (int, error) {
		heartbeat := futures.Spawn(c.Loop(), func(c *futures.Ctx) (string, error) {
			return "the loop kept running", nil
		})
		work := func() (int, error) { time.Sleep(5 * time.Millisecond); return 1, nil }
		v, err := futures.Await(c, futures.RunInExecutor(c.Loop(), e, work))
		// A Future you already have (say from a library) goes through Wrap:
		w, _ := futures.Await(c, futures.Wrap(c.Loop(), futures.Submit(e, work)))
		msg, _ := futures.Await(c, heartbeat)
		fmt.Println(msg)
		return v + w, err
	})
	fmt.Println(v, err)
	// Output:
	// the loop kept running
	// 2 <nil>
}

// Seed 004, the mistake: code running on loop l submits a coroutine back to l
// thread-safely and waits for it. The coroutine can only run once the loop is
// free, and the loop is blocked in Result: a deadlock. (Compiled, not run.)
func Example_selfSubmit() {
	half := func(x float64) func(*futures.Ctx) (float64, error) {
		return func(*futures.Ctx) (float64, error) { return x / 2, nil }
	}
	futures.Run(context.Background(), func(c *futures.Ctx) (float64, error) {
		f := futures.RunThreadsafe(c.Loop(), half(20)) // WRONG: already on this loop
		v, err := f.Result()                           // deadlock
		return v * 2, err
	})
}

// Seed 004, the fix: on its own loop, spawn the coroutine and await it.
func Example_awaitInsteadOfSelfSubmit() {
	half := func(x float64) func(*futures.Ctx) (float64, error) {
		return func(*futures.Ctx) (float64, error) { return x / 2, nil }
	}
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (float64, error) {
		h, err := futures.Await(c, futures.Spawn(c.Loop(), half(20)))
		return h * 2, err
	})
	fmt.Println(v, err)
	// Output: 20 <nil>
}
