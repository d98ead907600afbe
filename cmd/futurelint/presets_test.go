package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

// TestDisablePresets runs futurelint over programs of two preset libraries:
// both report their mistakes by default; -disable-presets=gnet leaves out
// gnet's (its handlers are not loop code without the preset) and keeps
// goja_nodejs's; an unknown preset is an error naming the presets.
func TestDisablePresets(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	dir := filepath.Join("..", "..", "testdata", "presets")
	count := func(r result) (gnet, goja int) {
		for _, f := range textFindings(t, dir, r.stderr) {
			switch {
			case strings.HasPrefix(f.pos, "gnet/"):
				gnet++
			case strings.HasPrefix(f.pos, "gojaloop/"):
				goja++
			}
		}
		return gnet, goja
	}
	all := futurelint(t, dir, "./gnet", "./gojaloop")
	if all.code != 3 {
		t.Fatalf("exit %d, want 3 (findings); stderr:\n%s", all.code, all.stderr)
	}
	if g, j := count(all); g != 4 || j != 4 {
		t.Errorf("with every preset: %d gnet and %d goja_nodejs findings, want 4 and 4:\n%s", g, j, all.stderr)
	}
	off := futurelint(t, dir, "-disable-presets=gnet", "./gnet", "./gojaloop")
	if g, j := count(off); g != 0 || j != 4 {
		t.Errorf("-disable-presets=gnet: %d gnet and %d goja_nodejs findings, want 0 and 4:\n%s", g, j, off.stderr)
	}
	bad := futurelint(t, dir, "-disable-presets=gent", "./gnet")
	if bad.code != 1 || !strings.Contains(bad.stderr, `unknown preset "gent"`) || !strings.Contains(bad.stderr, "gnet") {
		t.Errorf("-disable-presets=gent: exit %d, stderr %q; want 1 and an error naming the presets", bad.code, bad.stderr)
	}
}

// gnetV1Note is the note about gnet v1, a path no preset covers.
const gnetV1Note = `futurelint: note: github.com/panjf2000/gnet looks like gnet, which no preset covers: its loop code goes unchecked
  if it has the API of github.com/panjf2000/gnet/v2, attach it in .futurelint.json: {"attach": {"github.com/panjf2000/gnet": "github.com/panjf2000/gnet/v2"}}
`

// TestUncoveredNote runs futurelint over two packages on gnet v1, a path
// that looks like gnet but that no preset covers: it says so once, on
// stderr, naming the preset that comes closest and how to attach it, and
// the run still finds nothing (exit 0). Attached in a config, the note
// goes; a package on a covered path gets none.
func TestUncoveredNote(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	dir := filepath.Join("..", "..", "testdata", "presets", "versions")
	r := futurelint(t, dir, "./gnetv1/...")
	if r.code != 0 || r.stderr != gnetV1Note {
		t.Errorf("futurelint ./gnetv1/...: exit %d, stderr:\n%s\nwant 0 and:\n%s", r.code, r.stderr, gnetV1Note)
	}
	cfg := filepath.Join(t.TempDir(), "attach.json")
	if err := os.WriteFile(cfg, []byte(`{"attach": {"github.com/panjf2000/gnet": "github.com/panjf2000/gnet/v2"}}`), 0o666); err != nil {
		t.Fatal(err)
	}
	if r := futurelint(t, dir, "-config", cfg, "./gnetv1/..."); strings.Contains(r.stderr, "note:") {
		t.Errorf("attached, futurelint still notes the path:\n%s", r.stderr)
	}
	if r := futurelint(t, dir, "./derailed", "./bubbletea2"); strings.Contains(r.stderr, "note:") || r.code != 3 {
		t.Errorf("covered paths: exit %d, stderr:\n%s\nwant 3 and no note", r.code, r.stderr)
	}
}

// TestUncoveredNoteVet is TestUncoveredNote under go vet -vettool, which
// runs futurelint once per package: over two packages on gnet v1 the note
// is printed once in a run that analyses them, and the run still finds
// nothing (exit 0). A config of the test's own makes go vet analyse them
// instead of replaying its cache; a second run, which go vet may answer
// from its cache (where it keeps findings, not notes), prints it at most
// once. Attached in a config, or on covered paths, there is none.
func TestUncoveredNoteVet(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	dir := filepath.Join("..", "..", "testdata", "presets", "versions")
	tmp := t.TempDir()
	config := func(name, text string) string {
		f := filepath.Join(tmp, name)
		if err := os.WriteFile(f, []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
		return f
	}
	fresh := config("none.json", `{}`) // a path of its own: a flag go vet has not cached results for
	for i := range 2 {
		v := run(t, dir, "go", "vet", "-vettool="+binary, "-config="+fresh, "./gnetv1/...")
		var other []string
		for _, line := range strings.Split(v.stderr, "\n") {
			if line != "" && !strings.HasPrefix(line, "# ") { // the go command frames a package's output
				other = append(other, line)
			}
		}
		got := strings.Join(other, "\n") + "\n"
		if v.code != 0 || got != gnetV1Note && (i == 0 || len(other) > 0) {
			t.Errorf("go vet ./gnetv1/... (run %d): exit %d, stderr:\n%s\nwant 0 and, once:\n%s", i+1, v.code, v.stderr, gnetV1Note)
		}
	}
	attach := config("attach.json", `{"attach": {"github.com/panjf2000/gnet": "github.com/panjf2000/gnet/v2"}}`)
	if v := run(t, dir, "go", "vet", "-vettool="+binary, "-config="+attach, "./gnetv1/..."); strings.Contains(v.stderr, "note:") {
		t.Errorf("attached, go vet still notes the path:\n%s", v.stderr)
	}
	if v := run(t, dir, "go", "vet", "-vettool="+binary, "-config="+fresh, "./derailed", "./bubbletea2"); strings.Contains(v.stderr, "note:") || v.code == 0 {
		t.Errorf("covered paths: go vet exit %d, stderr:\n%s\nwant findings and no note", v.code, v.stderr)
	}
}

// TestHelpPresetsModules checks that help presets lists every module path
// of every preset with the version it was checked at, and the rows that
// differ by version with the version they changed in.
func TestHelpPresetsModules(t *testing.T) {
	var out, errs strings.Builder
	if code := help(&out, &errs, nil, []string{"presets"}); code != 0 {
		t.Fatalf("help presets: exit %d, %s", code, errs.String())
	}
	text := out.String()
	for _, ref := range roles.Modules() {
		line := "\tmodule " + ref.Module.Path
		if !strings.Contains(text, line) || ref.Module.Checked != "" && !strings.Contains(text, line+": checked at "+ref.Module.Checked) && !strings.Contains(text, ": checked at "+ref.Module.Checked) {
			t.Errorf("help presets does not list %s checked at %q:\n%s", ref.Module.Path, ref.Module.Checked, text)
		}
		if ref.Module.Of != "" && !strings.Contains(text, "("+ref.Module.Kind+" of "+ref.Module.Of+")") {
			t.Errorf("help presets does not say what %s is to %s", ref.Module.Path, ref.Module.Of)
		}
	}
	for _, lib := range roles.Presets() {
		for _, o := range lib.Older {
			if !strings.Contains(text, "before "+o.Before+", these do not "+o.Change) {
				t.Errorf("help presets does not say what differs before %s", o.Before)
			}
		}
	}
}
