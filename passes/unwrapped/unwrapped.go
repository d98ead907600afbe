package unwrapped

import (
	_ "embed"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/ruledoc"
)

//go:embed doc.go
var doc string

// Doc is the rule's documentation, parsed from doc.go.
var Doc = ruledoc.MustParse(doc, name)

const name = "unwrapped"

// Analyzer reports executor futures used by loop code without Wrap.
var Analyzer = &analysis.Analyzer{
	Name:     name,
	Doc:      Doc.AnalyzerDoc(),
	URL:      Doc.URL(),
	Requires: []*analysis.Analyzer{engine.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[engine.Analyzer].(*engine.Result)
	if res.SSA == nil {
		return nil, nil // no loop runtime referenced: no loop code, no futures
	}
	found := racingCallbacks(res)
	found = append(found, nestedFutures(res)...)
	sort.SliceStable(found, func(i, j int) bool { return found[i].Pos < found[j].Pos })
	rep := engine.NewReporter(pass, name)
	for _, d := range found {
		rep.Report(d, engine.Warning)
	}
	return nil, nil
}
