package engine

import (
	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/ruledoc"
)

// NewRule returns the analyzer of the rule name and its documentation,
// parsed from docSrc (the rule's embedded doc.go; a malformed one panics at
// init, as ruledoc.MustParse does). The analyzer requires Analyzer (so it
// sees the effective table of the run) and calls run with its Result only
// for packages that have loop code: a package that references no loop
// runtime has nothing for a rule to report.
func NewRule(name, docSrc string, run func(*analysis.Pass, *Result) error) (*analysis.Analyzer, *ruledoc.Doc) {
	doc := ruledoc.MustParse(docSrc, name)
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      doc.AnalyzerDoc(),
		URL:      doc.URL(),
		Requires: []*analysis.Analyzer{Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[pass.Analyzer.Requires[0]].(*Result)
			if res.SSA == nil {
				return nil, nil
			}
			return nil, run(pass, res)
		},
	}
	return a, doc
}

// WithEngine returns a copy of rule, an analyzer NewRule made, that runs on
// the engine analyzer eng (New(table)) instead of Analyzer: the rule as it
// would run with another table.
func WithEngine(rule, eng *analysis.Analyzer) *analysis.Analyzer {
	a := *rule
	a.Requires = []*analysis.Analyzer{eng}
	return &a
}
