package selfsubmit_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/futurelint/futurelint/passes/selfsubmit"
)

// testdata is the repository's analysistest module.
func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSpec(t *testing.T) {
	analysistest.Run(t, testdata(t), selfsubmit.Analyzer, "./selfsubmit/a", "./selfsubmit/sched")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), selfsubmit.Analyzer, "./selfsubmit/fixes")
}
