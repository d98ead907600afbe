package loopblock_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
)

func TestSpec(t *testing.T) {
	analysistest.Run(t, testmodule.Dir(t), loopblock.Analyzer, "./loopblock/a", "./loopblock/lib", "./loopblock/sched", "./loopblock/svc")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), loopblock.Analyzer, "./loopblock/fixes")
}

// TestClientGo checks calls of the Kubernetes API through client-go's
// clientset, on the real module.
func TestClientGo(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks client-go and the Kubernetes API types from source")
	}
	analysistest.Run(t, testmodule.Dir(t), loopblock.Analyzer, "./clientgo/...")
}
