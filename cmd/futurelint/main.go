// Command futurelint runs futurelint's rules.
//
//	futurelint ./...
//	go vet -vettool=$(which futurelint) ./...
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/futurelint/futurelint/analyzer"
)

func main() { multichecker.Main(analyzer.Analyzers()...) }
