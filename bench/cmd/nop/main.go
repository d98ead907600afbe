// Command nop is the floor futurelint is measured against: the same
// multichecker driver with one analyzer that does nothing.
//
// The analyzer declares a fact type, as futurelint's rules do, so the driver
// loads and type-checks every dependency from source exactly as it does for
// futurelint; without a fact type it would read export data instead and the
// floor would be lower than anything a fact-using suite can reach.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// unusedFact is declared, never exported.
type unusedFact struct{}

func (*unusedFact) AFact() {}

var analyzer = &analysis.Analyzer{
	Name:      "nop",
	Doc:       "nop loads and type-checks packages and reports nothing",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(unusedFact)},
}

func main() { multichecker.Main(analyzer) }
