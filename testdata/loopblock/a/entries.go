package a

import (
	"context"
	"time"

	"futurelint.test/loopblock/sched"

	"github.com/futurelint/futurelint/futures"
)

// Every way code comes to run on a loop; each body blocks once.
func entries(ctx context.Context, l *futures.Loop, f *futures.Future[int], s *server) {
	l.CallSoon(func() {
		f.Result() // want `Result blocks the event loop goroutine`
	})
	l.CallSoonThreadsafe(func() {
		f.Result() // want `Result blocks the event loop goroutine`
	})
	l.CallLater(time.Second, func() {
		f.Result() // want `Result blocks the event loop goroutine`
	})
	t := futures.Spawn(l, func(c *futures.Ctx) (int, error) {
		return f.Result() // want `Result blocks the event loop goroutine`
	})
	t.Then(func(int, error) {
		f.Result() // want `Result blocks the event loop goroutine`
	})
	futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) {
		return f.Result() // want `Result blocks the event loop goroutine`
	})
	futures.Run(ctx, func(c *futures.Ctx) (int, error) {
		return f.Result() // want `Result blocks the event loop goroutine`
	})
	l.CallSoon(s.tick)  // a method value: tick is loop code
	l.CallSoon(onTimer) // a named function: onTimer is loop code
	after(l, func() {   // a wrapper in this package
		f.Result() // want `Result blocks the event loop goroutine`
	})
	sched.After(l, func() { // a wrapper in another package, known by its fact
		f.Result() // want `Result blocks the event loop goroutine`
	})
	sched.Later(l, func() { // a wrapper of a wrapper
		f.Result() // want `Result blocks the event loop goroutine`
	})
	sched.Go(l, func(c *futures.Ctx) (string, error) { // a generic wrapper
		f.Result() // want `Result blocks the event loop goroutine`
		return "", nil
	})
	cb := func() {
		f.Result() // want `Result blocks the event loop goroutine`
	}
	l.CallSoon(cb) // a closure held in a variable
}

type server struct {
	loop *futures.Loop
	f    *futures.Future[int]
}

func (s *server) tick() {
	s.f.Result() // want `Result blocks the event loop goroutine`
}

func onTimer() {
	time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop goroutine`
}

func after(l *futures.Loop, fn func()) { l.CallLater(time.Millisecond, fn) }

// Closures called in place or deferred in loop code run on the loop too.
func inPlace(c *futures.Ctx, f *futures.Future[int]) {
	func() {
		f.Result() // want `\(\*futures\.Future\)\.Result blocks the event loop goroutine; use futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), f\)\)`
	}()
	defer func() {
		f.Result() // want `Result blocks the event loop goroutine`
	}()
	for range seq { // a range-over-func body runs in place
		f.Result() // want `Result blocks the event loop goroutine`
	}
}

func seq(yield func() bool) { yield() }

// An instance of a generic function, scheduled as a callback.
func genericCallback(l *futures.Loop) {
	l.CallSoon(pause[int])
}

func pause[T any]() {
	time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop goroutine`
}
