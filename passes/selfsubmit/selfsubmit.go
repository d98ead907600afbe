package selfsubmit

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "selfsubmit"

// Analyzer reports thread-safe submits from loop code back to its own loop.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run, engine.Blocking)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Warning, Raised: engine.Error, When: "the code then waits for the submitted work without suspending anywhere"}

func run(pass *analysis.Pass, res *engine.Result) error {
	// One finding per submit, at the submit: the waits on its work are
	// part of it (loopblock leaves them to this rule).
	var found []engine.Finding
	blk := pass.ResultOf[engine.Blocking].(*engine.Blocks)
	for _, fn := range res.LoopFuncs() {
		for _, s := range blk.SelfSubmits(fn) {
			sub := newSubmit(res, fn, s)
			if !sub.work.Arg.Valid() && len(s.Waits) == 0 {
				// A message to its own mailbox (an actor's request to
				// itself) is harmless unless the code waits for it.
				continue
			}
			sev := Severity.Of(sub.deadlock() != nil)
			pos, end := code.CallSpan(res.Pass, sub.pos)
			found = append(found, engine.Finding{Severity: sev, Diagnostic: analysis.Diagnostic{
				Pos:            pos,
				End:            end,
				Message:        sub.message(),
				SuggestedFixes: sub.suggestFixes(),
				Related:        sub.related(),
			}})
		}
	}
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}
