package driver

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestInModuleCache checks which packages a run key takes by their
// module's version rather than their files: only those of a required
// version, in the directory the go command extracted it to.
func TestInModuleCache(t *testing.T) {
	cached := "/mod/example.com/lib@v1.2.0"
	for _, tc := range []struct {
		what  string
		mod   *packages.Module
		files []string
		want  bool
	}{
		{"a required version", &packages.Module{Path: "example.com/lib", Version: "v1.2.0", Dir: cached}, []string{cached + "/a.go"}, true},
		{"the main module", &packages.Module{Path: "example.com/lib", Main: true, Dir: "/src/lib"}, []string{"/src/lib/a.go"}, false},
		{"no module", nil, []string{"/src/lib/a.go"}, false},
		{"replaced by a directory", &packages.Module{Path: "example.com/lib", Version: "v1.2.0", Dir: "/src/lib", Replace: &packages.Module{Path: "../lib", Dir: "/src/lib"}}, []string{"/src/lib/a.go"}, false},
		{"replaced by a version", &packages.Module{Path: "example.com/lib", Version: "v1.2.0", Replace: &packages.Module{Path: "example.com/lib", Version: "v1.2.0", Dir: cached}}, []string{cached + "/a.go"}, true},
		{"files elsewhere (vendored)", &packages.Module{Path: "example.com/lib", Version: "v1.2.0", Dir: cached}, []string{"/src/app/vendor/example.com/lib/a.go"}, false},
	} {
		p := &packages.Package{Module: tc.mod, GoFiles: tc.files}
		if got := inModuleCache(p); got != tc.want {
			t.Errorf("%s: in the module cache %v, want %v", tc.what, got, tc.want)
		}
	}
}

// TestToolchain checks a run key names the toolchain of the std packages
// only when it is a release: a development GOROOT may change under the
// same version.
func TestToolchain(t *testing.T) {
	goroot := t.TempDir()
	std := &node{std: true, pkg: &packages.Package{PkgPath: "fmt", Dir: filepath.Join(goroot, "src", "fmt")}}
	for _, tc := range []struct {
		version string
		ok      bool
	}{
		{"go1.26.8\ntime 2026-08-28T16:20:06Z\n", true},
		{"devel go1.27-abcdef Mon Dec 7 2026\n", false},
	} {
		if err := os.WriteFile(filepath.Join(goroot, "VERSION"), []byte(tc.version), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := toolchain([]*node{std}); ok != tc.ok {
			t.Errorf("VERSION %q: a release %v, want %v", tc.version, ok, tc.ok)
		}
	}
	if _, ok := toolchain(nil); ok {
		t.Error("no std package: a release, want none known")
	}
}

// TestRunKey checks the key of a run, made from the graph alone, is the
// one the run that loads export data stores its findings under, and that
// it changes with everything the findings depend on, whatever the
// modification times of the files say.
func TestRunKey(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	version, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	testmodule.WriteFiles(t, dir, map[string]string{
		"go.mod":      "module example.com/k\n\ngo 1.26.0\n\nrequire golang.org/x/tools " + strings.TrimSpace(string(version)) + "\n",
		"go.sum":      string(sum),
		"a/a.go":      "package a\n\n// A is one.\nfunc A() int { return 1 }\n",
		"b/b.go":      "package b\n\nimport (\n\t\"example.com/k/a\"\n\t\"golang.org/x/tools/go/ast/astutil\"\n)\n\nvar _, _ = a.A, astutil.Unparen\n",
		"b/b_test.go": "package b\n\nimport \"testing\"\n\nfunc TestB(t *testing.T) {}\n",
	})
	opts := Options{Dir: dir, Patterns: []string{"./b"}, Tests: true, Salt: "test", DirKey: config.Fingerprint}
	key := func(what string) keyHash {
		t.Helper()
		quick, err := packages.Load(&packages.Config{Mode: quickMode, Dir: dir, Env: opts.Env, Tests: opts.Tests}, opts.Patterns...)
		if err != nil {
			t.Fatal(err)
		}
		q, ok := opts.runKey(graph(quick), newFileHashes().digest)
		if !ok {
			t.Fatalf("%s: no key from the graph alone", what)
		}
		full, err := packages.Load(&packages.Config{Mode: graphMode, Dir: dir, Env: opts.Env, Tests: opts.Tests}, opts.Patterns...)
		if err != nil {
			t.Fatal(err)
		}
		order := graph(full)
		if err := readFiles(order); err != nil {
			t.Fatal(err)
		}
		f, ok := opts.runKey(order, filesRead)
		if !ok || f != q {
			t.Fatalf("%s: the key with export data is %x (%v), want the one from the graph alone %x", what, f, ok, q)
		}
		return q
	}
	seen := map[keyHash]string{}
	differs := func(what string) {
		t.Helper()
		k := key(what)
		if prev, ok := seen[k]; ok {
			t.Errorf("%s: the same key as %s", what, prev)
		}
		seen[k] = what
	}
	differs("first")
	if k := key("again"); seen[k] != "first" {
		t.Error("nothing changed, yet another key")
	}
	// An edit that keeps the size and the modification time.
	a := filepath.Join(dir, "a", "a.go")
	fi, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(a, []byte("package a\n\n// A is two.\nfunc A() int { return 2 }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(a, fi.ModTime(), fi.ModTime())
	differs("an edit of a dependency")
	testmodule.WriteFiles(t, dir, map[string]string{"a/more.go": "package a\n"})
	differs("a new file")
	testmodule.WriteFiles(t, dir, map[string]string{"b/.futurelint.json": "{}\n"})
	differs("a config file")
	opts.Env = append(os.Environ(), "GOFLAGS=-tags=other")
	differs("other build flags")
	opts.Salt = "other"
	differs("another salt")
	opts.Tests = false
	differs("without tests")
}
