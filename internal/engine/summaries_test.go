package engine_test

import (
	"fmt"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestSummariesAgree checks that the may-block summaries of a package that
// references no loop runtime, made from its syntax (astsummary.go), are
// the ones SSA makes (blocking.go): the same functions block, with the
// same witness chains, in every package the testdata module loads, the
// libraries its specs require (client-go) included: their importers read
// the facts whichever summary made them.
func TestSummariesAgree(t *testing.T) {
	pkgs := testmodule.Load(t, "./...")
	blocks := func(a *analysis.Analyzer) map[types.Object]string {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[types.Object]string{}
		for act := range graph.All() {
			for _, f := range act.AllObjectFacts() {
				if f.Object.Pkg() == nil {
					continue
				}
				if b, ok := f.Fact.(*engine.BlocksFact); ok {
					out[f.Object] = fmt.Sprintf("%s %s", b.Kind, b)
				}
			}
		}
		return out
	}
	syntax := blocks(engine.BlockingOn(engine.New(engine.Table())))
	ssa := blocks(engine.BlockingOn(engine.NewAlwaysSSA(engine.Table())))
	var diffs []string
	for obj, s := range syntax {
		if ssa[obj] != s {
			diffs = append(diffs, fmt.Sprintf("%s: syntax %q, SSA %q", obj, s, ssa[obj]))
		}
	}
	for obj, s := range ssa {
		if _, ok := syntax[obj]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: syntax none, SSA %q", obj, s))
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 0 {
		t.Errorf("the summaries disagree on %d functions:\n%s", len(diffs), strings.Join(diffs, "\n"))
	}
	if len(syntax) < 20 {
		t.Errorf("only %d blocking functions in the testdata module", len(syntax))
	}
	// A call through a closed library's interface resolves to the
	// package's own implementation in the syntax summary too.
	const sink = "k8s.io/client-go/kubernetes/typed/core/v1.EventSinkImpl"
	found := false
	for obj, s := range syntax {
		if fn, ok := obj.(*types.Func); ok && strings.Contains(fn.FullName(), sink+").Create") {
			found = strings.Contains(s, "runs (*events).CreateWithEventNamespace, its only implementation")
		}
	}
	if !found {
		t.Errorf("(*%s).Create: no syntax summary through its package's *events", sink)
	}
}
