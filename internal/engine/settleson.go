package engine

import "golang.org/x/tools/go/ssa"

// SettledOnLoop reports whether the future f, used in loop code fn, is
// settled only by code running on fn's own loop: it is p.Future() of a
// promise p made by futures.NewPromise in this package, which never
// escapes, and every Resolve, Reject or Cancel of it runs in loop code
// certainly on that loop. Its completion callbacks (OnDone) then run on
// the loop too.
func (r *Result) SettledOnLoop(fn *ssa.Function, f ssa.Value) bool {
	p := r.places[fn]
	if p == nil || !p.Loop || p.OffLoop {
		return false
	}
	fut := r.canon(f)
	call, ok := fut.root.(*ssa.Call)
	if !ok || fut.path != "" {
		return false
	}
	if row := r.Role(&call.Call); row == nil || !row.FutureOf || Arg(&call.Call, 0) == nil {
		return false
	}
	prom := r.canon(Arg(&call.Call, 0))
	newCall, ok := prom.root.(*ssa.Call)
	if !ok || prom.path != "" {
		return false
	}
	if row := r.Role(&newCall.Call); row == nil || !row.New {
		return false
	}
	var settlers []ssa.Instruction
	if !r.uses(newCall, &settlers, 0) || len(settlers) == 0 {
		return false
	}
	act := r.ActivationRoot(fn)
	for _, s := range settlers {
		g := r.ActivationRoot(s.Parent())
		if g == act {
			continue // this very code settles it
		}
		if !r.sameLoop(g, p) {
			return false
		}
	}
	return true
}

// sameLoop reports whether loop code g certainly runs on the loop that the
// function placed at p runs on.
func (r *Result) sameLoop(g *ssa.Function, p *Place) bool {
	pg := r.places[g]
	if pg == nil || !pg.Loop || pg.OffLoop {
		return false
	}
	for _, ref := range r.CurrentLoops(g) {
		if r.isCurrentRef(p, loopRef{ref.Root, ref.Path}) {
			return true
		}
	}
	return false
}
