// Package a is the offloop rule's spec: loop-only API and loop-owned state
// used from code that runs off the loop, and the look-alikes that do not.
package a

import (
	"context"
	"time"

	"github.com/futurelint/futurelint/futures"
)

func work() (int, error) { return 1, nil }

func co(c *futures.Ctx) (int, error) { return 1, nil }

func goBody(c *futures.Ctx, other *futures.Task[int]) (int, error) {
	l := c.Loop()
	go func() {
		l.CallSoon(func() {})              // want `this code runs off the event loop, in the goroutine started at api\.go:18, and calls l\.CallSoon, which may only be called on the event loop: from another goroutine it races with the event loop's queue, or panics while it is idle; from another goroutine, use l\.CallSoonThreadsafe\(func\(\) \{\}\)`
		t := futures.Spawn(l, co)          // want `and calls futures\.Spawn, which may only be called on the event loop: .*; from another goroutine, use futures\.RunThreadsafe\(l, co\)`
		t.Then(func(int, error) {})        // the task of the Spawn above: reported there, once
		other.Cancel()                     // want `and calls other\.Cancel, which may only be called on the event loop: .*; hand the work back with a thread-safe submit to the event loop and make the call there`
		futures.Sleep(c, time.Millisecond) // want `calls futures\.Sleep, which may only be called on the event loop`
	}()
	return 0, nil
}

func job(c *futures.Ctx, e *futures.Executor, old *futures.Timer) (int, error) {
	l := c.Loop()
	return futures.Await(c, futures.RunInExecutor(l, e, func() (int, error) {
		_ = l.CallLater(time.Second, func() {}) // want `this code runs off the event loop, in an executor job \(passed to futures\.RunInExecutor at api\.go:\d+\), and calls l\.CallLater, which may only be called on the event loop`
		old.Stop()                              // want `calls old\.Stop, which may only be called on the event loop`
		return 1, nil
	}))
}

func wrapInJob(l *futures.Loop, e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		futures.Wrap(l, futures.Submit(e, work)).Then(func(int, error) {}) // want `calls futures\.Wrap, which may only be called on the event loop`
		return 0, nil
	})
}

// completion registers, outside loop code, a callback on an executor future:
// it runs on the worker that settles the future.
func completion(l *futures.Loop, e *futures.Executor) {
	f := futures.Submit(e, work)
	f.OnDone(func(int, error) {
		l.CallSoon(func() {}) // want `this code runs off the event loop, in the completion callback of an executor future \(registered at api\.go:\d+\), which runs on the worker that settles it, and calls l\.CallSoon`
	})
}

// worker is started only as a goroutine.
func worker(l *futures.Loop, t *futures.Task[int]) {
	t.Then(func(int, error) {}) // want `in the goroutine started at api\.go:\d+, and calls t\.Then, which may only be called on the event loop`
	schedule(l)
}

// schedule is called only from code off the loop.
func schedule(l *futures.Loop) {
	l.CallSoon(func() {}) // want `this code runs off the event loop, in schedule, called only from code that runs off the loop \(in the goroutine started at api\.go:\d+\), and calls l\.CallSoon`
}

func startWorker(c *futures.Ctx) (int, error) {
	go worker(c.Loop(), futures.Spawn(c.Loop(), co))
	return 0, nil
}

// Look-alikes: none is reported.

// drive runs a loop on its own goroutine: the calls before and after Run
// are the loop goroutine's.
func drive(ctx context.Context) {
	go func() {
		l := futures.NewLoop()
		l.CallSoon(func() {})
		futures.Spawn(l, co).Then(func(int, error) {})
		l.Run(ctx)
	}()
}

// own makes a loop in the goroutine and sets it up before handing it on.
func own(ready chan *futures.Loop) {
	go func() {
		l := futures.NewLoop()
		l.CallSoon(func() {})
		ready <- l
	}()
}

func threadsafe(c *futures.Ctx, e *futures.Executor) (int, error) {
	l := c.Loop()
	go func() {
		l.CallSoonThreadsafe(func() {
			l.CallSoon(func() {}) // on the loop again
		})
		futures.RunThreadsafe(l, co).Result()
	}()
	return futures.Await(c, futures.RunInExecutor(l, e, work))
}

// setup runs on main's goroutine before the loop runs: not off the loop.
func setup() {
	l := futures.NewLoop()
	l.CallSoon(func() {})
	futures.Spawn(l, co).Then(func(int, error) {})
	l.Run(context.Background())
}

// both is a goroutine body and a callback: not certainly off the loop.
func both(l *futures.Loop) {
	go each(l)
	l.CallSoon(func() { each(l) })
}

func each(l *futures.Loop) { l.CallSoon(func() {}) }

// onLoopDone registers OnDone from loop code: the unwrapped rule's.
func onLoopDone(c *futures.Ctx, e *futures.Executor) (int, error) {
	f := futures.Submit(e, work)
	l := c.Loop()
	f.OnDone(func(int, error) { l.CallSoon(func() {}) })
	return 0, nil
}

// threadsafeFuture's OnDone callback runs on the loop: RunThreadsafe's
// future is settled by the loop.
func threadsafeFuture(l *futures.Loop) {
	futures.RunThreadsafe(l, co).OnDone(func(int, error) { l.CallSoon(func() {}) })
}

// Exported functions may be called from anywhere.
func Exported(l *futures.Loop) { l.CallSoon(func() {}) }

func startExported(l *futures.Loop) { go Exported(l) }

func suppressed(l *futures.Loop) {
	go func() {
		//futurelint:ignore offloop the loop is not running yet in this test
		l.CallSoon(func() {})
	}()
}
