package inferred_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/selfsubmit"
)

func TestSelfSubmit(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, selfsubmit.Analyzer, "./inferred/evloop")
}

func TestLoopBlock(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./inferred/evloop")
}
