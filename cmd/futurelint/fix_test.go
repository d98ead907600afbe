package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/driver"
)

// TestApplyFixes checks how fixes are applied: an edit two findings
// suggest is made once; a fix that overlaps one already taken is left out,
// and said; the file is gofmt-ed and loses the import the fixes stopped
// using, so it still compiles; -diff prints the same change and writes
// nothing.
func TestApplyFixes(t *testing.T) {
	const src = `package sleepy

import (
	"time"

	"example.com/futures"
)

func Nap(c *futures.Ctx) error {
	time.Sleep(1e9)
	return nil
}
`
	const want = `package sleepy

import (
	"example.com/futures"
)

func Nap(c *futures.Ctx) error {
	futures.Sleep(c, 1e9)
	return nil
}
`
	file := filepath.Join(t.TempDir(), "sleepy.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	call := strings.Index(src, "time.Sleep(1e9)")
	fix := func(start, end int, text string) driver.Diagnostic {
		return driver.Diagnostic{Fixes: []driver.Fix{{Message: "fix", Edits: []driver.Edit{{Filename: file, Start: start, End: end, New: text}}}}}
	}
	ds := []driver.Diagnostic{
		fix(call, call+len("time.Sleep(1e9)"), "futures.Sleep(c, 1e9)"),
		fix(call, call+len("time.Sleep(1e9)"), "futures.Sleep(c, 1e9)"),
		fix(call+len("time."), call+len("time.Sleep"), "Nap"),
		{}, // a finding without a fix
	}
	names := map[string]string{"time": "time", "example.com/futures": "futures"}
	const conflict = "applied 2 of 3 fixes"

	var diff strings.Builder
	if err := applyFixes(&diff, ds, names, true); err == nil || !strings.Contains(err.Error(), conflict) {
		t.Errorf("applyFixes -diff: error %v, want %q", err, conflict)
	}
	if got := readFile(t, file); got != src {
		t.Errorf("applyFixes -diff changed the file:\n%s", got)
	}
	if got := patched(t, src, diff.String()); got != want {
		t.Errorf("the file patched with the diff:\n%s\nwant\n%s\ndiff:\n%s", got, want, diff.String())
	}

	if err := applyFixes(io.Discard, ds, names, false); err == nil || !strings.Contains(err.Error(), conflict) {
		t.Errorf("applyFixes: error %v, want %q", err, conflict)
	}
	if got := readFile(t, file); got != want {
		t.Errorf("fixed file:\n%s\nwant\n%s", got, want)
	}
}

// TestFixUsesTheCache checks -fix -diff goes through the standalone
// driver: it fills the result cache as a plain run does, and a re-run
// served from the cache prints the same diff.
func TestFixUsesTheCache(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("FUTURELINT_CACHE", cacheDir)
	first := futurelint(t, testdata, "-fix", "-diff", "./app")
	entries, err := filepath.Glob(filepath.Join(cacheDir, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if first.code != 0 || len(entries) == 0 {
		t.Errorf("futurelint -fix -diff ./app: exit status %d, %d cache entries; want 0 and the packages' results cached\n%s", first.code, len(entries), first.stderr)
	}
	if again := futurelint(t, testdata, "-fix", "-diff", "./app"); again != first {
		t.Errorf("the cached -fix -diff printed\n%s\nwant\n%s", again.stdout, first.stdout)
	}
}

// patched applies a unified diff of one file to old, failing t when a
// hunk does not match old.
func patched(t *testing.T, old, diff string) string {
	t.Helper()
	lines := strings.SplitAfter(old, "\n")
	var out []string
	at := 0 // lines of old used so far
	hunk := regexp.MustCompile(`^@@ -(\d+),(\d+) \+\d+,\d+ @@\n$`)
	body := strings.SplitAfter(diff, "\n")
	for i := 0; i < len(body); i++ {
		m := hunk.FindStringSubmatch(body[i])
		if m == nil {
			continue
		}
		start, _ := strconv.Atoi(m[1])
		if n, _ := strconv.Atoi(m[2]); n == 0 {
			start++
		}
		out = append(out, lines[at:start-1]...)
		at = start - 1
		for i+1 < len(body) && body[i+1] != "" && strings.ContainsRune(" -+", rune(body[i+1][0])) {
			i++
			l := body[i]
			switch l[0] {
			case ' ', '-':
				if at >= len(lines) || lines[at] != l[1:] {
					t.Fatalf("hunk line %q does not match line %d of the file", l, at+1)
				}
				at++
				if l[0] == ' ' {
					out = append(out, l[1:])
				}
			case '+':
				out = append(out, l[1:])
			}
		}
	}
	return strings.Join(append(out, lines[at:]...), "")
}
