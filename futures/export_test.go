package futures

import "testing"

// Test helpers of this package, for the tests outside it (package
// futures_test).

// WaitResult waits (bounded) for f and returns its outcome.
func WaitResult[T any](t *testing.T, f *Future[T]) (T, error) {
	t.Helper()
	return result(t, f)
}

// OnLoop runs fn on l and waits for it.
func OnLoop(t *testing.T, l *Loop, fn func()) {
	t.Helper()
	onLoop(t, l, fn)
}
