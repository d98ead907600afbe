package testmodule

import (
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// OldPath lays out, in a temporary directory, a module at the old path
// oldMod that the module proxy no longer serves, made of the source of the
// module it became (newMod, as the nested module in dir requires it) with
// its import paths written back; and a module that requires it with a
// replace and holds files (name -> content; newMod written as oldMod in
// them too). It returns the second module's directory. Nothing is
// committed: the source comes from the module cache at test time.
func OldPath(t testing.TB, dir, newMod, oldMod string, files map[string]string) string {
	t.Helper()
	// go mod download, not go list -m: on an empty module cache only the
	// former fetches the module and says where it is.
	download := exec.Command("go", "mod", "download", "-json", newMod)
	download.Dir = dir
	out, err := download.Output()
	if err != nil {
		t.Fatalf("go mod download %s in %s: %v\n%s", newMod, dir, err, out)
	}
	var m struct{ Dir, GoMod string }
	if err := json.Unmarshal(out, &m); err != nil || m.Dir == "" {
		t.Fatalf("go mod download %s: no source directory (%v)", newMod, err)
	}
	root := t.TempDir()
	old := filepath.Join(root, "old")
	rewrite := strings.NewReplacer(newMod, oldMod)
	err = filepath.WalkDir(m.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(m.Dir, path)
		if d.IsDir() {
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if name := d.Name(); name != "go.mod" && (!strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		WriteFiles(t, old, map[string]string{rel: rewrite.Replace(string(data))})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(dir, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	user := filepath.Join(root, "user")
	all := map[string]string{
		"go.mod": "module example.com/oldpath\n\ngo 1.26\n\nrequire " + oldMod + " v0.0.0-00010101000000-000000000000\n\nreplace " + oldMod + " => ../old\n",
		"go.sum": string(sum),
	}
	for name, text := range files {
		all[name] = rewrite.Replace(text)
	}
	WriteFiles(t, user, all)
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = user
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy in the module on %s: %v\n%s", oldMod, err, out)
	}
	return user
}
