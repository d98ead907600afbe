package fixes

import (
	fut "github.com/futurelint/futurelint/futures"
)

// No fix where the rewrite would not compile or would not be mechanical.
func noFix(c *fut.Ctx, co func(*fut.Ctx) (int, error)) (*fut.Future[int], error) {
	l := c.Loop()
	// CallSoon returns nothing: a used error result would not compile.
	if err := l.CallSoonThreadsafe(tick); err != nil { // want `^l\.CallSoonThreadsafe submits`
		return nil, err
	}
	_ = l.CallSoonThreadsafe(tick) // want `^l\.CallSoonThreadsafe submits`
	// ResultContext's ctx has no loop-side spelling.
	fut.RunThreadsafe(l, co).ResultContext(c.Context()) // want `^fut\.RunThreadsafe submits .* a deadlock`
	// Explicit type arguments.
	fut.RunThreadsafe[int](l, co) // want `^fut\.RunThreadsafe\[int\] submits`
	// A stored future waited on elsewhere: rewriting the submit alone would
	// leave the wait blocking.
	f := fut.RunThreadsafe(l, co) // want `^fut\.RunThreadsafe submits .* a deadlock`
	<-f.Done()
	// The seed: the future is returned, which changes the result type.
	return fut.RunThreadsafe(l, co), nil // want `^fut\.RunThreadsafe submits`
}

// A callback has no *Ctx to await with.
func noCtx(l *fut.Loop, co func(*fut.Ctx) (int, error)) {
	l.CallSoon(func() {
		fut.RunThreadsafe(l, co).Result() // want `^fut\.RunThreadsafe submits .* a deadlock`
	})
}

// The marker is shadowed where the wait is.
func shadowed(c *fut.Ctx, co func(*fut.Ctx) (int, error)) {
	l := c.Loop()
	{
		c := 1
		_ = c
		fut.RunThreadsafe(l, co).Result() // want `^fut\.RunThreadsafe submits .* a deadlock`
	}
}

// A loop type with its own CallSoon over the promoted one.
type guarded struct{ *fut.Loop }

func (g guarded) CallSoon(fn func()) {}

func ownCallSoon(g guarded) {
	g.Loop.CallSoon(func() {
		g.CallSoonThreadsafe(tick) // want `^g\.CallSoonThreadsafe submits`
	})
}
