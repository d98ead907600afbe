package engine_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/offloop"
)

// BenchmarkRules runs one rule alone and the whole suite over the rules'
// specs: a rule computes only what it requires, so loopblock alone costs
// less than the seven rules, and offloop, which does not require Blocking,
// less again. Compare the sub-benchmarks' ns/op.
func BenchmarkRules(b *testing.B) {
	pkgs := testmodule.Load(b, "./loopblock/...", "./selfsubmit/...", "./unwrapped/...", "./dropped/...", "./offloop/...", "./lockawait/...", "./poolwait/...")
	for _, run := range []struct {
		name  string
		rules []*analysis.Analyzer
	}{
		{"loopblock", []*analysis.Analyzer{loopblock.Analyzer}},
		{"offloop", []*analysis.Analyzer{offloop.Analyzer}},
		{"suite", analyzer.Analyzers()},
	} {
		b.Run(run.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Analyze(run.rules, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
