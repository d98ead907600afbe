package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/selfsubmit"
)

// The UI and browser presets over testdata/presets, whose programs use the
// real libraries at the pinned versions: every `// want` there is found,
// in the library's words, and nothing else (the correct patterns beside
// them stay quiet); a finding is an error exactly when it says deadlock.

func TestPresetTview(t *testing.T) { checkPreset(t, "./tview") }

func TestPresetBubbleTea(t *testing.T) { checkPreset(t, "./bubbletea") }

// TestPresetFyne analyses the packages that type-check without cgo: Fyne's
// widget, container, dialog and data/binding do; its app package does not.
func TestPresetFyne(t *testing.T) {
	t.Setenv("CGO_ENABLED", "0")
	checkPreset(t, "./fyne")
}

// TestPresetWasm type-checks the syscall/js program for js/wasm.
func TestPresetWasm(t *testing.T) {
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	checkPreset(t, "./wasm")
}

func checkPreset(t *testing.T, pattern string) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	pkgs, found := testmodule.AnalyzeIn(t, presetsDir(t), analyzer.Analyzers(), pattern)
	if n := checkWants(t, pkgs, found); n < 3 {
		t.Errorf("only %d want lines in %s", n, pattern)
	}
	checkSeverity(t, pkgs, found)
}

// checkSeverity checks that a finding is an error exactly when its message
// says the code deadlocks.
func checkSeverity(t *testing.T, _ []*packages.Package, found []testmodule.Finding) {
	t.Helper()
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

// TestPresetFixes checks the UI presets' mechanical fixes against their
// golden file: a submit that waits for its callback, made from a handler,
// runs the callback's body in place, where that compiles and means the
// same.
func TestPresetFixes(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	t.Setenv("CGO_ENABLED", "0")
	analysistest.RunWithSuggestedFixes(t, presetsDir(t), selfsubmit.Analyzer, "./fixes")
}
