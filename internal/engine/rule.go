package engine

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/ruledoc"
)

// NewRule returns the analyzer of the rule name and its documentation,
// parsed from docSrc (the rule's embedded doc.go; a malformed one panics at
// init, as ruledoc.MustParse does). The analyzer requires Analyzer (so it
// sees the effective table of the run), the parts the rule reads (Blocking,
// OffLoop: their results are in pass.ResultOf) and those Quieted needs for
// the rule's rows of Overlaps, and calls run with its Result only for
// packages that have loop code: a package that references no loop runtime
// has nothing for a rule to report.
func NewRule(name, docSrc string, run func(*analysis.Pass, *Result) error, parts ...*analysis.Analyzer) (*analysis.Analyzer, *ruledoc.Doc) {
	doc := ruledoc.MustParse(docSrc, name)
	a := &analysis.Analyzer{
		Name:     name,
		Doc:      doc.AnalyzerDoc(),
		URL:      doc.URL(),
		Requires: requires(append(parts, overlapNeeds(name)...)),
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[pass.Analyzer.Requires[0]].(*Result)
			if res.Err != nil {
				return nil, res.Err
			}
			if res.SSA == nil {
				return nil, nil
			}
			return nil, run(pass, res)
		},
	}
	return a, doc
}

// WithEngine returns a copy of rule, an analyzer NewRule made, that runs on
// the engine analyzer eng (New(table)) instead of Analyzer, with the parts
// it requires made again on eng: the rule as it would run with another
// table.
func WithEngine(rule, eng *analysis.Analyzer) *analysis.Analyzer {
	a := *rule
	a.Requires = []*analysis.Analyzer{eng}
	for _, p := range rule.Requires[1:] {
		a.Requires = append(a.Requires, rebuild[p](eng))
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		// The rule reads its parts' results under the parts' own names.
		for i, p := range rule.Requires[1:] {
			pass.ResultOf[p] = pass.ResultOf[a.Requires[i+1]]
		}
		return rule.Run(pass)
	}
	return &a
}

// requires is Analyzer followed by parts, each once.
func requires(parts []*analysis.Analyzer) []*analysis.Analyzer {
	out := []*analysis.Analyzer{Analyzer}
	for _, p := range parts {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
