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

// notOnMain runs f in place when already off the main goroutine, and
// starts it otherwise: it does not always hand f off.
func notOnMain(f func(), onMain bool) {
	if !onMain {
		f()
		return
	}
	go f()
}

// viaNotOnMain and viaEither hand f on inside a closure: f runs wherever
// the helper runs the closure, in place or not.
func viaNotOnMain(f func()) { notOnMain(func() { f() }, true) }

func viaEither(f func()) { lib.Either(func() { f() }, true) }

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
	notOnMain(func() {
		l.CallSoon(func() {}) // quiet: maybe called in place
	}, true)
	lib.Either(func() {
		l.CallSoon(func() {}) // quiet: maybe called in place, in another package
	}, false)
	viaNotOnMain(func() {
		l.CallSoon(func() {}) // quiet: maybe called in place
	})
	viaEither(func() {
		l.CallSoon(func() {}) // quiet: maybe called in place
	})
	return 0, nil
}
