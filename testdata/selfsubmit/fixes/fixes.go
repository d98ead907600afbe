// Package fixes holds selfsubmit's suggested fixes; fixes.go.golden is the
// file after applying them.
package fixes

import (
	fut "github.com/futurelint/futurelint/futures"
)

func tick() {}

func double(c *fut.Ctx) (int, error) { return 2, nil }

func coroutine(c *fut.Ctx, co func(*fut.Ctx) (int, error)) (int, error) {
	l := c.Loop()
	l.CallSoonThreadsafe(tick)                             // want `^l\.CallSoonThreadsafe submits`
	defer c.Loop().CallSoonThreadsafe(tick)                // want `^c\.Loop\(\)\.CallSoonThreadsafe submits`
	fut.RunThreadsafe(l, co)                               // want `^fut\.RunThreadsafe submits`
	v, err := fut.RunThreadsafe(c.Loop(), double).Result() // want `^fut\.RunThreadsafe submits .* a deadlock`
	_, _ = v, err
	if _, err := (fut.RunThreadsafe(l, co)).Result(); err != nil { // want `^fut\.RunThreadsafe submits .* a deadlock`
		return 0, err
	}
	func() {
		fut.RunThreadsafe(l, co).Result() // want `^fut\.RunThreadsafe submits .* a deadlock`
	}()
	return fut.RunThreadsafe(l, co).Result() // want `^fut\.RunThreadsafe submits .* a deadlock`
}

// A callback: CallSoon needs no *Ctx, and neither does a Spawn statement.
func callback(l *fut.Loop, co func(*fut.Ctx) (int, error)) {
	l.CallSoon(func() {
		l.CallSoonThreadsafe(tick) // want `^l\.CallSoonThreadsafe submits`
		fut.RunThreadsafe(l, co)   // want `^fut\.RunThreadsafe submits`
	})
}

type actor struct{ loop *fut.Loop }

func (a *actor) start() { a.loop.CallSoon(a.receive) }

func (a *actor) receive() {
	a.loop.CallSoonThreadsafe(a.flush) // want `^a\.loop\.CallSoonThreadsafe submits`
}

func (a *actor) flush() {}
