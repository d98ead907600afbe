package testmodule_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/testmodule"
)

func TestDirIsTheTestdataModule(t *testing.T) {
	dir := testmodule.Dir(t)
	if !filepath.IsAbs(dir) {
		t.Errorf("Dir = %q, want an absolute path", dir)
	}
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(mod), "module futurelint.test\n") {
		t.Errorf("%s/go.mod is not the futurelint.test module:\n%s", dir, mod)
	}
}

func TestLoadGivesModuleAndTypes(t *testing.T) {
	pkgs := testmodule.Load(t, "./engine/plain")
	if len(pkgs) != 1 {
		t.Fatalf("got %d packages, want 1", len(pkgs))
	}
	p := pkgs[0]
	if p.PkgPath != "futurelint.test/engine/plain" {
		t.Errorf("PkgPath = %q", p.PkgPath)
	}
	if p.Module == nil || p.Module.Path != "futurelint.test" {
		t.Errorf("Module = %+v, want futurelint.test", p.Module)
	}
	if p.Types == nil || p.TypesInfo == nil || len(p.Syntax) == 0 {
		t.Error("package loaded without syntax or types")
	}
}
