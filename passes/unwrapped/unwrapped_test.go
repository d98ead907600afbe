package unwrapped_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/unwrapped"
)

func TestSpec(t *testing.T) {
	analysistest.Run(t, testmodule.Dir(t), unwrapped.Analyzer, "./unwrapped/a", "./unwrapped/lib")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), unwrapped.Analyzer, "./unwrapped/fixes")
}

// TestFixedCompiles type-checks the fixes package with the golden file in
// place of the original: the suggested fixes must compile.
func TestFixedCompiles(t *testing.T) {
	dir := filepath.Join(testmodule.Dir(t), "unwrapped", "fixes")
	golden, err := os.ReadFile(filepath.Join(dir, "fixes.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     testmodule.Dir(t),
		Overlay: map[string][]byte{filepath.Join(dir, "fixes.go"): golden},
	}
	pkgs, err := packages.Load(cfg, "./unwrapped/fixes")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the fixed package does not compile")
	}
}
