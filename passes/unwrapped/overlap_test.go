package unwrapped_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/unwrapped"
)

// TestNoDoubleReports runs loopblock and unwrapped together on one package
// and checks that every finding comes from exactly the rule its line names
// ("// reported by <rule>"), and that no line is reported by both.
func TestNoDoubleReports(t *testing.T) {
	pkgs := testmodule.Load(t, "./unwrapped/both")
	graph, err := checker.Analyze([]*analysis.Analyzer{loopblock.Analyzer, unwrapped.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}

	got := map[string][]string{} // file:line -> rules reporting there
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
			got[key] = append(got[key], act.Analyzer.Name)
		}
	}

	want := map[string]string{} // file:line -> the rule that must report it
	pkg := pkgs[0]
	for _, f := range pkg.Syntax {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if rule, ok := strings.CutPrefix(c.Text, "// reported by "); ok {
					p := pkg.Fset.Position(c.Slash)
					want[fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)] = rule
				}
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no expectations in testdata")
	}
	for key, rules := range got {
		if len(rules) > 1 {
			t.Errorf("%s: reported %d times, by %v", key, len(rules), rules)
		}
		if want[key] == "" {
			t.Errorf("%s: unexpected report by %v", key, rules)
		}
	}
	for key, rule := range want {
		if rules := got[key]; len(rules) == 0 || rules[0] != rule {
			t.Errorf("%s: want one report by %s, got %v", key, rule, rules)
		}
	}
}
