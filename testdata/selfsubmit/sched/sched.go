// Package sched holds wrappers that hand functions on to a loop. Their
// facts travel to importers: After makes its callback loop code on l, and
// Post is a thread-safe submit to l.
package sched

import (
	"context"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// After runs fn on l.
func After(l *futures.Loop, fn func()) {
	l.CallSoon(fn)
}

// Post hands fn to l from any goroutine.
func Post(l *futures.Loop, fn func()) error {
	return l.CallSoonThreadsafe(fn) // quiet: Post itself is not loop code
}

// Go submits co to l from any goroutine; it is generic.
func Go[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) *futures.Future[T] {
	return futures.RunThreadsafe(l, co)
}

// Ask runs co on l and waits for its result: for callers on another
// goroutine. Called from code on l itself, it never returns.
func Ask[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) (T, error) {
	return futures.RunThreadsafe(l, co).Result()
}

// AskContext gives up when ctx is done: a stall, not a deadlock.
func AskContext[T any](ctx context.Context, l *futures.Loop, co func(*futures.Ctx) (T, error)) (T, error) {
	return futures.RunThreadsafe(l, co).ResultContext(ctx)
}

// AskLater waits only on some paths: a stall where it does.
func AskLater[T any](l *futures.Loop, co func(*futures.Ctx) (T, error), wait bool) (T, error) {
	f := futures.RunThreadsafe(l, co)
	if wait {
		return f.Result()
	}
	var zero T
	return zero, nil
}

// AskTimeout gives up after d: a stall, not a deadlock.
func AskTimeout[T any](l *futures.Loop, co func(*futures.Ctx) (T, error), d time.Duration) {
	f := futures.RunThreadsafe(l, co)
	select {
	case <-f.Done():
	case <-time.After(d):
	}
}
