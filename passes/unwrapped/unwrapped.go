package unwrapped

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "unwrapped"

// Analyzer reports executor futures used by loop code without Wrap.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Warning}

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []engine.Finding
	for _, d := range append(racingCallbacks(res), nestedFutures(res)...) {
		found = append(found, engine.Finding{Diagnostic: d, Severity: Severity.Usual})
	}
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}
