package unwrapped

import (
	_ "embed"
	"sort"

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
	found := racingCallbacks(res)
	found = append(found, nestedFutures(res)...)
	sort.SliceStable(found, func(i, j int) bool { return engine.Before(pass.Fset, found[i].Pos, found[j].Pos) })
	rep := engine.NewReporter(pass, name)
	for _, d := range found {
		rep.Report(d, engine.Warning)
	}
	return nil
}
