package a

import (
	"context"

	"futurelint.test/loopblock/lib"
	"futurelint.test/loopblock/sched"

	"github.com/futurelint/futurelint/futures"
)

// Code in loop code that runs elsewhere is not loop code.
func elsewhere(c *futures.Ctx, e *futures.Executor, f *futures.Future[int], ch chan int) {
	go func() {
		f.Result() // quiet: a goroutine of its own
	}()
	futures.Submit(e, func() (int, error) {
		return f.Result() // quiet: an executor job runs on a worker goroutine
	})
	futures.RunInExecutor(c.Loop(), e, func() (int, error) {
		<-ch // quiet: an executor job
		return 0, nil
	})
	f.OnDone(func(int, error) {
		<-ch // quiet: OnDone callbacks run on the goroutine settling f
	})
	sched.Job(e, func() (int, error) {
		return f.Result() // quiet: handed to an executor through a wrapper
	})
	go lib.Pause() // quiet: the call runs on a new goroutine
	stored := func() {
		f.Result() // quiet: built but never called here nor scheduled
	}
	_ = stored
}

// Calls that do not block the caller.
func quietCalls(c *futures.Ctx, ch chan int, w lib.Waiter, dyn func()) {
	lib.Background(ch)  // quiet: blocks only inside the goroutine it starts
	lib.Offer(ch)       // quiet: sends and a select with default
	lib.CallIface(w)    // quiet: calls through an interface are not assumed to block
	w.Wait()            // quiet: an interface call
	dyn()               // quiet: a dynamic call
	_ = lib.Later(ch)   // quiet: builds a blocking closure without calling it
	helperCoroutine(c)  // quiet here: the callee is loop code and is reported inside
	futures.Sleep(c, 0) // suspends
}

func helperCoroutine(c *futures.Ctx) {
	lib.Pause() // want `lib\.Pause blocks the event loop; run it with futures\.Await\(c, futures\.RunInExecutor\(c\.Loop\(\), e, job\)\)`
}

// Code never run on a loop blocks freely.
func notLoop(f *futures.Future[int], ch chan int) int {
	<-ch
	lib.Pause()
	v, _ := f.Result()
	return v
}

// A callback scheduled from non-loop code, blocking only in a goroutine.
func spawnsGoroutine(l *futures.Loop, f *futures.Future[int]) {
	l.CallSoon(func() {
		go notLoop(f, nil) // quiet: the call runs on a new goroutine
	})
}

// The goroutine that runs the loop, before Run and after it returns, is not
// loop code: a program or a test drives the loop from there and collects
// results.
func mainAfterRun(e *futures.Executor) (int, error) {
	l := futures.NewLoop()
	var f *futures.Future[int]
	done := make(chan struct{})
	l.CallSoon(func() {
		f = futures.Submit(e, func() (int, error) { return 1, nil })
		close(done)
		l.Stop()
	})
	if err := l.Run(context.Background()); err != nil { // quiet: not loop code
		return 0, err
	}
	<-done            // quiet: not loop code
	return f.Result() // quiet: not loop code, and the loop has stopped
}

func driveFromTest(l *futures.Loop) (int, error) {
	go l.Run(context.Background())
	defer l.Stop()
	f := futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) { return 1, nil })
	return f.Result() // quiet: the test's goroutine, not the loop's
}
