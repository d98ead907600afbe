// Package unwrap uses evloop, whose roles come from its directives.
package unwrap

import "futurelint.test/directives/evloop"

type view struct{ shown int }

func (v *view) update(c *evloop.Ctx) {
	f := evloop.Async(func() int { return 42 })
	f.Then(func(n int) { // want `the Then callback runs off the loop and writes loop-owned v\.shown`
		v.shown = n
	})
}

// Quiet: Deliver runs the callback on the loop.
func (v *view) delivered(c *evloop.Ctx) {
	f := evloop.Async(func() int { return 42 })
	evloop.Deliver(c.Loop(), f, func(c *evloop.Ctx, n int) { v.shown = n })
}
