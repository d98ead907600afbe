package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
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

// TestQuietOnPresetLibraries runs futurelint, every rule and every preset,
// over the whole module of preset libraries at the versions testdata/presets
// pins: their demos, tests and internals are real code around those loops,
// and futurelint must report nothing there (the libraries' own packages are
// described by their rows). protoactor-go (hundreds of cluster
// dependencies) and Fyne (cgo drivers) are measured by hand: docs/presets.md.
func TestQuietOnPresetLibraries(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: type-checks the preset libraries' modules")
	}
	presets := filepath.Join("..", "..", "testdata", "presets")
	// The copies resolve their own dependencies through the module proxy.
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("FUTURELINT_CACHE", t.TempDir())
	for _, mod := range []string{
		"github.com/panjf2000/gnet/v2",
		"github.com/dop251/goja_nodejs",
		"github.com/rivo/tview",
		"github.com/charmbracelet/bubbletea",
	} {
		t.Run(path.Base(strings.TrimSuffix(mod, "/v2")), func(t *testing.T) {
			// go mod download, not go list -m: on an empty module cache
			// only the former fetches the module and says where it is.
			where := run(t, presets, "go", "mod", "download", "-json", mod)
			var m struct{ Dir string }
			if where.code != 0 || json.Unmarshal([]byte(where.stdout), &m) != nil || m.Dir == "" {
				t.Fatalf("go mod download %s: %s%s", mod, where.stdout, where.stderr)
			}
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(m.Dir)); err != nil {
				t.Fatal(err)
			}
			if err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil {
					err = os.Chmod(p, 0o755)
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			r := futurelint(t, dir, "./...")
			if r.code != 0 || r.stdout != "" || r.stderr != "" {
				t.Errorf("futurelint ./... in %s: exit status %d, output:\n%s%s\nwant status 0 and no output", mod, r.code, r.stdout, r.stderr)
			}
		})
	}
}
