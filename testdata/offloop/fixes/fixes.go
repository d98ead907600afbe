// Package fixes has offloop's suggested fixes: a loop-only call renamed to
// its thread-safe twin.
package fixes

import "github.com/futurelint/futurelint/futures"

func co(c *futures.Ctx) (int, error) { return 1, nil }

func start(c *futures.Ctx) (int, error) {
	l := c.Loop()
	go func() {
		l.CallSoon(func() {})         // want `use l\.CallSoonThreadsafe`
		futures.Spawn(l, co)          // want `use futures\.RunThreadsafe\(l, co\)`
		_ = futures.Spawn[int](l, co) // want `use futures\.RunThreadsafe\[int\]\(l, co\)`
		t := futures.Spawn(l, co)     // want `use futures\.RunThreadsafe\(l, co\)`
		_ = t
	}()
	return 0, nil
}
