package a

import "github.com/futurelint/futurelint/futures"

// holder carries a loop in a field: the loop identity flows through it.
type holder struct {
	l    *futures.Loop
	name string
}

func viaHolder(c *futures.Ctx) (int, error) {
	h := holder{l: c.Loop(), name: "h"}
	futures.RunThreadsafe(h.l, work) // want `^futures\.RunThreadsafe submits to the current loop: a nested future`
	p := &holder{l: c.Loop()}
	p.l.CallSoonThreadsafe(tick) // want `^p\.l\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop`
	return 0, nil
}

func viaHolderResult(c *futures.Ctx) (int, error) {
	h := holder{l: c.Loop()}
	return futures.RunThreadsafe(h.l, work).Result() // want `^futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
}

// Quiet: a holder of another loop, one whose field changes, one handed to
// code that may change it.
func otherHolders(c *futures.Ctx, other *futures.Loop) (int, error) {
	h := holder{l: other}
	futures.RunThreadsafe(h.l, work)
	g := holder{l: c.Loop()}
	g.l = other
	futures.RunThreadsafe(g.l, work)
	k := &holder{l: c.Loop()}
	retarget(k, other)
	futures.RunThreadsafe(k.l, work)
	return 0, nil
}

func retarget(h *holder, l *futures.Loop) { h.l = l }

func work(*futures.Ctx) (int, error) { return 0, nil }
