package roles_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/semver"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/roles"
)

// TestLacks checks that the rows a module is said to lack are indeed
// missing from its source: a fork's Lacks never hides a row it has.
func TestLacks(t *testing.T) {
	for _, ref := range roles.Modules() {
		if len(ref.Module.Lacks)+len(ref.Module.Differs) == 0 {
			continue
		}
		pkg := ref.Module.Path // the lacking rows are of the module's root package
		pkgs := load(t, moduleDir(t, pkg), nil, []string{pkg})
		for _, lack := range ref.Module.Lacks {
			recv, name, ok := strings.Cut(lack, ".")
			if !ok {
				recv, name = "", lack
			}
			if fn, _ := find(pkgs[pkg], recv, name); fn != nil {
				t.Errorf("%s: %s is said to be lacking, but %s has it", ref.Library.Name, lack, pkg)
			}
		}
		for _, d := range ref.Module.Differs {
			recv, name, _ := strings.Cut(d, ".")
			if fn, _ := find(pkgs[pkg], recv, name); fn == nil {
				t.Errorf("%s: %s is said to differ, but %s has no such function", ref.Library.Name, d, pkg)
			}
		}
	}
}

// TestModules checks what each preset module says: a version the rows
// were checked at (but for an old path the proxy no longer serves), and
// the other paths name the module whose rows they share.
func TestModules(t *testing.T) {
	paths := map[string]bool{}
	for _, ref := range roles.Modules() {
		m := ref.Module
		if paths[m.Path] {
			t.Errorf("module %s listed twice", m.Path)
		}
		paths[m.Path] = true
		if m.Of != "" && m.Kind == "" {
			t.Errorf("%s: %s shares %s's rows but says not why (major version, old path, fork)", ref.Library.Name, m.Path, m.Of)
		}
		if m.Checked == "" && m.Kind != "old path" && !roles.IsStd(m.Path) {
			t.Errorf("%s: %s names no version it was checked at", ref.Library.Name, m.Path)
		}
	}
	for _, ref := range roles.Modules() {
		if of := ref.Module.Of; of != "" && !paths[of] {
			t.Errorf("%s: %s shares the rows of %s, no module of a preset", ref.Library.Name, ref.Module.Path, of)
		}
	}
}

// TestOlderRowsExist checks the rows that held before a version against
// the module at an earlier version: testdata/presets/versions requires it.
func TestOlderRowsExist(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "presets", "versions")
	for _, lib := range roles.Presets() {
		for _, o := range lib.Older {
			cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedModule, Dir: dir}
			list, err := packages.Load(cfg, o.Module)
			if err != nil || len(list) != 1 || list[0].Module == nil || list[0].Types == nil {
				t.Fatalf("load %s in %s: %v", o.Module, dir, err)
			}
			if v := list[0].Module.Version; semver.Compare(v, o.Before) >= 0 {
				t.Fatalf("%s: %s is at %s, not before %s", lib.Name, dir, v, o.Before)
			}
			for _, row := range o.Funcs {
				fn, _ := find(list[0].Types, row.Recv, row.Name)
				if fn == nil {
					t.Errorf("%s: %s.%s does not exist before %s", lib.Name, row.Recv, row.Name, o.Before)
					continue
				}
				checkIndices(t, fn, row)
			}
		}
	}
}

// TestUncovered checks which modules get a note: a look-alike of a
// preset's library (another major version, a fork), or a version older
// than the rows hold for; not a covered path and version, nor an unrelated
// module, nor the standard library's look-alikes.
func TestUncovered(t *testing.T) {
	for _, tc := range []struct {
		mod, version, closest string // closest "" for no note
	}{
		{"github.com/panjf2000/gnet", "v1.6.7", "github.com/panjf2000/gnet/v2"},
		{"github.com/someone/tview", "v1.0.0", "github.com/rivo/tview"},
		{"github.com/charmbracelet/bubbletea/v2", "v2.0.0-beta.1", "github.com/charmbracelet/bubbletea"},
		{"charm.land/bubbletea/v2", "v2.0.0-rc.2", "charm.land/bubbletea/v2"},
		{"github.com/rivo/tview", "v0.0.0-20191018125527-685bf6da76c2", "github.com/rivo/tview"},
		{"fyne.io/fyne", "v1.4.3", "fyne.io/fyne/v2"},
		{"github.com/example/protoactor", "v0.1.0", "github.com/asynkron/protoactor-go"},
		{"charm.land/bubbletea/v2", "v2.0.1", ""},
		{"github.com/rivo/tview", "v0.42.0", ""},
		{"github.com/derailed/tview", "v0.8.5", ""},
		{"github.com/AsynkronIT/protoactor-go", "v0.0.0-20220214190420-ab6bd0a7f1a4", ""},
		{"github.com/example/js", "v1.0.0", ""},
		{"github.com/gdamore/tcell/v2", "v2.8.1", ""},
	} {
		ref, uncovered := roles.Uncovered(tc.mod, tc.version)
		switch {
		case tc.closest == "" && uncovered:
			t.Errorf("Uncovered(%s, %s): a note naming %s, want none", tc.mod, tc.version, ref.Module.Path)
		case tc.closest != "" && (!uncovered || ref.Module.Path != tc.closest):
			t.Errorf("Uncovered(%s, %s) = %s, %v; want a note naming %s", tc.mod, tc.version, ref.Module.Path, uncovered, tc.closest)
		}
	}
}

// TestAttach checks the rows a path gets attached: the preset module's,
// rebased onto the path, and at an older version the rows of that version.
func TestAttach(t *testing.T) {
	const at = "example.com/forks/tview"
	lib, err := roles.Attach(at, roles.TviewPkg)
	if err != nil {
		t.Fatal(err)
	}
	table := roles.Default().With(lib)
	if table.Library(at) == nil || !table.LoopRuntime(at) {
		t.Errorf("%s is not described once attached", at)
	}
	queue := func(lib *roles.Library) *roles.Func {
		for i := range lib.Funcs {
			if f := &lib.Funcs[i]; f.Recv == "Application" && f.Name == "QueueUpdate" {
				return f
			}
		}
		return nil
	}
	if q := queue(lib); q == nil || q.Pkg != at || !q.Awaited {
		t.Errorf("attached QueueUpdate = %+v, want one of %s that waits", q, at)
	}
	old, err := roles.Attach(at, roles.TviewPkg+"@v0.0.0-20200219135020-0ba8301b415c")
	if err != nil {
		t.Fatal(err)
	}
	if got := roles.Build(old).Funcs; len(got) == 0 {
		t.Fatal("no rows at the older version")
	}
	var last *roles.Func
	for i := range old.Funcs {
		if f := &old.Funcs[i]; f.Recv == "Application" && f.Name == "QueueUpdate" {
			last = f // the older row comes after the current one, and wins
		}
	}
	if last == nil || last.Awaited || last.Pkg != at {
		t.Errorf("QueueUpdate at the older version = %+v, want one of %s that does not wait", last, at)
	}
	if _, err := roles.Attach(at, "github.com/rivo/tviewx"); err == nil {
		t.Error("attaching an unknown module: no error")
	}
}
