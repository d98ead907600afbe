// Package self uses teamloop: selfsubmit findings come from the rows of
// ../.futurelint.json.
package self

import "futurelint.test/config/teamloop"

// Waiting, on the loop, for work submitted to that same loop.
func total(c *teamloop.Ctx) int {
	r := c.Loop().Call(func(c *teamloop.Ctx) int { return 1 }) // want `^c\.Loop\(\)\.Call submits to the current loop, then waits for it: a deadlock`
	return r.Wait()
}

// A thread-safe submit to the loop the code runs on.
func again(c *teamloop.Ctx) {
	c.Loop().Post(func(c *teamloop.Ctx) {}) // want `^c\.Loop\(\)\.Post submits to the current loop: a needless thread-safe hop`
}

// Quiet: submitting from another goroutine is what Post is for.
func fromWorker(l *teamloop.Loop) int {
	return l.Call(func(c *teamloop.Ctx) int { return 1 }).Wait()
}

// Quiet: Later is the loop-side way to queue.
func later(c *teamloop.Ctx) {
	c.Later(func(c *teamloop.Ctx) {})
}
