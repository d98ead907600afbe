package unwrapped

import (
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/engine"
)

// settledOnLoop reports whether the future f, used in loop code fn, is
// settled only by code running on fn's own loop: it is p.Future() of a
// promise p made by futures.NewPromise in this package, which never
// escapes, and every Resolve, Reject or Cancel of it runs in loop code
// certainly on that loop. Its completion callbacks (OnDone) then run on
// the loop too.
func settledOnLoop(res *engine.Result, fn *ssa.Function, f ssa.Value) bool {
	if p := res.Place(fn); p == nil || !p.Loop || p.OffLoop {
		return false
	}
	fut := res.Ref(f)
	call, ok := fut.Root.(*ssa.Call)
	if !ok || fut.Path != "" {
		return false
	}
	if row := res.Role(&call.Call); row == nil || !row.FutureOf || engine.Arg(&call.Call, 0) == nil {
		return false
	}
	prom := res.Ref(engine.Arg(&call.Call, 0))
	newCall, ok := prom.Root.(*ssa.Call)
	if !ok || prom.Path != "" {
		return false
	}
	if row := res.Role(&newCall.Call); row == nil || !row.New {
		return false
	}
	settlers, ok := res.Settlers(newCall)
	if !ok || len(settlers) == 0 {
		return false
	}
	act := res.ActivationRoot(fn)
	for _, s := range settlers {
		g := res.ActivationRoot(s.Parent())
		if g == act {
			continue // this very code settles it
		}
		if !res.SameLoop(g, fn) {
			return false
		}
	}
	return true
}
