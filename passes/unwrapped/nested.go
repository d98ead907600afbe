package unwrapped

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// nestedFutures reports coroutines and executor jobs whose result is itself
// a future or task. A function of the package is reported once, at its
// declaration; a closure or a function value at the call it is handed to.
func nestedFutures(res *engine.Result) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	reported := map[*ssa.Function]bool{}
	report := func(fn *ssa.Function, pos token.Pos, kind string, inner types.Type) {
		if fn != nil {
			reported[fn] = true
		}
		pos, end := code.CallSpan(res.Pass, pos) // a call's finding covers the call, a declaration's its name
		out = append(out, analysis.Diagnostic{Pos: pos, End: end, Message: nestedMessage(res, fn, kind, inner)})
	}

	// Coroutines: functions with a marker parameter of their own that this
	// package runs as coroutines. One that is only called directly is a
	// helper handing its caller a plain future (t, err := start(c, u)):
	// nothing is nested.
	for _, fn := range res.Funcs {
		p := res.Place(fn)
		if p == nil || p.Marker == nil {
			continue
		}
		inner := nestedResult(res, fn.Signature)
		if inner == nil || !runAsCoroutine(res, p, inner) {
			continue
		}
		pos := fn.Pos()
		if fn.Parent() != nil && len(p.Schedules) > 0 {
			pos = code.CallPos(p.Schedules[0].Call) // a closure: at the call that runs it
		}
		report(fn, pos, "coroutine", inner)
	}

	// Coroutines and jobs handed to the calls that run them.
	for _, fn := range res.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				row := res.Role(ci.Common())
				if row == nil {
					continue
				}
				if d, ok := nestedWrap(res, ci, row); ok {
					out = append(out, d)
				}
				for _, fa := range row.Funcs {
					kind := runsResult(fa)
					arg := engine.Arg(ci.Common(), fa.Arg.Index())
					if kind == "" || arg == nil {
						continue
					}
					sig, ok := arg.Type().Underlying().(*types.Signature)
					if !ok {
						continue
					}
					inner := nestedResult(res, sig)
					if inner == nil || kind == "coroutine" && !nests(res, row, inner) {
						continue
					}
					targets := res.Targets(arg)
					if len(targets) == 0 {
						// A closure made elsewhere, or a function of another
						// package (whose declaration is reported only where
						// its own package runs it): here, at the call.
						static, _ := arg.(*ssa.Function) // named in the message
						if static == nil || !reported[static] {
							report(static, code.CallPos(ci), kind, inner) // once per package for a named one
						}
						continue
					}
					for _, t := range targets {
						switch {
						case reported[t.Fn]:
						case t.Fn.Parent() == nil:
							report(t.Fn, t.Fn.Pos(), kind, inner) // a named job or method: at its declaration, once
						default:
							report(t.Fn, code.CallPos(ci), kind, inner)
						}
					}
				}
			}
		}
	}
	return out
}

// nestedWrap reports a wrap of a future whose value is itself a future or
// task (futures.Wrap(l, f) with f a *Future[*Future[int]]): the task it
// makes holds a future still off the loop. A future made here by running a
// job or coroutine (Submit(e, job)) is not: the job is reported.
func nestedWrap(res *engine.Result, ci ssa.CallInstruction, row *roles.Func) (analysis.Diagnostic, bool) {
	f := engine.Arg(ci.Common(), row.WrapFuture.Index())
	if row.WrapFuture == roles.NoArg || f == nil {
		return analysis.Diagnostic{}, false
	}
	inner := res.Roles.Nested(f.Type())
	if inner == nil {
		return analysis.Diagnostic{}, false
	}
	if call, ok := f.(*ssa.Call); ok {
		if r := res.Role(&call.Call); r != nil {
			for _, fa := range r.Funcs {
				if runsResult(fa) != "" {
					return analysis.Diagnostic{}, false
				}
			}
		}
	}
	name := func(t types.Type) string {
		return types.TypeString(t, func(p *types.Package) string { return p.Name() })
	}
	pos, end := code.CallSpan(res.Pass, code.CallPos(ci))
	msg := fmt.Sprintf("%s of a %s: a nested future, its %s off the loop; await it, then wrap the inner future too",
		code.CallName(res.Pass, ci.Common()), name(f.Type()), name(inner))
	return analysis.Diagnostic{Pos: pos, End: end, Message: msg}, true
}

// runAsCoroutine reports whether the package hands fn, whose result is a
// future or task inner, to a call that runs it as a coroutine and nests
// the result (Spawn, RunThreadsafe, Run, or a wrapper of them).
func runAsCoroutine(res *engine.Result, p *engine.Place, inner types.Type) bool {
	for _, s := range p.Schedules {
		if s.Arg.Where == roles.Coroutine && nests(res, s.Row, inner) {
			return true
		}
	}
	return false
}

// nests reports whether running a coroutine whose result is inner with
// row nests it. futures.Run hands its caller the coroutine's result
// itself, on the caller's goroutine, once the loop has stopped: an
// executor future is then a plain future the caller may block on, but a
// task still escapes its (stopped) loop.
func nests(res *engine.Result, row *roles.Func, inner types.Type) bool {
	return !row.NewLoop || res.Roles.Is(inner, roles.LoopTask)
}

// runsResult says whether argument fa is a function whose result becomes
// the result of a future or task: "coroutine" (Spawn, RunThreadsafe, Run)
// or "executor job" (Submit, RunInExecutor). Callbacks (CallSoon, Then,
// OnDone) return nothing anyone waits for.
func runsResult(fa roles.FuncArg) string {
	switch {
	case fa.Where == roles.Coroutine:
		return "coroutine"
	case fa.Where == roles.OffLoop && !fa.AfterSettle:
		return "executor job"
	}
	return ""
}

// nestedResult returns T when sig has the coroutine or job results
// (T, error) and T is a future or a task; otherwise nil.
func nestedResult(res *engine.Result, sig *types.Signature) types.Type {
	r := sig.Results()
	if r.Len() != 2 || !types.Identical(r.At(1).Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	if t := r.At(0).Type(); res.Roles.IsFuture(t) {
		return t
	}
	return nil
}

// nestedMessage says what the nesting does at run time and what to write
// instead.
func nestedMessage(res *engine.Result, fn *ssa.Function, kind string, inner types.Type) string {
	typ := types.TypeString(inner, func(p *types.Package) string { return p.Name() })
	what := kind
	if fn != nil && fn.Parent() == nil {
		if o := fn.Origin(); o != nil {
			fn = o
		}
		what = kind + " " + fn.Name()
		if fn.Pkg != nil && fn.Pkg != res.SSA {
			what = kind + " " + fn.Pkg.Pkg.Name() + "." + fn.Name() // of another package: lib.Start
		}
	}
	task := res.Roles.Is(inner, roles.LoopTask)
	if kind == "coroutine" {
		c := "c"
		if p := res.Place(fn); p != nil {
			if m := p.Marker; m != nil && m.Name() != "" && m.Name() != "_" {
				c = m.Name()
			}
		}
		// The words of the coroutine's loop, or (a coroutine of another
		// package, a function value) those of the nested type's library.
		w := roles.GenericWords
		lib := res.Library(fn, nil)
		if lib == nil {
			lib = res.Roles.Library(typePkg(inner))
		}
		if lib != nil {
			w = lib.Words.Or(w)
		}
		vars := map[string]string{"c": c}
		if task {
			return fmt.Sprintf("%s returns a %s: its task escapes the loop in a future; %s", what, typ, roles.Say(w.NestedTask, vars))
		}
		return fmt.Sprintf("%s returns a %s: a future of a future; %s", what, typ, roles.Say(w.NestedFuture, vars))
	}
	if task {
		return fmt.Sprintf("%s returns a %s: a task off its loop; return its value from loop code, or submit plain work", what, typ)
	}
	wait := "wait for it in the job and return its value"
	if name := waitMethod(res, inner); name != "" {
		wait = "return f." + name + "() in the job"
	}
	return fmt.Sprintf("%s returns a %s: a future of a future; %s", what, typ, wait)
}

// typePkg is the import path of the package declaring t (or *t), or "".
func typePkg(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path()
	}
	return ""
}

// waitMethod names the method of future type t (or *t) that waits for it
// to settle with no way to give up (the runtime's Result), from its row;
// "" when the table has none.
func waitMethod(res *engine.Result, t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return ""
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := range ms.Len() {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if row := res.Roles.Lookup(fn); row != nil && row.Block != roles.NoBlock && row.Waits == roles.Arg0 && !row.WaitsContext {
			return fn.Name()
		}
	}
	return ""
}
