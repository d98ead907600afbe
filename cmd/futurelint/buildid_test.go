package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBuildIDNamesTheBinary checks the cache's salt names the futurelint
// binary by the build ID the go command wrote, which changes with its
// content, and hashes the binary when the build ID is set by hand.
func TestBuildIDNamesTheBinary(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("ELF executables only")
	}
	dir := t.TempDir()
	build := func(name, src string, flags ...string) string {
		t.Helper()
		main := filepath.Join(dir, name+".go")
		if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		exe := filepath.Join(dir, name)
		cmd := exec.Command("go", append(append([]string{"build", "-o", exe}, flags...), main)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GO111MODULE=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return exe
	}
	one := goBuildID(build("one", "package main\n\nfunc main() { println(1) }\n"))
	two := goBuildID(build("two", "package main\n\nfunc main() { println(2) }\n"))
	if one == "" || two == "" || one == two {
		t.Errorf("build IDs %q and %q: want two, different", one, two)
	}
	if id := goBuildID(build("fixed", "package main\n\nfunc main() {}\n", "-ldflags=-buildid=redacted")); id != "" {
		t.Errorf("a build ID set by hand gives %q, want none (the binary is hashed)", id)
	}
	if exe, err := os.Executable(); err != nil || !strings.Contains(goBuildID(exe), "/") {
		t.Errorf("the test binary's build ID is %q (%v)", goBuildID(exe), err)
	}
}
