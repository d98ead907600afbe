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
