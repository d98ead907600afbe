// Package fixes holds loopblock's suggested fixes; fixes.go.golden is the
// file after applying them.
package fixes

import (
	"time"

	fut "github.com/futurelint/futurelint/futures"
)

func job() (int, error) { return 1, nil }

func coroutine(c *fut.Ctx, e *fut.Executor, f *fut.Future[int]) (int, error) {
	v, err := f.Result() // want `Result blocks the event loop goroutine`
	_, _ = v, err
	fut.Submit(e, job).Result()  // want `Result blocks the event loop goroutine`
	time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop goroutine`
	func() {
		f.Result() // want `Result blocks the event loop goroutine`
	}()
	return f.Result() // want `Result blocks the event loop goroutine`
}

// No fix: the result of Sleep would not fit; ResultContext has no
// loop-side spelling; a callback has no *Ctx to await with; the marker is
// shadowed.
func noFix(c *fut.Ctx, l *fut.Loop, f *fut.Future[int]) {
	go func() {}()
	defer time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop goroutine`
	f.ResultContext(c.Context())       // want `ResultContext blocks the event loop goroutine`
	l.CallSoon(func() { f.Result() })  // want `Result blocks the event loop goroutine`
	{
		c := 1
		_ = c
		f.Result() // want `Result blocks the event loop goroutine`
	}
}

func unnamed(_ *fut.Ctx, f *fut.Future[int]) {
	f.Result() // want `Result blocks the event loop goroutine`
}
