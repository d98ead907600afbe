package analyzer_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// versionsDir is the nested module of programs using the other paths and
// versions of the presets' libraries: Bubble Tea v2 (charm.land), the
// derailed/tview fork, and tview from before QueueUpdate waited.
func versionsDir(t *testing.T) string {
	return filepath.Join(presetsDir(t), "versions")
}

// TestPresetOtherPaths runs the suite over programs on Bubble Tea v2 and
// derailed/tview: the presets find the same mistakes there, in the same
// words, and nothing else.
func TestPresetOtherPaths(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	pkgs, found := testmodule.AnalyzeIn(t, versionsDir(t), analyzer.Analyzers(), "./bubbletea2", "./derailed")
	if n := checkWants(t, pkgs, found); n < 7 {
		t.Errorf("only %d want lines", n)
	}
	// offloop's findings are errors, deadlock or not.
	checkSeverity(t, pkgs, slices.DeleteFunc(found, func(f testmodule.Finding) bool { return f.Analyzer == "offloop" }))
}

// TestPresetTviewVersions runs the suite over the same code built against
// two versions of tview: where QueueUpdate waits (v0.42.0), queueing from
// a handler is a deadlock; before it did, it is a needless submit.
func TestPresetTviewVersions(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	wantRE := regexp.MustCompile(`(?m)^package .*$| // want .*$`)
	read := func(name string) string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		return wantRE.ReplaceAllString(s[regexp.MustCompile(`(?m)^import`).FindStringIndex(s)[0]:], "")
	}
	if read(filepath.Join(presetsDir(t), "tview", "queue.go")) != read(filepath.Join(versionsDir(t), "tview2020", "queue.go")) {
		t.Fatal("tview/queue.go and versions/tview2020/queue.go differ in more than their want comments")
	}
	pkgs, found := testmodule.AnalyzeIn(t, versionsDir(t), analyzer.Analyzers(), "./tview2020")
	if n := checkWants(t, pkgs, found); n != 1 {
		t.Errorf("%d want lines in tview2020, want 1", n)
	}
	checkSeverity(t, pkgs, found)
	// tview v0.42.0's side of the split is checked with the tview
	// preset's other specs (TestPresetTview).
}

// TestPresetAttached runs the suite over code using a team's own copy of
// Bubble Tea's API, which testdata/presets/versions/.futurelint.json
// attaches the bubbletea preset to: its mistakes are found in the preset's
// words, and the copy's own code is described by the rows, not analysed.
func TestPresetAttached(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	pkgs, found := testmodule.AnalyzeIn(t, versionsDir(t), analyzer.Analyzers(), "./teafork", "./teaforkapp")
	if n := checkWants(t, pkgs, found); n != 2 {
		t.Errorf("%d want lines, want 2", n)
	}
	checkSeverity(t, pkgs, found)
}

// TestPresetOldPath runs the protoactor preset's spec over the same code
// on protoactor-go's old path, github.com/AsynkronIT/protoactor-go, which
// the module proxy no longer serves: a module at that path is made of the
// current module's source (testmodule.OldPath). The same mistakes are
// found, in the same words.
func TestPresetOldPath(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	files := map[string]string{}
	for _, name := range []string{"cache.go", "grain.go"} {
		data, err := os.ReadFile(filepath.Join(presetsDir(t), "protoactor", name))
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Join("protoactor", name)] = string(data)
	}
	dir := testmodule.OldPath(t, presetsDir(t), "github.com/asynkron/protoactor-go", "github.com/AsynkronIT/protoactor-go", files)
	pkgs, found := testmodule.AnalyzeIn(t, dir, analyzer.Analyzers(), "./protoactor")
	if n := checkWants(t, pkgs, found); n < 8 {
		t.Errorf("only %d want lines", n)
	}
}

// TestPresetNewOffLoop runs the suite over code that uses a loop's state
// away from its loop: an actor.Context from a goroutine its handler starts
// or from an event stream handler (run on the publisher's goroutine), and
// tview widgets changed from goroutines. What races is found; what reads
// only fixed state (ctx.Self, ctx.Send), the root context, a TextView's
// locked SetText, Clear and Write, changes in QueueUpdateDraw, widget
// getters, and setting up a widget the goroutine made before it attaches
// it stay quiet.
func TestPresetNewOffLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	for _, tc := range []struct {
		pattern string
		wants   int
	}{{"./protoactor/offloop", 3}, {"./tview/offloop", 17}} {
		pkgs, found := testmodule.AnalyzeIn(t, presetsDir(t), analyzer.Analyzers(), tc.pattern)
		if n := checkWants(t, pkgs, found); n != tc.wants {
			t.Errorf("%s: %d want lines, want %d", tc.pattern, n, tc.wants)
		}
	}
}
