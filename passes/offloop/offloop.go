package offloop

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "offloop"

// Analyzer reports loop-only API and writes of loop-owned state in code
// that runs off the loop. Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

func run(pass *analysis.Pass, res *engine.Result) error {
	rep := engine.NewReporter(pass, name)
	for _, u := range res.OffLoopUses() { // in reporting order
		pos, end := res.CallSpan(u.Pos)
		rep.Report(analysis.Diagnostic{
			Pos:            pos,
			End:            end,
			Message:        message(res, u),
			SuggestedFixes: anyGoroutineFix(res, u),
		}, engine.Error)
	}
	return nil
}
