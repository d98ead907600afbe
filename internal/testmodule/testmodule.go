// Package testmodule finds and loads testdata/, the module of analysistest
// inputs that the engine's and the rules' tests share. It is for tests only.
package testmodule

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// Dir returns the absolute path of testdata/ beside the repository's go.mod,
// found by walking up from the directory of the package under test.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testmodule: no go.mod above the package under test")
		}
		dir = parent
	}
}

// Load loads packages of testdata/ with syntax, types and module
// information, as a driver hands them to checker.Analyze, and fails t when
// they do not load or do not compile.
func Load(t testing.TB, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  Dir(t),
		Env:  append(os.Environ(), "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata does not load")
	}
	return pkgs
}
