package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/testmodule"
)

// lines returns "file:line: rule" for each finding in out, with file
// relative to dir's module.
func lines(out string) []string {
	re := regexp.MustCompile(`(?m)^(?:\S*/)?((?:config|directives|app|loop)/\w+/?\w*\.go):(\d+):\d+: (\w+)`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		got = append(got, m[1]+":"+m[2]+": "+m[3])
	}
	slices.Sort(got)
	return got
}

// The worked example of docs/config.md and the directive example, run by
// the command and by go vet: the rows of testdata/config/.futurelint.json
// and of evloop's directives find the same mistakes in both drivers.
func TestConfigAndDirectives(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata")
	want := []string{
		"config/blocking/blocking.go:18: loopblock",
		"config/blocking/blocking.go:24: loopblock",
		"config/blocking/blocking.go:26: dropped",
		"config/blocking/blocking.go:27: loopblock",
		"config/self/self.go:15: selfsubmit",
		"config/self/self.go:9: selfsubmit",
		"config/unwrap/unwrap.go:13: unwrapped",
		"directives/blocking/blocking.go:11: loopblock",
		"directives/blocking/blocking.go:15: dropped",
		"directives/blocking/blocking.go:16: loopblock",
		"directives/blocking/blocking.go:38: loopblock",
		"directives/blocking/blocking.go:7: loopblock",
		"directives/self/self.go:7: selfsubmit",
		"directives/unwrap/unwrap.go:10: unwrapped",
	}
	r := futurelint(t, dir, "./config/...", "./directives/...")
	if r.code != 3 || !slices.Equal(lines(r.stderr), want) {
		t.Errorf("futurelint: exit status %d, findings\n%s\nwant\n%s\nstderr:\n%s", r.code, strings.Join(lines(r.stderr), "\n"), strings.Join(want, "\n"), r.stderr)
	}
	v := run(t, dir, "go", "vet", "-vettool="+binary, "./config/...", "./directives/...")
	if v.code == 0 || !slices.Equal(lines(v.stderr), want) {
		t.Errorf("go vet: exit status %d, findings\n%s\nwant\n%s\nstderr:\n%s", v.code, strings.Join(lines(v.stderr), "\n"), strings.Join(want, "\n"), v.stderr)
	}
}

// tmpModule writes a module with a loop package, a user of it and the
// given files, and returns its directory.
func tmpModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{
		"go.mod": "module tmp\n\ngo 1.26.0\n",
		"loop/loop.go": `package loop

type Ctx struct{}

type Future struct{ c chan int }

func (f *Future) Wait() int { return <-f.c }
`,
		"app/app.go": `package app

import "tmp/loop"

func handle(c *loop.Ctx, f *loop.Future) int { return f.Wait() }
`,
	}
	for name, text := range files {
		all[name] = text
	}
	testmodule.WriteFiles(t, dir, all)
	return dir
}

const goodConfig = `{
  "packages": {
    "tmp/loop": {
      "types": {"Ctx": "loopcode"},
      "functions": {
        "(*Future).Wait": {"blocks": "deadlock", "waits": "receiver"}
      }
    }
  }
}
`

// A bad config is an error naming the file, line and column, with exit
// status 1, from the command and from go vet; so is a bad directive.
func TestBadConfig(t *testing.T) {
	typo := strings.Replace(goodConfig, "(*Future).Wait", "(*Future).Wiat", 1)
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{
		{"malformed", map[string]string{".futurelint.json": strings.Replace(goodConfig, `"deadlock", "waits"`, `"deadlock" "waits"`, 1)}, nil,
			`.futurelint.json:6:49: malformed JSON: invalid character '"' after object key:value pair`},
		{"unknown key", map[string]string{".futurelint.json": strings.Replace(goodConfig, `"types"`, `"type"`, 1)}, nil,
			`.futurelint.json:4:7: unknown key "type" (known keys here: words, types, functions, inferLoops)`},
		{"unknown method", map[string]string{".futurelint.json": typo}, nil,
			`.futurelint.json:6:9: type tmp/loop.Future has no method Wiat`},
		{"-config", map[string]string{"cfg/loops.json": typo}, []string{"-config=cfg/loops.json"},
			`cfg/loops.json:6:9: type tmp/loop.Future has no method Wiat`},
		{"-config unknown key", map[string]string{"cfg/loops.json": strings.Replace(goodConfig, `"blocks"`, `"block"`, 1)}, []string{"-config=cfg/loops.json"},
			`cfg/loops.json:6:28: unknown key "block"`},
		{"directive", map[string]string{"loop/doc.go": "package loop\n\n//futurelint:blocks waits=g\nfunc Get(f *Future) int { return 0 }\n"}, nil,
			`loop/doc.go:3:1: Get: waits: no parameter named g`},
	} {
		dir := tmpModule(t, tc.files)
		args := append([]string{}, tc.args...)
		r := futurelint(t, dir, append(args, "./...")...)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: futurelint: exit status %d, stderr:\n%s\nwant 1 and %q", tc.name, r.code, r.stderr, tc.want)
		}
		// go vet runs the tool in each package's directory: -config
		// takes an absolute path there.
		for i, a := range args {
			if f, ok := strings.CutPrefix(a, "-config="); ok {
				args[i] = "-config=" + filepath.Join(dir, f)
			}
		}
		v := run(t, dir, "go", append(append([]string{"vet", "-vettool=" + binary}, args...), "./...")...)
		if v.code == 0 || !strings.Contains(v.stderr, tc.want) {
			t.Errorf("%s: go vet: exit status %d, stderr:\n%s\nwant non-zero and %q", tc.name, v.code, v.stderr, tc.want)
		}
	}
}

// A config named by -config applies to every package, and go vet sees an
// edited .futurelint.json at once instead of replaying cached findings.
func TestConfigFlagAndVetCache(t *testing.T) {
	const want = "app/app.go:5: loopblock"
	dir := tmpModule(t, map[string]string{"elsewhere/loops.json": goodConfig})
	if r := futurelint(t, dir, "./..."); r.code != 0 {
		t.Errorf("without a config: exit status %d, stderr:\n%s", r.code, r.stderr)
	}
	r := futurelint(t, dir, "-config", "elsewhere/loops.json", "./...")
	if r.code != 3 || !slices.Equal(lines(r.stderr), []string{want}) {
		t.Errorf("-config: exit status %d, stderr:\n%s\nwant 3 and %s", r.code, r.stderr, want)
	}
	v := run(t, dir, "go", "vet", "-vettool="+binary, "-config="+filepath.Join(dir, "elsewhere/loops.json"), "./...")
	if v.code == 0 || !slices.Equal(lines(v.stderr), []string{want}) {
		t.Errorf("go vet -config: exit status %d, stderr:\n%s\nwant %s", v.code, v.stderr, want)
	}

	cfg := filepath.Join(dir, ".futurelint.json")
	if err := os.WriteFile(cfg, []byte(goodConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	v = run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if v.code == 0 || !slices.Equal(lines(v.stderr), []string{want}) {
		t.Errorf("go vet with .futurelint.json: exit status %d, stderr:\n%s\nwant %s", v.code, v.stderr, want)
	}
	if err := os.WriteFile(cfg, []byte(strings.Replace(goodConfig, `"loopcode"`, `"loop"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	v = run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	if v.code != 0 || v.stderr != "" {
		t.Errorf("go vet after the edit (Ctx no longer marks loop code): exit status %d, stderr:\n%s\nwant 0 and nothing", v.code, v.stderr)
	}
}

// TestConfigEditRedoesCached checks the standalone command's result cache
// keys a package by the .futurelint.json that applies to it: after an edit
// of the file, a cached re-run reports what an uncached run does.
func TestConfigEditRedoesCached(t *testing.T) {
	const want = "app/app.go:5: loopblock"
	dir := tmpModule(t, map[string]string{".futurelint.json": goodConfig})
	t.Setenv("FUTURELINT_CACHE", t.TempDir())
	if r := futurelint(t, dir, "./..."); r.code != 3 || !slices.Equal(lines(r.stderr), []string{want}) {
		t.Fatalf("with the config: exit status %d, stderr:\n%s\nwant 3 and %s", r.code, r.stderr, want)
	}
	cfg := filepath.Join(dir, ".futurelint.json")
	if err := os.WriteFile(cfg, []byte(strings.Replace(goodConfig, `"loopcode"`, `"loop"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := futurelint(t, dir, "./..."); r.code != 0 || r.stderr != "" {
		t.Errorf("cached run after the edit (Ctx no longer marks loop code): exit status %d, stderr:\n%s\nwant 0 and nothing", r.code, r.stderr)
	}
	if err := os.WriteFile(cfg, []byte(goodConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := futurelint(t, dir, "./..."); r.code != 3 || !slices.Equal(lines(r.stderr), []string{want}) {
		t.Errorf("cached run after restoring the config: exit status %d, stderr:\n%s\nwant 3 and %s", r.code, r.stderr, want)
	}
}

// TestConfigDocs checks that the worked example of docs/config.md is the
// one in testdata/config, file for file, and that its findings are what
// futurelint reports there.
func TestConfigDocs(t *testing.T) {
	root := filepath.Join("..", "..")
	doc := readFile(t, filepath.Join(root, "docs", "config.md"))
	blocks := regexp.MustCompile("(?s)<!-- (file|output): ([^>]*?) -->\n\n(?:`[^`\n]*`:\n\n)?```[a-z]*\n(.*?)```\n").FindAllStringSubmatch(doc, -1)
	files := 0
	for _, b := range blocks {
		switch b[1] {
		case "file":
			files++
			if want := readFile(t, filepath.Join(root, b[2])); b[3] != want {
				t.Errorf("docs/config.md shows %s other than it is:\n%s", b[2], b[3])
			}
		case "output":
			dir, err := filepath.Abs(filepath.Join(root, "testdata", "config"))
			if err != nil {
				t.Fatal(err)
			}
			r := futurelint(t, dir, "./...")
			if got := strings.ReplaceAll(r.stderr, dir+string(filepath.Separator), ""); r.code != 3 || got != b[3] {
				t.Errorf("futurelint ./... in testdata/config: exit status %d, output\n%s\ndocs/config.md shows\n%s", r.code, got, b[3])
			}
		}
	}
	if files != 5 || len(blocks) != 6 {
		t.Errorf("docs/config.md shows %d files and %d blocks, want the 5 files of the example and its output", files, len(blocks))
	}
}

// TestConfigErrorOnce checks a bad config is said once, at its position
// and nothing else, however many packages it applies to; the packages it
// does not stop are analysed. go vet runs futurelint once per package, so
// it names each package the config stops, with the same position.
func TestConfigErrorOnce(t *testing.T) {
	typo := strings.Replace(goodConfig, "(*Future).Wait", "(*Future).Wiat", 1)
	for _, tc := range []struct {
		name, config, want, summary string
	}{
		{"malformed", strings.Replace(goodConfig, `"deadlock", "waits"`, `"deadlock" "waits"`, 1),
			`.futurelint.json:6:49: malformed JSON: invalid character '"' after object key:value pair`,
			"futurelint: analysed 0 of 4 packages; not analysed, for the errors above: tmp/app, tmp/loop, tmp/other, tmp/other2"},
		{"unknown method", typo,
			".futurelint.json:6:9: type tmp/loop.Future has no method Wiat",
			"futurelint: analysed 2 of 4 packages; not analysed, for the errors above: tmp/app, tmp/loop"},
	} {
		dir := tmpModule(t, map[string]string{
			".futurelint.json":    tc.config,
			"other/other.go":      "package other\n\nfunc F() {}\n",
			"other2/other2.go":    "package other2\n\nfunc F() {}\n",
			"app/app_test.go":     appTest,
			"other/other_test.go": "package other\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) {}\n",
		})
		want := filepath.Join(dir, tc.want) + "\n" + tc.summary + "\n"
		r := futurelint(t, dir, "./...")
		if r.code != 1 || r.stderr != want {
			t.Errorf("%s: futurelint ./...: exit status %d, stderr:\n%s\nwant 1 and\n%s", tc.name, r.code, r.stderr, want)
		}
		v := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
		for _, line := range strings.Split(strings.TrimSpace(v.stderr), "\n") {
			if !strings.HasPrefix(line, "#") && !strings.HasSuffix(line, ": "+filepath.Join(dir, tc.want)) {
				t.Errorf("%s: go vet: %q, want package: %s", tc.name, line, filepath.Join(dir, tc.want))
			}
		}
		if v.code == 0 || !strings.Contains(v.stderr, "tmp/app: "+filepath.Join(dir, tc.want)) {
			t.Errorf("%s: go vet: exit status %d, stderr:\n%s\nwant non-zero and tmp/app: %s", tc.name, v.code, v.stderr, tc.want)
		}
	}
}
