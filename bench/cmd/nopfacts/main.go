// Command nopfacts is the floor of a driver that computes facts the way x/tools'
// multichecker does: the same multichecker as bench/cmd/nop, with one analyzer
// that does nothing but declare a fact type. Declaring one makes the driver
// load every dependency, the standard library included, from source and
// type-check it. It is an extra row of the benchmark, not its floor.
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
	Doc:       "nop loads and type-checks packages, dependencies from source, and reports nothing",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(unusedFact)},
}

func main() { multichecker.Main(analyzer) }
