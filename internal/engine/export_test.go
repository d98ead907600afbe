package engine

import (
	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/roles"
)

// NewAlwaysSSA returns an engine analyzer that summarises every package
// with SSA, even one that references no loop runtime.
func NewAlwaysSSA(table *roles.Table) *analysis.Analyzer { return newAnalyzer(table, true) }

// BlockingOn returns Blocking made on the engine analyzer eng.
func BlockingOn(eng *analysis.Analyzer) *analysis.Analyzer { return newBlocking(eng) }
