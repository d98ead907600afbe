// Package analyzer is the futurelint suite: the rules, their IDs and severities.
//
// Adding a rule means one new package under passes/ and one line in Rules.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/passes/dropped"
	"github.com/futurelint/futurelint/passes/lockawait"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/offloop"
	"github.com/futurelint/futurelint/passes/poolwait"
	"github.com/futurelint/futurelint/passes/selfsubmit"
	"github.com/futurelint/futurelint/passes/unwrapped"
)

// Rule is one futurelint check.
type Rule struct {
	ID       string // stable identifier, e.g. FL001
	Analyzer *analysis.Analyzer
}

// Rules lists the suite in ID order.
var Rules = []Rule{
	{ID: "FL001", Analyzer: loopblock.Analyzer},
	{ID: "FL002", Analyzer: selfsubmit.Analyzer},
	{ID: "FL003", Analyzer: unwrapped.Analyzer},
	{ID: "FL004", Analyzer: dropped.Analyzer},
	{ID: "FL005", Analyzer: offloop.Analyzer},
	{ID: "FL006", Analyzer: lockawait.Analyzer},
	{ID: "FL007", Analyzer: poolwait.Analyzer},
}

// Analyzers returns the analyzers of Rules, in order.
func Analyzers() []*analysis.Analyzer {
	as := make([]*analysis.Analyzer, len(Rules))
	for i, r := range Rules {
		as[i] = r.Analyzer
	}
	return as
}
