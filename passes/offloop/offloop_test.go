package offloop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

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
	testmodule.FixedCompiles(t, "./offloop/fixes", "offloop/fixes/fixes.go")
}
