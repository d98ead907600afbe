// Package analyzer is the futurelint suite: the rules, their IDs and severities.
//
// Adding a rule means one new package under passes/ and one line in Rules.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/selfsubmit"
	"github.com/futurelint/futurelint/passes/unwrapped"
)

// Rule is one futurelint check.
type Rule struct {
	ID       string // stable identifier, e.g. FL001
	Analyzer *analysis.Analyzer
	Severity engine.Levels // what it reports findings as; the docs show it
}

// Rules lists the suite in ID order. The rules' testdata is
// testdata/<analyzer name>/.
var Rules = []Rule{
	{ID: "FL001", Analyzer: loopblock.Analyzer, Severity: loopblock.Severity},
	{ID: "FL002", Analyzer: selfsubmit.Analyzer, Severity: selfsubmit.Severity},
	{ID: "FL003", Analyzer: unwrapped.Analyzer, Severity: unwrapped.Severity},
}

// Analyzers returns the analyzers of Rules, in order.
func Analyzers() []*analysis.Analyzer {
	as := make([]*analysis.Analyzer, len(Rules))
	for i, r := range Rules {
		as[i] = r.Analyzer
	}
	return as
}
