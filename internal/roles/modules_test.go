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
		if len(ref.Module.Lacks) == 0 {
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
