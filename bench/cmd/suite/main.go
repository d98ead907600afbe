// Command suite is the futurelint suite as a multichecker, used by the
// benchmark only while the repository has no cmd/futurelint to build.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/futurelint/futurelint/analyzer"
)

func main() { multichecker.Main(analyzer.Analyzers()...) }
