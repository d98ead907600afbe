// Package unwrap uses teamloop: unwrapped findings come from the rows of
// ../.futurelint.json.
package unwrap

import "futurelint.test/config/teamloop"

type view struct{ shown int }

// OnReady runs its callback on the goroutine that computed the value: the
// write races with the loop.
func (v *view) update(c *teamloop.Ctx) {
	r := teamloop.Go(func() int { return 42 })
	r.OnReady(func(n int) { // want `the OnReady callback runs off the team loop and writes loop-owned v\.shown; hand the value back with c\.Loop\(\)\.Post\(fn\)$`
		v.shown = n
	})
}

// Quiet: Adopt runs the callback on the loop.
func (v *view) adopted(c *teamloop.Ctx) {
	r := teamloop.Go(func() int { return 42 })
	teamloop.Adopt(c.Loop(), r, func(c *teamloop.Ctx, n int) { v.shown = n })
}

// Quiet: OnReady from code that is not on the loop.
func (v *view) offLoop() {
	r := teamloop.Go(func() int { return 42 })
	r.OnReady(func(n int) { v.shown = n })
}
