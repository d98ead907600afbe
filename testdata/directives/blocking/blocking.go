// Package blocking uses evloop, whose roles come from its directives.
package blocking

import "futurelint.test/directives/evloop"

func handle(c *evloop.Ctx, f *evloop.Future) int {
	return f.Get() // want `^\(\*evloop\.Future\)\.Get blocks the loop's goroutine`
}

func fetch(c *evloop.Ctx, g evloop.Getter) int {
	return g.Fetch("k") // want `^evloop\.Getter\.Fetch blocks the loop's goroutine`
}

func posted(l *evloop.Loop, g evloop.Getter) {
	l.Submit(func(c *evloop.Ctx) int {
		return g.Fetch("k") // want `^evloop\.Getter\.Fetch blocks the loop's goroutine`
	})
}

// Quiet: off the loop.
func worker(f *evloop.Future, g evloop.Getter) int { return f.Get() + g.Fetch("k") }

// Quiet: Async runs on another goroutine.
func async(g evloop.Getter) *evloop.Future {
	return evloop.Async(func() int { return g.Fetch("k") })
}

// Quiet: Deliver hands the value to the loop.
func deliver(c *evloop.Ctx, f *evloop.Future) {
	evloop.Deliver(c.Loop(), f, func(c *evloop.Ctx, v int) {})
}

// A handler the library calls on its loop, declared loop code by its
// own directive: it has no *evloop.Ctx to show it.
//
//futurelint:loopcode
func onTraffic(g evloop.Getter) int {
	return g.Fetch("k") // want `^evloop\.Getter\.Fetch blocks the loop's goroutine`
}

// Quiet: the same handler without the directive.
func onTick(g evloop.Getter) int { return g.Fetch("k") }
