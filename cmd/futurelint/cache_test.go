package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCache checks a re-run served from the cache prints exactly what the
// first run printed, that an edit is seen, never a stale result, and that
// the command trims the cache: an entry unused for weeks is removed.
func TestCache(t *testing.T) {
	dir := copyModule(t)
	cacheDir := t.TempDir()
	t.Setenv("FUTURELINT_CACHE", cacheDir)

	// An entry left unused for 30 days, and a last trim long ago.
	stale := filepath.Join(cacheDir, "ab", strings.Repeat("ab", 32))
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	month := time.Now().Add(-30 * 24 * time.Hour)
	os.Chtimes(stale, month, month)

	first := futurelint(t, dir, "./app")
	if first.code != 3 {
		t.Fatalf("first run: exit status %d\n%s", first.code, first.stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("an entry unused for 30 days survived a run")
	}
	again := futurelint(t, dir, "./app")
	if again != first {
		t.Errorf("the re-run printed something else:\n%+v\nwant\n%+v", again, first)
	}

	// Fix one finding by hand: the re-run must not report it.
	app := filepath.Join(dir, "app", "app.go")
	src := readFile(t, app)
	fixed := strings.Replace(src, "time.Sleep(", "_ = (", 1)
	if fixed == src {
		t.Fatal("app.go has no time.Sleep")
	}
	if err := os.WriteFile(app, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := futurelint(t, dir, "./app")
	nolint := futurelint(t, dir, "-cache=false", "./app")
	if edited != nolint {
		t.Errorf("after an edit, the cached run printed\n%s\nbut an uncached run prints\n%s", edited.stderr, nolint.stderr)
	}
	if strings.Contains(edited.stderr, "time.Sleep") || strings.Count(edited.stderr, "\n") != strings.Count(first.stderr, "\n")-1 {
		t.Errorf("after removing the time.Sleep, findings are\n%s\nwant those of the first run less the sleep:\n%s", edited.stderr, first.stderr)
	}
}

// TestCacheRuleSets checks that a run of some rules, which computes only
// what they require, is not served to a run of others from the cache.
func TestCacheRuleSets(t *testing.T) {
	t.Setenv("FUTURELINT_CACHE", t.TempDir())
	want := futurelint(t, testdata, "-cache=false", "./app")
	futurelint(t, testdata, "-offloop", "./app")
	if got := futurelint(t, testdata, "./app"); got != want {
		t.Errorf("after a -offloop run, the full run printed\n%s\nwant\n%s", got.stderr, want.stderr)
	}
}
