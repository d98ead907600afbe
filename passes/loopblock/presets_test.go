package loopblock_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
)

// TestPresetFixes checks the fixes a preset offers against its golden
// files, on the real library: goja_nodejs's loop.Stop() in a loop callback
// becomes loop.StopNoWait(); its other findings have no mechanical fix.
func TestPresetFixes(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	analysistest.RunWithSuggestedFixes(t, filepath.Join(testmodule.Dir(t), "presets"), loopblock.Analyzer, "./gojaloop")
}
