package offloop_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/offloop"
)

func TestSpec(t *testing.T) {
	analysistest.Run(t, testmodule.Dir(t), offloop.Analyzer, "./offloop/a")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), offloop.Analyzer, "./offloop/fixes")
}

// TestFixedCompiles type-checks the fixes package with the golden file in
// place of the original: the suggested fixes must compile.
func TestFixedCompiles(t *testing.T) {
	dir := filepath.Join(testmodule.Dir(t), "offloop", "fixes")
	golden, err := os.ReadFile(filepath.Join(dir, "fixes.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     testmodule.Dir(t),
		Overlay: map[string][]byte{filepath.Join(dir, "fixes.go"): golden},
	}
	pkgs, err := packages.Load(cfg, "./offloop/fixes")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the fixed package does not compile")
	}
}
