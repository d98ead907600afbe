package gen

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "futures")); err != nil {
		t.Fatalf("repository root %s has no futures package: %v", root, err)
	}
	return root
}

func write(t *testing.T, services int) (string, Manifest) {
	t.Helper()
	root := repoRoot(t)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	m, err := Write(dir, Config{Services: services, RepoRoot: root, GoSum: sum})
	if err != nil {
		t.Fatal(err)
	}
	return dir, m
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteIsDeterministic(t *testing.T) {
	a, ma := write(t, 12)
	b, mb := write(t, 12)
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("two writes made %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two writes of the same Config", name)
		}
	}
	if ma.String() != mb.String() {
		t.Errorf("manifests differ: %v / %v", ma, mb)
	}
}

func TestManifestScalesWithServices(t *testing.T) {
	_, small := write(t, 20)
	_, large := write(t, 40)
	for _, m := range []struct {
		services int
		m        Manifest
	}{{20, small}, {40, large}} {
		n := m.services
		if want := n + n/2 + n/4; m.m.Packages != want {
			t.Errorf("%d services: %d packages, want %d", n, m.m.Packages, want)
		}
		if m.m.Total() != n {
			t.Errorf("%d services: %d seeded findings, want one per service", n, m.m.Total())
		}
	}
	// Twenty services cycle twice through the ten kinds, forty four times.
	for rule, c := range small.Findings {
		if large.Findings[rule] != 2*c {
			t.Errorf("rule %s: %d findings at 20 services, %d at 40; want exactly double", rule, c, large.Findings[rule])
		}
	}
	if r := float64(large.Lines) / float64(small.Lines); r < 1.95 || r > 2.05 {
		t.Errorf("doubling services multiplied lines by %.2f, want about 2", r)
	}
	for _, rule := range []string{"loopblock", "selfsubmit", "unwrapped"} {
		if small.Findings[rule] == 0 {
			t.Errorf("no seeded finding for %s", rule)
		}
	}
}

// TestCorpusBuildsAndVetsClean checks the corpus is valid Go against the
// repository's futures package, and that go vet's own suite finds nothing
// in it: its only mistakes are the seeded futures ones.
func TestCorpusBuildsAndVetsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir, _ := write(t, 12)
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s in the corpus: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

func TestWriteRejectsBadConfig(t *testing.T) {
	root := repoRoot(t)
	nonEmpty := t.TempDir()
	if err := os.WriteFile(filepath.Join(nonEmpty, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		dir  string
		cfg  Config
		want string
	}{
		{"zero services", t.TempDir(), Config{Services: 0, RepoRoot: root}, "multiple of 4"},
		{"odd services", t.TempDir(), Config{Services: 6, RepoRoot: root}, "multiple of 4"},
		{"relative root", t.TempDir(), Config{Services: 4, RepoRoot: "../.."}, "absolute"},
		{"non-empty dir", nonEmpty, Config{Services: 4, RepoRoot: root}, "not empty"},
	} {
		_, err := Write(tc.dir, tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}
