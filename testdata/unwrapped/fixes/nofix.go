package fixes

import fut "github.com/futurelint/futurelint/futures"

func current() *fut.Loop { return nil }

// No fix where the current loop has no name at the call.
func noName(s *actor, f *fut.Future[int]) {
	current().CallSoon(func() { // scheduled on a loop no variable holds
		f.OnDone(func(n int, err error) { s.count = n }) // want `futures\.Wrap\(loop, f\)`
	})
}

// Two loops: the callback's loop differs from call to call.
func twoLoops(a, b *fut.Loop, s *actor, f *fut.Future[int]) {
	cb := func() {
		f.OnDone(func(n int, err error) { s.count = n }) // want `futures\.Wrap\(loop, f\)`
	}
	a.CallSoon(cb)
	b.CallSoon(cb)
}

// The marker is shadowed at the call.
func shadowed(c *fut.Ctx, s *actor, f *fut.Future[int]) {
	{
		c := 0
		_ = c
		f.OnDone(func(n int, err error) { s.count = n }) // want `futures\.Wrap\(loop, f\)`
	}
}
