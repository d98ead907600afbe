package lockawait_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/lockawait"
)

func TestSpec(t *testing.T) {
	analysistest.Run(t, testmodule.Dir(t), lockawait.Analyzer, "./lockawait/a", "./lockawait/b")
}
