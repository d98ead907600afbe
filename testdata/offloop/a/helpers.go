package a

import (
	"futurelint.test/loopblock/lib"

	"github.com/futurelint/futurelint/futures"
)

// async runs its argument on a goroutine of its own, as lib.Go does in
// another package: the functions handed to them run off the loop.
func async(f func()) { go f() }

// inPlace calls its argument on its caller's goroutine.
func inPlace(f func()) { f() }

func helpers(c *futures.Ctx) (int, error) {
	l := c.Loop()
	async(func() {
		l.CallSoon(func() {}) // want `in a function async runs on its own goroutine, l\.CallSoon runs off the event loop`
	})
	lib.Go(func() {
		l.CallSoon(func() {}) // want `in a function lib\.Go runs on its own goroutine, l\.CallSoon runs off the event loop`
	})
	inPlace(func() {
		l.CallSoon(func() {}) // quiet: called in place, on the loop
	})
	lib.Now(func() {
		l.CallSoon(func() {}) // quiet: called in place, on the loop
	})
	return 0, nil
}
