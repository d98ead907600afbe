package selfsubmit_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/selfsubmit"
)

func TestSpec(t *testing.T) {
	analysistest.Run(t, testmodule.Dir(t), selfsubmit.Analyzer, "./selfsubmit/a", "./selfsubmit/sched")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testmodule.Dir(t), selfsubmit.Analyzer, "./selfsubmit/fixes")
}
