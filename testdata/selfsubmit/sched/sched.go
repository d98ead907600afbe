// Package sched holds wrappers that hand functions on to a loop. Their
// facts travel to importers: After makes its callback loop code on l, and
// Post is a thread-safe submit to l.
package sched

import "github.com/futurelint/futurelint/futures"

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
