package main

import (
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/ruledoc"
)

// TestDiagnosticsLinkToTheirRule checks every diagnostic on testdata/app
// carries, as its URL, its rule's section of docs/rules.md.
func TestDiagnosticsLinkToTheirRule(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: testdata}
	pkgs, err := packages.Load(cfg, "./app")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata/app does not load")
	}
	graph, err := checker.Analyze(analyzer.Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			n++
			if want := ruledoc.BaseURL + "#" + act.Analyzer.Name; d.URL != want {
				t.Errorf("%s at %v: URL %q, want %q", act.Analyzer.Name, act.Package.Fset.Position(d.Pos), d.URL, want)
			}
		}
	}
	if n == 0 {
		t.Error("no diagnostics on testdata/app")
	}
}
