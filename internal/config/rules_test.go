package config_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/selfsubmit"
	"github.com/futurelint/futurelint/passes/unwrapped"
)

// The rules find the mistakes in code using a loop that only
// testdata/config/.futurelint.json describes.
func TestConfigLoop(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./config/blocking")
	analysistest.Run(t, dir, selfsubmit.Analyzer, "./config/self")
	analysistest.Run(t, dir, unwrapped.Analyzer, "./config/unwrap")
}
