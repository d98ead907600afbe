package poolwait

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "poolwait"

// Analyzer reports executor jobs that wait for work on their own executor.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

func run(pass *analysis.Pass, res *engine.Result) error {
	rep := engine.NewReporter(pass, name)
	for _, w := range res.PoolWaits() { // in reporting order
		pos, end := res.CallSpan(w.Pos)
		rep.Report(analysis.Diagnostic{Pos: pos, End: end, Message: message(res, w)}, engine.Warning)
	}
	return nil
}
