package unwrapped

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// racingCallbacks reports completion callbacks that loop code registers on
// executor futures (OnDone) and that touch the loop's state or loop-only
// API from the worker goroutine they run on.
func racingCallbacks(res *engine.Result) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fn := range res.LoopFuncs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if _, isGo := instr.(*ssa.Go); isGo {
					continue // registered from a goroutine of its own, not from loop code
				}
				common := ci.Common()
				row := res.Role(common)
				cbArg, ok := completionCallback(row)
				if !ok {
					continue
				}
				fut := engine.Arg(common, 0)
				cb := engine.Arg(common, cbArg)
				if fut == nil || cb == nil || !res.Roles.Is(fut.Type(), roles.ExecutorFuture) {
					continue
				}
				if submittedHere(res, fn, fut) {
					continue // settled by this very loop: the callback runs on it (selfsubmit reports the submit)
				}
				for _, t := range res.Targets(cb) {
					if tch := touches(res, t); tch != nil {
						out = append(out, analysis.Diagnostic{
							Pos:            callPos(ci),
							Message:        callbackMessage(res, fn, ci, tch),
							SuggestedFixes: wrapThenFix(res, fn, ci, row),
						})
						break
					}
				}
			}
		}
	}
	return out
}

// submittedHere reports whether fut is the future of a thread-safe submit
// from fn back to its own loop, which the loop itself settles.
func submittedHere(res *engine.Result, fn *ssa.Function, fut ssa.Value) bool {
	for _, ss := range res.SelfSubmits(fn) {
		if v := ss.Call.Value(); v != nil && v == fut {
			return true
		}
	}
	return false
}

// completionCallback returns the index of the argument of a call that is
// run on another goroutine once the future in argument 0 settles (OnDone).
func completionCallback(row *roles.Func) (int, bool) {
	if row == nil {
		return 0, false
	}
	for _, fa := range row.Funcs {
		if fa.Where == roles.OffLoop && fa.AfterSettle {
			return fa.Arg, true
		}
	}
	return 0, false
}

// touch is the first thing a callback does that must happen on the loop.
type touch struct {
	pos  token.Pos
	what string // "writes s.count", "calls (*futures.Loop).CallSoon"
	api  bool   // a loop-only call (as opposed to a write)
}

// touches returns what callback t does that races with the loop, or nil:
// a loop-only call, or a write to loop-owned state made without holding a
// lock. The callback's activation includes closures it calls in place or
// defers.
func touches(res *engine.Result, t engine.Target) *touch {
	var api, write *touch
	locked := false
	for _, g := range res.Funcs {
		if res.ActivationRoot(g) != t.Fn {
			continue
		}
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Go:
					// runs on a goroutine of its own
				case ssa.CallInstruction:
					row := res.Role(instr.Common())
					if row == nil {
						continue
					}
					if row.Locks {
						locked = true
					}
					if row.LoopOnly && earlier(instr.Pos(), api) {
						api = &touch{pos: instr.Pos(), what: "calls " + calledName(instr.Common()) + ", which may only be called on the loop", api: true}
					}
				case *ssa.Store:
					if name, ok := loopOwned(res, t, instr.Addr, 0); ok && earlier(instr.Pos(), write) {
						write = &touch{pos: instr.Pos(), what: "writes " + name + ", which loop code owns"}
					}
				case *ssa.MapUpdate:
					if name, ok := loopOwned(res, t, instr.Map, 0); ok && earlier(instr.Pos(), write) {
						write = &touch{pos: instr.Pos(), what: "writes to the map " + name + ", which loop code owns"}
					}
				}
			}
		}
	}
	if api != nil {
		return api // a lock does not make loop-only API safe to call
	}
	if write != nil && !locked {
		return write
	}
	return nil
}

func earlier(pos token.Pos, t *touch) bool {
	return pos.IsValid() && (t == nil || pos < t.pos)
}

// loopOwned reports whether address (or map) v, used in callback t, reaches
// state owned by the loop code that registered t: a variable t captured, a
// field or element reached through one, or through the receiver a method
// value was bound to. It names the state as the source spells it.
func loopOwned(res *engine.Result, t engine.Target, v ssa.Value, depth int) (string, bool) {
	if depth > 16 {
		return "", false
	}
	d := depth + 1
	switch v := v.(type) {
	case *ssa.FreeVar:
		if v.Parent() == t.Fn {
			return v.Name(), true // captured from the loop code that made the callback
		}
		// A closure run in place within the callback: follow the capture
		// to the callback's own variable or capture.
		if b := binding(v); b != nil {
			return loopOwned(res, t, b, d)
		}
	case *ssa.Parameter:
		if t.Recv != nil && v.Parent() == t.Fn && len(t.Fn.Params) > 0 && t.Fn.Params[0] == v {
			return v.Name(), true // the receiver of a method value bound in loop code
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return loopOwned(res, t, v.X, d)
		}
	case *ssa.FieldAddr:
		if base, ok := loopOwned(res, t, v.X, d); ok {
			return base + "." + fieldName(v.X.Type(), v.Field), true
		}
	case *ssa.IndexAddr:
		if base, ok := loopOwned(res, t, v.X, d); ok {
			return base + "[...]", true
		}
	}
	return "", false
}

// binding returns the value bound to free variable fv where its closure is
// made, or nil.
func binding(fv *ssa.FreeVar) ssa.Value {
	g := fv.Parent()
	idx := -1
	for i, x := range g.FreeVars {
		if x == fv {
			idx = i
		}
	}
	if g.Parent() == nil || idx < 0 {
		return nil
	}
	for _, b := range g.Parent().Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == g {
				return mc.Bindings[idx]
			}
		}
	}
	return nil
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

// calledName names what a call calls, as people write it.
func calledName(call *ssa.CallCommon) string {
	if call.IsInvoke() {
		return roles.Describe(call.Method)
	}
	if callee := call.StaticCallee(); callee != nil {
		if obj, ok := callee.Object().(*types.Func); ok {
			return roles.Describe(obj)
		}
		return callee.Name()
	}
	return "a function value"
}

// callbackMessage says what goes wrong and what to write instead.
func callbackMessage(res *engine.Result, fn *ssa.Function, ci ssa.CallInstruction, tch *touch) string {
	f := "f"
	if call, _ := res.CallAt(callPos(ci)); call != nil {
		if x := receiverExpr(call); x != nil {
			f = res.Source(x)
		}
	}
	loop := loopExpr(res, fn, callPos(ci))
	if loop == "" {
		loop = "loop"
	}
	return fmt.Sprintf("the OnDone callback runs on the goroutine that settles %s, not on the event loop running this code, and it %s (at %s): it races with the loop; take the result on the loop with futures.Wrap(%s, %s).Then(callback), or hand back with %s.CallSoonThreadsafe",
		f, tch.what, res.Where(tch.pos), loop, f, loop)
}

// callPos is the opening parenthesis of a call (for a defer or go
// statement, of its call rather than the keyword): where findings are
// reported and where CallAt finds the call.
func callPos(ci ssa.CallInstruction) token.Pos {
	if p := ci.Common().Pos(); p.IsValid() {
		return p
	}
	return ci.Pos()
}
