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
		l.CallSoon(func() {})              // want `in a goroutine, l\.CallSoon runs off the event loop: it races with the loop, or panics; use l\.CallSoonThreadsafe\(func\(\) \{\}\)`
		t := futures.Spawn(l, co)          // want `in a goroutine, futures\.Spawn runs off the event loop: it races with the loop, or panics; use futures\.RunThreadsafe\(l, co\)`
		t.Then(func(int, error) {})        // the task of the Spawn above: reported there, once
		other.Cancel()                     // want `in a goroutine, other\.Cancel runs off the event loop: it races with the loop, or panics; make the call in loop\.CallSoonThreadsafe\(fn\)`
		futures.Sleep(c, time.Millisecond) // want `in a goroutine, futures\.Sleep runs off the event loop: it races with the loop, or panics`
	}()
	return 0, nil
}

func job(c *futures.Ctx, e *futures.Executor, old *futures.Timer) (int, error) {
	l := c.Loop()
	return futures.Await(c, futures.RunInExecutor(l, e, func() (int, error) {
		_ = l.CallLater(time.Second, func() {}) // want `in an executor job, l\.CallLater runs off the event loop: it races with the loop, or panics`
		old.Stop()                              // want `in an executor job, old\.Stop runs off the event loop: it races with the loop, or panics`
		return 1, nil
	}))
}

func wrapInJob(l *futures.Loop, e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		futures.Wrap(l, futures.Submit(e, work)).Then(func(int, error) {}) // want `in an executor job, futures\.Wrap runs off the event loop: it races with the loop, or panics`
		return 0, nil
	})
}

// completion registers, outside loop code, a callback on an executor future:
// it runs on the worker that settles the future.
func completion(l *futures.Loop, e *futures.Executor) {
	f := futures.Submit(e, work)
	f.OnDone(func(int, error) {
		l.CallSoon(func() {}) // want `in the completion callback of an executor future, l\.CallSoon runs off the event loop: it races with the loop, or panics`
	})
}

// worker is started only as a goroutine.
func worker(l *futures.Loop, t *futures.Task[int]) {
	t.Then(func(int, error) {}) // want `in a goroutine, t\.Then runs off the event loop: it races with the loop, or panics`
	schedule(l)
}

// schedule is called only from code off the loop.
func schedule(l *futures.Loop) {
	l.CallSoon(func() {}) // want `in schedule, called only off the loop, l\.CallSoon runs off the event loop: it races with the loop, or panics`
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
