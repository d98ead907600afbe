package engine_test

import (
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/dropped"
	"github.com/futurelint/futurelint/passes/lockawait"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/offloop"
	"github.com/futurelint/futurelint/passes/poolwait"
	"github.com/futurelint/futurelint/passes/selfsubmit"
	"github.com/futurelint/futurelint/passes/unwrapped"
)

const demoDoc = `// Package demo reports demos.
//
// # Analyzer demo
//
// demo: a demo on the loop
//
// It flags demos.
//
// # Why it goes wrong
//
// Demos stall.
//
// # Before
//
//	demo()
//
// # After
//
//	undemo()
//
// # Fix
//
// Call undemo.
//
// # Severity
//
// warning
package demo
`

// TestNewRule checks the analyzer NewRule builds: its documentation comes
// from the doc source, it requires the engine, and run sees the engine's
// result for packages with loop code only.
func TestNewRule(t *testing.T) {
	var mu sync.Mutex
	var ran []string
	a, doc := engine.NewRule("demo", demoDoc, func(pass *analysis.Pass, res *engine.Result) error {
		if res != pass.ResultOf[engine.Analyzer] || res.SSA == nil {
			t.Errorf("%s: run got %p, not the engine's result with SSA", pass.Pkg.Path(), res)
		}
		mu.Lock()
		ran = append(ran, pass.Pkg.Path())
		mu.Unlock()
		return nil
	})
	if doc.Name != "demo" || doc.Title != "a demo on the loop" {
		t.Errorf("Doc = %q: %q, want demo: a demo on the loop", doc.Name, doc.Title)
	}
	if a.Name != "demo" || a.Doc != doc.AnalyzerDoc() || a.URL != doc.URL() {
		t.Errorf("analyzer %q has Doc %q and URL %q, not those of its doc", a.Name, a.Doc, a.URL)
	}
	if !slices.Equal(a.Requires, []*analysis.Analyzer{engine.Analyzer}) {
		t.Errorf("Requires = %v, want the engine", a.Requires)
	}
	pkgs := testmodule.Load(t, "./engine/plain", "./engine/use")
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
	}
	if want := []string{"futurelint.test/engine/use"}; !slices.Equal(ran, want) {
		t.Errorf("run ran on %v, want %v (engine/plain has no loop code)", ran, want)
	}
}

// TestWithEngineParts runs offloop and dropped, which require the OffLoop
// part, and selfsubmit, which requires Blocking, on an engine of their own:
// their specs hold as with Analyzer.
func TestWithEngineParts(t *testing.T) {
	eng := engine.New(engine.Table())
	for _, rule := range []*analysis.Analyzer{offloop.Analyzer, dropped.Analyzer, selfsubmit.Analyzer} {
		moved := engine.WithEngine(rule, eng)
		if moved.Requires[0] != eng || slices.Contains(moved.Requires, engine.OffLoop) || slices.Contains(moved.Requires, engine.Blocking) {
			t.Errorf("%s: requires %v, want eng and its own parts", rule.Name, moved.Requires)
		}
		analysistest.Run(t, testmodule.Dir(t), moved, "./"+rule.Name+"/a")
	}
}

// TestBlockingRequired checks which rules require Blocking: one that reads
// no may-block or may-suspend summary does not make its runs compute them.
func TestBlockingRequired(t *testing.T) {
	for _, c := range []struct {
		rule *analysis.Analyzer
		want bool
	}{
		{offloop.Analyzer, false},
		{dropped.Analyzer, false},
		{unwrapped.Analyzer, false},
		{loopblock.Analyzer, true},
		{selfsubmit.Analyzer, true},
		{poolwait.Analyzer, true},
		{lockawait.Analyzer, true},
	} {
		if got := requiresAll(c.rule)[engine.Blocking]; got != c.want {
			t.Errorf("%s requires Blocking: %v, want %v", c.rule.Name, got, c.want)
		}
	}
}

// requiresAll returns the analyzers a requires, directly or not.
func requiresAll(a *analysis.Analyzer) map[*analysis.Analyzer]bool {
	out := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		for _, r := range a.Requires {
			if !out[r] {
				out[r] = true
				visit(r)
			}
		}
	}
	visit(a)
	return out
}
