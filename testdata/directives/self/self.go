// Package self uses evloop, whose roles come from its directives.
package self

import "futurelint.test/directives/evloop"

func total(c *evloop.Ctx) int {
	f := c.Loop().Submit(func(c *evloop.Ctx) int { return 1 }) // want `^c\.Loop\(\)\.Submit submits to the current loop, then waits for it: a deadlock`
	return f.Get()
}

// Quiet: from another goroutine.
func fromWorker(l *evloop.Loop) int {
	return l.Submit(func(c *evloop.Ctx) int { return 1 }).Get()
}

// Quiet: Later is the loop-side way.
func later(c *evloop.Ctx) { c.Later(func(c *evloop.Ctx) {}) }
