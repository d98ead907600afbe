package loopblock

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

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
			if op.Helper != nil && op.CalleeIsLoop {
				continue // the callee is loop code: its blocking is reported inside it
			}
			if op.Helper.Silences(name) {
				continue // an ignore directive inside the helper silences every way it blocks
			}
			if op.Helper != nil && !op.Helper.Certain && res.Place(res.ActivationRoot(fn)).Kept {
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
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}
