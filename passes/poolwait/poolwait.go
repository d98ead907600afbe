package poolwait

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "poolwait"

// Analyzer reports executor jobs that wait for work on their own executor.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run, engine.Blocking)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Warning}

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []engine.Finding
	for _, w := range poolWaits(res, pass.ResultOf[engine.Blocking].(*engine.Blocks)) {
		pos, end := code.CallSpan(res.Pass, w.Pos)
		found = append(found, engine.Finding{Diagnostic: analysis.Diagnostic{Pos: pos, End: end, Message: message(res, w), Related: related(res, w)}, Severity: Severity.Usual})
	}
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}
