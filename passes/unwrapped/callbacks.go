package unwrapped

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// racingCallbacks reports completion callbacks that loop code registers on
// executor futures (OnDone) and that touch the loop's state or loop-only
// API from the worker goroutine they run on.
func racingCallbacks(res *engine.Result) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, fn := range res.LoopFuncs() {
		// RoleCalls leaves out go statements: a callback they register is
		// registered from a goroutine of its own, not from loop code.
		for ci, row := range res.RoleCalls(fn) {
			common := ci.Common()
			cbArg, ok := row.CompletionCallback()
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
			if settledOnLoop(res, fn, fut) {
				continue // a promise only this loop settles: the callback runs on it
			}
			if res.Settled(fn, fut, ci) {
				continue // already settled: OnDone runs the callback at once, here on the loop
			}
			for _, t := range res.Targets(cb) {
				if tch := res.Touches(t); tch != nil {
					pos, end := code.CallSpan(res.Pass, code.CallPos(ci))
					out = append(out, analysis.Diagnostic{
						Pos:            pos,
						End:            end,
						Message:        callbackMessage(res, fn, ci, row, tch),
						Related:        []analysis.RelatedInformation{{Pos: tch.Pos, Message: "off the loop here"}},
						SuggestedFixes: wrapThenFix(res, fn, ci, row),
					})
					break
				}
			}
		}
	}
	return out
}

// submittedHere reports whether fut is the future of a thread-safe submit
// from fn back to its own loop, which the loop itself settles.
func submittedHere(res *engine.Result, fn *ssa.Function, fut ssa.Value) bool {
	for _, ss := range res.SelfSubmitCalls(fn) {
		if v := ss.Call.Value(); v != nil && v == fut {
			return true
		}
	}
	return false
}

// callbackMessage says what goes wrong and what to write instead, in the
// words of the library of the loop fn runs on.
func callbackMessage(res *engine.Result, fn *ssa.Function, ci ssa.CallInstruction, row *roles.Func, tch *engine.Touch) string {
	f := res.Written(ci).Source(roles.Arg0, "f")
	loop := loopExpr(res, fn, code.CallPos(ci))
	if loop == "" {
		loop = "loop"
	}
	w := res.Words(fn, row)
	return fmt.Sprintf("the %s callback runs off %s and %s; %s",
		row.Name, w.Loop, tch.What, roles.Say(w.HandBack, map[string]string{"l": loop, "f": f}))
}
