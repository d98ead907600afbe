// Command nop is the floor futurelint is measured against: x/tools'
// multichecker with one analyzer that does nothing and declares no facts.
// It parses and type-checks the named packages from source and reads every
// dependency from the go command's export data: the cheapest honest way to
// look at the named packages' syntax and types, which any linter of them
// has to do.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

var analyzer = &analysis.Analyzer{
	Name: "nop",
	Doc:  "nop loads and type-checks packages and reports nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { multichecker.Main(analyzer) }
