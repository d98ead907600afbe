package engine_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestOverlaps checks the Overlaps table on testdata/overlap, where each
// site's comment "overlap: <reports> over <quiet>" names a row: the whole
// suite reports the site once, by the row's Reports rule; the Quiet rule
// sees the site (Quieted gives it back); and every row has a site.
func TestOverlaps(t *testing.T) {
	type row struct{ reports, quiet string }
	var probes []*analysis.Analyzer
	var mu sync.Mutex            // the probes run in parallel
	quieted := map[string]bool{} // "quiet file.go:12"
	for _, o := range engine.Overlaps {
		if slices.ContainsFunc(probes, func(a *analysis.Analyzer) bool { return a.Name == o.Quiet }) {
			continue
		}
		// A probe named as the quiet rule, with what that rule requires,
		// records the sites Quieted takes from it.
		rule := ruleNamed(t, o.Quiet)
		probes = append(probes, &analysis.Analyzer{
			Name:     o.Quiet,
			Doc:      "records the sites the overlap table takes from " + o.Quiet,
			Requires: rule.Requires,
			Run: func(pass *analysis.Pass) (any, error) {
				res := pass.ResultOf[engine.Analyzer].(*engine.Result)
				if res.SSA == nil {
					return nil, nil
				}
				mu.Lock()
				defer mu.Unlock()
				for pos := range engine.Quieted(pass, res) {
					quieted[pass.Analyzer.Name+" "+where(pass.Fset, pos)] = true
				}
				return nil, nil
			},
		})
	}
	pkgs, _ := testmodule.Analyze(t, probes, "./overlap")
	_, found := testmodule.Analyze(t, analyzer.Analyzers(), "./overlap")
	byLine := map[string][]string{}
	for _, f := range found {
		key := where(f.Package.Fset, f.Pos)
		byLine[key] = append(byLine[key], f.Analyzer)
	}

	covered := map[row]bool{}
	for _, pkg := range pkgs {
		for _, file := range pkg.Syntax {
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					spec, ok := strings.CutPrefix(c.Text, "// overlap: ")
					if !ok {
						continue
					}
					reports, quiet, ok := strings.Cut(spec, " over ")
					if !ok {
						t.Fatalf("%s: malformed %q", pkg.Fset.Position(c.Slash), c.Text)
					}
					key := where(pkg.Fset, c.Slash)
					covered[row{reports, quiet}] = true
					if got := byLine[key]; !slices.Equal(got, []string{reports}) {
						t.Errorf("%s: reported by %v, want %s alone", key, got, reports)
					}
					if !quieted[quiet+" "+key] {
						t.Errorf("%s: %s does not see the site the table gives to %s", key, quiet, reports)
					}
				}
			}
		}
	}
	for _, o := range engine.Overlaps {
		if !covered[row{o.Reports, o.Quiet}] {
			t.Errorf("no site in testdata/overlap for the row %s over %s (%s)", o.Reports, o.Quiet, o.Site)
		}
	}
}

func ruleNamed(t *testing.T, name string) *analysis.Analyzer {
	for _, a := range analyzer.Analyzers() {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no rule %s in the suite", name)
	return nil
}

func where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
