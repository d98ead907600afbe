package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestPartialAnalysis checks a package that does not build hides nothing
// else: its errors come first, each once, a dependency's with the chain of
// imports that pulled it in from a named package; then what was analysed;
// then the findings of every package that builds; exit status 1.
func TestPartialAnalysis(t *testing.T) {
	dir := tmpModule(t, map[string]string{
		".futurelint.json": goodConfig,
		"go.mod":           "module tmp\n\ngo 1.26.0\n\nrequire example.com/other v0.0.0\n\nreplace example.com/other => ./other\n",
		"app/app_test.go":  appTest,
		"broken/broken.go": "package broken\n\nfunc F() int { return \"x\" }\n",
		"uses/uses.go":     "package uses\n\nimport \"tmp/broken\"\n\nfunc G() int { return broken.F() }\n",
		"gui/gui.go":       "package gui\n\nimport \"example.com/other/ui\"\n\nfunc Show() { ui.Show() }\n",
		// A module the user depends on, whose drawing package needs cgo.
		"other/go.mod":   "module example.com/other\n\ngo 1.26.0\n",
		"other/ui/ui.go": "package ui\n\nimport \"example.com/other/gl\"\n\nfunc Show() { gl.Init() }\n",
		"other/gl/gl.go": "//go:build cgo\n\npackage gl\n\nimport \"C\"\n\nfunc Init() {}\n",
	})
	t.Setenv("CGO_ENABLED", "0")
	want := strings.Join([]string{
		"# tmp/broken",
		`broken/broken.go:3:23: cannot use "x" (untyped string constant) as int value in return statement`,
		"package tmp/gui",
		"\timports example.com/other/ui",
		"\timports example.com/other/gl: build constraints exclude all Go files in " + filepath.Join(dir, "other", "gl"),
		"futurelint: analysed 2 of 5 packages; not analysed, for the errors above: tmp/broken, tmp/gui, tmp/uses",
		filepath.Join(dir, "app", "app.go") + ":5:57: loopblock: ",
	}, "\n")
	for range 2 { // the second run takes the findings from the cache
		r := futurelint(t, dir, "./...")
		if r.code != 1 || !strings.HasPrefix(r.stderr, want) || fmt.Sprint(textFindings(t, dir, r.stderr)) != "[app/app.go:5:57: loopblock]" {
			t.Errorf("futurelint ./...: exit status %d, stderr:\n%s\nwant 1, and output starting\n%s", r.code, r.stderr, want)
		}
	}
	j := futurelint(t, dir, "-json", "./...")
	if got := jsonFindings(t, dir, parseJSON(t, j.stdout)); j.code != 1 || len(got) != 1 || got[0].String() != "app/app.go:5:57: loopblock" {
		t.Errorf("futurelint -json ./...: exit status %d, findings %v, want 1 and app/app.go:5:57: loopblock\nstderr:\n%s", j.code, got, j.stderr)
	}
}

// TestBrokenTests checks a package whose tests do not build is still
// analysed without them, and the summary names only its test variant.
func TestBrokenTests(t *testing.T) {
	dir := tmpModule(t, map[string]string{
		".futurelint.json": goodConfig,
		"app/app_test.go":  "package app\n\nvar x int = \"x\"\n",
	})
	r := futurelint(t, dir, "./...")
	const summary = "futurelint: analysed 2 of 2 packages; not analysed, for the errors above: tmp/app [tmp/app.test]\n"
	if r.code != 1 || !strings.Contains(r.stderr, "app/app_test.go:3:13: cannot use") || !strings.Contains(r.stderr, summary) ||
		fmt.Sprint(textFindings(t, dir, r.stderr)) != "[app/app.go:5:57: loopblock]" {
		t.Errorf("futurelint ./...: exit status %d, stderr:\n%s\nwant 1, the test file's error, %q and the finding of app/app.go:5", r.code, r.stderr, summary)
	}
}
