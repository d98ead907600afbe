package analyzer_test

import (
	"fmt"
	"go/ast"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// analyzeSuite runs every rule of the suite together on the rules' testdata,
// testdata/<rule>/ of every rule of analyzer.Rules.
func analyzeSuite(t *testing.T) []testmodule.Finding {
	t.Helper()
	var patterns []string
	for _, r := range analyzer.Rules {
		patterns = append(patterns, "./"+r.Analyzer.Name+"/...")
	}
	_, found := testmodule.Analyze(t, analyzer.Analyzers(), patterns...)
	if len(found) < 100 {
		t.Fatalf("only %d findings in the rules' testdata", len(found))
	}
	return found
}

// where is a finding's place, relative to testdata/: "loopblock/a/kinds.go:12".
func where(d testmodule.Finding, column bool) string {
	p := d.Package.Fset.Position(d.Pos)
	_, rel, _ := strings.Cut(filepath.ToSlash(p.Filename), "/testdata/")
	if column {
		return fmt.Sprintf("%s:%d:%d: %s", rel, p.Line, p.Column, d.Analyzer)
	}
	return fmt.Sprintf("%s:%d", rel, p.Line)
}

// TestCallFindingSpans checks that every rule reports a finding on a call
// the same way: from a name in the called expression (Result in
// f.Result()) to the end of the call, never at the call's parenthesis.
func TestCallFindingSpans(t *testing.T) {
	calls := 0
	for _, d := range analyzeSuite(t) {
		var file *ast.File
		for _, f := range d.Package.Syntax {
			if f.FileStart <= d.Pos && d.Pos <= f.FileEnd {
				file = f
			}
		}
		if file == nil {
			t.Fatalf("%s: not in a file of its package", where(d, true))
		}
		// The innermost call whose called expression holds a name
		// starting at the finding.
		var at *ast.CallExpr
		named := false
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if n.Lparen == d.Pos {
					t.Errorf("%s: at the opening parenthesis of a call", where(d, true))
				}
				if n.Fun.Pos() <= d.Pos && d.Pos < n.Fun.End() {
					at = n
				}
			case *ast.Ident:
				named = named || n.Pos() == d.Pos
			}
			return true
		})
		if at == nil || !named {
			continue
		}
		calls++
		if d.End != at.End() {
			t.Errorf("%s: a finding on a call ends at %s, not at the end of the call", where(d, true), d.Package.Fset.Position(d.End))
		}
	}
	if calls < 50 {
		t.Errorf("only %d findings on calls", calls)
	}
}

// TestOneRulePerLine checks that no line of the rules' testdata is
// reported by two rules: each finding belongs to the most specific rule.
func TestOneRulePerLine(t *testing.T) {
	byLine := map[string][]string{}
	for _, d := range analyzeSuite(t) {
		byLine[where(d, false)] = append(byLine[where(d, false)], d.Analyzer)
	}
	for _, key := range slices.Sorted(maps.Keys(byLine)) {
		rules := byLine[key]
		slices.Sort(rules)
		if rules = slices.Compact(rules); len(rules) > 1 {
			t.Errorf("%s: reported by %s", key, strings.Join(rules, " and "))
		}
	}
}
