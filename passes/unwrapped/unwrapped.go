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

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []engine.Finding
	for _, d := range append(racingCallbacks(res), nestedFutures(res)...) {
		found = append(found, engine.Finding{Diagnostic: d, Severity: engine.Warning})
	}
	engine.NewReporter(pass, name).ReportAll(found)
	return nil
}
