package loopblock

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "loopblock"

// Analyzer reports blocking operations in event-loop code.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run, engine.Blocking)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Warning, Raised: engine.Error, When: "the wait provably deadlocks or the call certainly panics"}

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []engine.Finding
	quiet := engine.Quieted(pass, res)
	blk := pass.ResultOf[engine.Blocking].(*engine.Blocks)
	for _, fn := range res.LoopFuncs() {
		for _, op := range blk.Ops(fn) {
			if quiet[op.Pos] {
				continue
			}
			stall := op.Deadlock == nil && op.Panics == nil
			if op.Helper != nil && op.CalleeIsLoop && !reportedAtCall(res, op, stall) {
				continue // the callee is loop code: its blocking is reported inside it
			}
			if stall && res.Place(res.ActivationRoot(fn)).LoopCalls {
				continue // reported where the loop calls this handler, with the chain
			}
			if op.Helper.Silences(name) {
				continue // an ignore directive inside the helper silences every way it blocks
			}
			if op.Helper != nil && !op.Helper.Certain && keptLoopCode(res, res.ActivationRoot(fn)) {
				continue // loop code known through a stored function value: only a certain wait
			}
			sev := Severity.Of(op.Deadlock != nil || op.Panics != nil)
			pos, end := code.CallSpan(res.Pass, op.Pos)
			found = append(found, engine.Finding{Severity: sev, Diagnostic: analysis.Diagnostic{
				Pos:            pos,
				End:            end,
				Message:        message(res, op),
				SuggestedFixes: suggestFixes(res, op),
				Related:        res.Related(op),
			}})
		}
	}
	for _, h := range blk.HandIns() {
		if h.Blocks.Silences(name) {
			continue
		}
		pos, end := code.CallSpan(res.Pass, h.Pos)
		found = append(found, engine.Finding{Severity: Severity.Of(h.Deadlock != nil), Diagnostic: analysis.Diagnostic{
			Pos:     pos,
			End:     end,
			Message: handInMessage(res, h),
			Related: h.Related,
		}})
	}
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}

// reportedAtCall reports whether a wait inside the loop code op calls is
// reported at the call rather than inside it: a stall in a handler its
// inferred loop calls in place, or a wait that is not certain in loop code
// known only through a stored function value.
func reportedAtCall(res *engine.Result, op *engine.Op, stall bool) bool {
	return stall && calledByLoop(res, op) || !op.Helper.Certain && keptLoopCode(res, op.Call.StaticCallee())
}

// calledByLoop reports whether op calls a handler method its inferred loop
// calls in place: a stall in it is reported here, at the loop's call.
func calledByLoop(res *engine.Result, op *engine.Op) bool {
	callee := op.Call.StaticCallee()
	return callee != nil && res.Place(callee) != nil && res.Place(callee).LoopCalls
}

// keptLoopCode reports whether fn is loop code known only through a stored
// function value (Place.Kept), where only a certain wait is reported: a
// call of it that may wait is reported at the call, from loop code that
// reports such waits, rather than inside it.
func keptLoopCode(res *engine.Result, fn *ssa.Function) bool {
	if fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	p := res.Place(fn)
	return p != nil && p.Kept
}
