package a

import (
	"time"

	"futurelint.test/offloop/watch"

	"github.com/futurelint/futurelint/futures"
)

// Callbacks stored in a library's fields that the library calls on a
// goroutine of its own run off the loop; those it calls in place do not.
func watchers(c *futures.Ctx) (int, error) {
	l := c.Loop()
	w := &watch.Watcher{
		OnChange: func(string) {
			l.CallSoon(func() {}) // want `in watch\.Watcher's OnChange, run on its own goroutine, l\.CallSoon runs off the event loop`
		},
		OnStart: func() {
			l.CallSoon(func() {}) // quiet: called in place by Start
		},
	}
	w.Start()
	t := &watch.Ticker{}
	t.OnTick = func() {
		time.Sleep(time.Millisecond) // quiet: a goroutine may wait
		l.CallSoon(func() {})        // want `in watch\.Ticker's OnTick, run on its own goroutine, l\.CallSoon runs off the event loop`
	}
	t.Start(time.Second)
	return 0, nil
}
