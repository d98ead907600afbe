package selfsubmit

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

const name = "selfsubmit"

// Analyzer reports thread-safe submits from loop code back to its own loop.
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
		return nil, nil // no loop runtime referenced: no loop code
	}
	rep := engine.NewReporter(pass, name)
	// One finding per submit, at the submit: the waits on its work are
	// part of it (loopblock leaves them to this rule).
	var found []*submit
	for _, fn := range res.LoopFuncs() {
		for _, s := range res.SelfSubmits(fn) {
			found = append(found, newSubmit(res, fn, s))
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].pos < found[j].pos })
	for _, sub := range found {
		sev := engine.Warning
		if sub.deadlock() != nil {
			sev = engine.Error
		}
		rep.Report(analysis.Diagnostic{
			Pos:            sub.pos,
			Message:        sub.message(),
			SuggestedFixes: sub.suggestFixes(),
		}, sev)
	}
	return nil, nil
}
