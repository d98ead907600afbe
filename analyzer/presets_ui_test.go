package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// The UI and browser presets over testdata/presets, whose programs use the
// real libraries at the pinned versions: every `// want` there is found,
// in the library's words, and nothing else (the correct patterns beside
// them stay quiet).

func TestPresetTview(t *testing.T) {
	pkgs, found := testmodule.AnalyzePresets(t, nil, analyzer.Analyzers(), "./tview")
	check(t, pkgs, found)
}

func TestPresetFyne(t *testing.T) {
	pkgs, found := testmodule.AnalyzePresets(t, nil, analyzer.Analyzers(), "./fyne")
	check(t, pkgs, found)
}

func TestPresetBubbleTea(t *testing.T) {
	pkgs, found := testmodule.AnalyzePresets(t, nil, analyzer.Analyzers(), "./bubbletea")
	check(t, pkgs, found)
}

// TestPresetWasm type-checks the syscall/js package for js/wasm.
func TestPresetWasm(t *testing.T) {
	pkgs, found := testmodule.AnalyzePresets(t, []string{"GOOS=js", "GOARCH=wasm"}, analyzer.Analyzers(), "./wasm")
	check(t, pkgs, found)
}

// check checks the findings against the wants, and their severities: an
// error exactly when the message says the code deadlocks.
func check(t *testing.T, pkgs []*packages.Package, found []testmodule.Finding) {
	t.Helper()
	for _, f := range testmodule.CheckWants(t, pkgs, found) {
		t.Log(f)
	}
	for _, f := range found {
		want := "warning"
		if strings.Contains(f.Message, "deadlock") {
			want = "error"
		}
		if f.Category != want {
			t.Errorf("%s: %s, want %s: %s", f.Package.Fset.Position(f.Pos), f.Category, want, f.Message)
		}
	}
}
