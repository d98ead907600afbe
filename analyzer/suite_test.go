package analyzer_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// diagnostic is one finding of the suite, with the file it is in.
type diagnostic struct {
	rule     string
	pos, end token.Pos
	fset     *token.FileSet
	file     *ast.File
}

func (d diagnostic) String() string {
	p := d.fset.Position(d.pos)
	return fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.Filename), p.Line, p.Column, d.rule)
}

// analyzeSuite runs every rule of the suite on the rules' testdata.
func analyzeSuite(t *testing.T) []diagnostic {
	t.Helper()
	pkgs := testmodule.Load(t, "./loopblock/...", "./selfsubmit/...", "./unwrapped/...")
	graph, err := checker.Analyze(analyzer.Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []diagnostic
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			out = append(out, diagnostic{act.Analyzer.Name, d.Pos, d.End, act.Package.Fset, fileOf(act.Package, d.Pos)})
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d findings in the rules' testdata", len(out))
	}
	return out
}

func fileOf(pkg *packages.Package, pos token.Pos) *ast.File {
	for _, f := range pkg.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// calledName is where a call's called name starts: Sel of a selector, the
// function of an instantiation, the expression itself otherwise.
func calledName(call *ast.CallExpr) token.Pos {
	fun := ast.Unparen(call.Fun)
	switch ix := fun.(type) {
	case *ast.IndexExpr:
		fun = ast.Unparen(ix.X)
	case *ast.IndexListExpr:
		fun = ast.Unparen(ix.X)
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		return sel.Sel.Pos()
	}
	return fun.Pos()
}

// TestCallFindingSpans checks that every rule reports a finding on a call
// the same way: from the called name to the end of the call, never at the
// call's parenthesis.
func TestCallFindingSpans(t *testing.T) {
	calls := 0
	for _, d := range analyzeSuite(t) {
		if d.file == nil {
			t.Fatalf("%s: not in a file of its package", d)
		}
		var at *ast.CallExpr
		ast.Inspect(d.file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if ok && call.Lparen == d.pos {
				t.Errorf("%s: at the opening parenthesis of a call", d)
			}
			if ok && calledName(call) == d.pos && at == nil {
				at = call
			}
			return true
		})
		if at == nil {
			continue
		}
		calls++
		if d.end != at.End() {
			t.Errorf("%s: a finding on a call ends at %s, not at the end of the call", d, d.fset.Position(d.end))
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
		p := d.fset.Position(d.pos)
		_, rel, _ := strings.Cut(filepath.ToSlash(p.Filename), "/testdata/")
		key := fmt.Sprintf("%s:%d", rel, p.Line)
		byLine[key] = append(byLine[key], d.rule)
	}
	for _, key := range slices.Sorted(maps.Keys(byLine)) {
		rules := byLine[key]
		slices.Sort(rules)
		if rules = slices.Compact(rules); len(rules) > 1 {
			t.Errorf("%s: reported by %s", key, strings.Join(rules, " and "))
		}
	}
}
