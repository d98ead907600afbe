package main

import (
	"path/filepath"
	"testing"
)

// TestQuietWithoutFutures runs futurelint over the standard library and
// golang.org/x/tools, large bodies of code that never use futures: there
// must be no finding, no error and no panic.
func TestQuietWithoutFutures(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: lints std and golang.org/x/tools; the full test run (and CI) includes it")
	}
	for _, tc := range []struct {
		dir  string
		args []string
	}{
		{testdata, []string{"-test=false", "std"}},
		{filepath.Join(testdata, "xtools"), []string{"golang.org/x/tools/..."}},
	} {
		r := futurelint(t, tc.dir, tc.args...)
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("futurelint %v: exit status %d, output:\n%s%s\nwant status 0 and no output", tc.args, r.code, r.stdout, r.stderr)
		}
	}
}
