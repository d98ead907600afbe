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

// The rules find the mistakes in code using a library that declares its
// roles with directives in its own source: the rows reach the users'
// packages as facts, with no configuration.
func TestDirectiveLoop(t *testing.T) {
	dir := testmodule.Dir(t)
	analysistest.Run(t, dir, loopblock.Analyzer, "./directives/blocking")
	analysistest.Run(t, dir, selfsubmit.Analyzer, "./directives/self")
	analysistest.Run(t, dir, unwrapped.Analyzer, "./directives/unwrap")
}
