package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
)

// AwaitCtx returns the name of the marker variable (*futures.Ctx) that code
// at pos in fn can pass to Await or Sleep, or "" when there is none: fn must
// be a coroutine, or run within one (a closure called in place or deferred
// there), and the parameter must be named and not shadowed at pos.
// Callbacks have no marker: Await from a callback would suspend nothing.
func (r *Result) AwaitCtx(fn *ssa.Function, pos token.Pos) string {
	m := r.MarkerOf(fn)
	if m == nil || m.Object() == nil {
		return ""
	}
	obj := m.Object()
	name := obj.Name()
	if name == "" || name == "_" {
		return ""
	}
	if !code.ResolvesTo(r.Pass, name, pos, func(found types.Object) bool { return found == obj }) {
		return ""
	}
	return name
}

// MarkerLoop spells the loop of the marker in scope at pos (c.Loop()), with
// the method the table says returns a marker's loop (CurrentLoop), or
// returns "" when there is no named marker or no such method.
func (r *Result) MarkerLoop(fn *ssa.Function, pos token.Pos) string {
	c := r.AwaitCtx(fn, pos)
	if c == "" {
		return ""
	}
	ms := types.NewMethodSet(r.MarkerOf(fn).Type())
	for i := range ms.Len() {
		m, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if row := r.Roles.Lookup(m); row != nil && row.CurrentLoop && m.Type().(*types.Signature).Params().Len() == 0 {
			return c + "." + m.Name() + "()"
		}
	}
	return ""
}
