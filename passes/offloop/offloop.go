package offloop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "offloop"

// Analyzer reports loop-only API and writes of loop-owned state in code
// that runs off the loop. Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run, engine.OffLoop)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Error}

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []engine.Finding
	for _, u := range pass.ResultOf[engine.OffLoop].(engine.OffLoopUses) {
		pos, end := code.CallSpan(res.Pass, u.Pos)
		found = append(found, engine.Finding{Severity: Severity.Usual, Diagnostic: analysis.Diagnostic{
			Pos:            pos,
			End:            end,
			Message:        message(res, u),
			Related:        related(res, u),
			SuggestedFixes: anyGoroutineFix(res, u),
		}})
	}
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}
