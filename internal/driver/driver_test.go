package driver_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/cache"
	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/driver/drivertest"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// root is the futurelint module.
var root, _ = filepath.Abs(filepath.Join("..", ".."))

// TestSameFindingsAsChecker checks the per-package driver finds exactly
// what x/tools' checker (the multichecker's path, which loads every
// dependency from source) finds: on the command's test module and on the
// examples, with and without test files.
func TestSameFindingsAsChecker(t *testing.T) {
	for _, tc := range []struct {
		dir      string
		patterns []string
		min      int // findings there must be at least, so the comparison means something
	}{
		{filepath.Join(root, "cmd", "futurelint", "testdata"), []string{"./app", "./clean"}, 6},
		{root, []string{"./examples/..."}, 5},
	} {
		for _, tests := range []bool{false, true} {
			sameFindings(t, tc.dir, tc.patterns, tests, tc.min)
		}
	}
}

// TestSameFindingsOnPresets checks the two paths agree on the presets'
// module, whose third-party packages (protoactor-go's actor and cluster
// with grpc beneath, gnet, goja) hand may-block facts to the code using
// them. It has no test files.
func TestSameFindingsOnPresets(t *testing.T) {
	checked := sameFindings(t, filepath.Join(root, "testdata", "presets"), []string{"./protoactor/...", "./gnet/...", "./gojaloop/..."}, false, 20)
	// grpc, protobuf and x/net hold scores of packages that export
	// nothing: the check above must have had some to check.
	if checked < 20 {
		t.Errorf("%d dependencies found to export no facts, want at least 20", checked)
	}
}

// TestSameFindingsWithConfigAndDirectives checks the two paths agree
// where loop code is declared by a config file's rows or by a library's
// //futurelint: directives, with the libraries as dependencies: they
// import no loop runtime, yet loop code reaches them.
func TestSameFindingsWithConfigAndDirectives(t *testing.T) {
	sameFindings(t, filepath.Join(root, "testdata"), []string{
		"./config/blocking", "./config/self", "./config/unwrap",
		"./directives/blocking", "./directives/self", "./directives/unwrap",
	}, false, 6)
}

// TestSameFindingsWithIgnoresInDependencies checks the two paths agree
// where a dependency's reasoned //futurelint:ignore comments take the
// blocking out of its facts: the driver drops the comments of a
// dependency only when none is a //futurelint: one.
func TestSameFindingsWithIgnoresInDependencies(t *testing.T) {
	sameFindings(t, filepath.Join(root, "testdata"), []string{"./loopblock/a"}, false, 20)
}

// TestSameFindingsOnInferredLoops checks the two paths agree on loops
// nobody described: the loops' packages are dependencies that import no
// loop runtime, found by their shape alone, and their users' findings need
// the rows they infer.
func TestSameFindingsOnInferredLoops(t *testing.T) {
	sameFindings(t, filepath.Join(root, "testdata"), []string{"./inferred/use/...", "./inferred/dispatch", "./inferred/dispatchblock", "./inferred/dispatchself/...", "./inferred/own"}, false, 21)
}

// TestSameFindingsOnCorpus checks the two paths agree on the benchmark's
// generated corpus: every kind of finding it seeds, in packages that hand
// facts to each other through chains of blocking helpers.
func TestSameFindingsOnCorpus(t *testing.T) {
	const services = 12 // every one of the ten seeded kinds, some twice
	dir := filepath.Join(t.TempDir(), "corpus")
	gen := exec.Command("go", "run", "./cmd/gencorpus", "-services", strconv.Itoa(services), "-o", dir, "-repo", root)
	gen.Dir = filepath.Join(root, "bench")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("generating the corpus: %v\n%s", err, out)
	}
	sameFindings(t, dir, []string{"./..."}, false, services)
}

// sameFindings runs both paths on patterns in dir and reports where they
// differ; the checker must find at least min. The driver's run analyses
// the dependencies it finds to export no facts all the same, and fails if
// one does: sameFindings returns how many it checked.
func sameFindings(t *testing.T, dir string, patterns []string, tests bool, min int) (skipsChecked int64) {
	t.Helper()
	want, err := drivertest.Checker(dir, tests, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < min {
		t.Fatalf("%v: the checker finds %d, want at least %d:\n%s", patterns, len(want), min, strings.Join(want, "\n"))
	}
	stop := driver.VerifySkips()
	got, _, err := drivertest.Driver(driver.Options{Dir: dir, Patterns: patterns, Tests: tests})
	skipsChecked = stop()
	if err != nil {
		t.Fatal(err) // a package found to export no facts that exports some is an error
	}
	if d := drivertest.Diff(got, want); d != "" {
		t.Errorf("%v (tests %v): the driver and the checker differ:\n%s", patterns, tests, d)
	}
	return skipsChecked
}

// A module in which top's loop code calls mid.Step, which calls
// leaf.Work; other is unrelated. Whether top has a finding depends on
// whether leaf.Work blocks: a fact that travels through mid.
var module = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.26.0\n\nrequire github.com/futurelint/futurelint v0.0.0\n\nreplace github.com/futurelint/futurelint => ROOT\n",
	"leaf/leaf.go": `package leaf

// Work does some work.
func Work(n int) int {
	return n * 2
}
`,
	"mid/mid.go": `package mid

import "example.com/m/leaf"

// Step does a step of work.
func Step(n int) int { return leaf.Work(n) + 1 }
`,
	"top/top.go": `package top

import (
	"example.com/m/mid"

	"github.com/futurelint/futurelint/futures"
)

// Handle runs on the loop.
func Handle(c *futures.Ctx) (int, error) {
	return mid.Step(1), nil
}
`,
	"other/other.go": `package other

import "github.com/futurelint/futurelint/futures"

// Tick runs on the loop and blocks nothing.
func Tick(c *futures.Ctx) (int, error) { return 1, nil }
`,
}

// blockingLeaf is leaf.Work once edited to block.
const blockingLeaf = `package leaf

import "time"

// Work does some work, slowly.
func Work(n int) int {
	time.Sleep(time.Second)
	return n * 2
}
`

func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"go.sum": string(sum)}
	for name, text := range module {
		files[name] = strings.ReplaceAll(text, "ROOT", root)
	}
	testmodule.WriteFiles(t, dir, files)
	return dir
}

// TestCacheRedoesOnlyWhatChanged runs the driver with a cache over the
// module above: a re-run with nothing changed analyses nothing and finds
// the same; after an edit of leaf, exactly leaf and what depends on it are
// analysed again, and the findings are those of the edited code, never the
// cached ones of the old.
func TestCacheRedoesOnlyWhatChanged(t *testing.T) {
	dir := writeModule(t)
	ch, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	opts := driver.Options{Dir: dir, Patterns: []string{"./..."}, Cache: ch, Salt: "test"}
	run := func(what string) ([]string, []string) {
		t.Helper()
		got, res, err := drivertest.Driver(opts)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return got, res.Analysed
	}
	// The checker is slow (it type-checks std from source): it is asked
	// only where the findings change.
	sameAsChecker := func(what string, got []string) {
		t.Helper()
		want, err := drivertest.Checker(dir, false, "./...")
		if err != nil {
			t.Fatal(err)
		}
		if d := drivertest.Diff(got, want); d != "" {
			t.Errorf("%s: the driver's findings differ from the checker's:\n%s", what, d)
		}
	}
	// futures is analysed too: the named packages need its facts.
	all := []string{"example.com/m/leaf", "example.com/m/mid", "example.com/m/other", "example.com/m/top", "github.com/futurelint/futurelint/futures"}
	dependents := []string{"example.com/m/leaf", "example.com/m/mid", "example.com/m/top"}

	first, analysed := run("first run")
	sameAsChecker("first run", first)
	if len(first) != 0 {
		t.Errorf("first run: findings %v, want none (nothing blocks yet)", first)
	}
	if !slices.Equal(analysed, all) {
		t.Errorf("first run analysed %v, want %v", analysed, all)
	}
	again, analysed := run("re-run")
	if len(analysed) != 0 || !slices.Equal(again, first) {
		t.Errorf("re-run with nothing changed: analysed %v, findings %v; want nothing analysed and %v", analysed, again, first)
	}

	undo := makeLeafBlock(t, dir)
	edited, analysed := run("after making leaf.Work block")
	sameAsChecker("after making leaf.Work block", edited)
	if !slices.Equal(analysed, dependents) {
		t.Errorf("after editing leaf: analysed %v, want only leaf and its dependents %v", analysed, dependents)
	}
	if len(edited) != 1 || !strings.Contains(edited[0], "top.go:11:") || !strings.Contains(edited[0], "loopblock") {
		t.Errorf("after making leaf.Work block: findings %v, want one loopblock finding at top.go:11", edited)
	}

	undo()
	back, _ := run("after undoing the edit")
	if len(back) != 0 {
		t.Errorf("after undoing the edit: findings %v, want none", back)
	}

	// Another salt (another binary or other flags) shares nothing.
	opts.Salt = "other"
	if _, analysed := run("with another salt"); !slices.Equal(analysed, all) {
		t.Errorf("with another salt: analysed %v, want everything %v", analysed, all)
	}
}

// TestDependencyExportingNothing names top alone: its loop code calls
// mid.Step, which calls leaf.Work. While nothing there blocks, leaf and mid
// export no facts, and their tokens show it: neither is type-checked, nor
// cached, so an edit of top finds so again. Once leaf.Work sleeps, both
// are analysed, and top's finding is the checker's.
func TestDependencyExportingNothing(t *testing.T) {
	dir := writeModule(t)
	ch, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	run := func(what string) ([]string, []string) {
		t.Helper()
		got, res, err := drivertest.Driver(driver.Options{Dir: dir, Patterns: []string{"./top"}, Cache: ch, Salt: "test"})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return got, res.Analysed
	}
	top := []string{"example.com/m/top"}
	found, analysed := run("nothing blocks")
	if want := append(top, "github.com/futurelint/futurelint/futures"); len(found) != 0 || !slices.Equal(analysed, want) {
		t.Errorf("nothing blocks: findings %v, analysed %v; want none and %v", found, analysed, want)
	}
	topFile := filepath.Join(dir, "top", "top.go")
	src, err := os.ReadFile(topFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(topFile, append(src, "\n// Edited.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if found, analysed = run("after an edit of top"); len(found) != 0 || !slices.Equal(analysed, top) {
		t.Errorf("after an edit of top: findings %v, analysed %v; want none and %v", found, analysed, top)
	}
	makeLeafBlock(t, dir)
	found, analysed = run("leaf.Work blocks")
	if want := []string{"example.com/m/leaf", "example.com/m/mid", "example.com/m/top"}; !slices.Equal(analysed, want) {
		t.Errorf("leaf.Work blocks: analysed %v, want %v", analysed, want)
	}
	if len(found) != 1 || !strings.Contains(found[0], "top.go:11:") {
		t.Errorf("leaf.Work blocks: findings %v, want one at top.go:11", found)
	}
	sameFindings(t, dir, []string{"./top"}, false, 1)
}

// makeLeafBlock writes blockingLeaf over leaf.go and returns what puts
// back the file it replaced.
func makeLeafBlock(t *testing.T, dir string) (undo func()) {
	t.Helper()
	leaf := filepath.Join(dir, "leaf", "leaf.go")
	old, err := os.ReadFile(leaf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(leaf, []byte(blockingLeaf), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() {
		if err := os.WriteFile(leaf, old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrokenPackage checks a package that does not type-check is an
// error naming the problem, and no finding or cache entry.
func TestBrokenPackage(t *testing.T) {
	dir := writeModule(t)
	if err := os.WriteFile(filepath.Join(dir, "mid", "mid.go"), []byte("package mid\n\nfunc Step(n int) int { return \"no\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := driver.Run(driver.Options{Dir: dir, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) == 0 || !strings.Contains(strings.Join(res.Errors, "\n"), "mid.go:3:") {
		t.Errorf("errors %q, want one at mid.go:3", res.Errors)
	}
}

// TestReachWithTests runs both paths with test files on the module above,
// leaf.Work made to block: loop code in top, in its in-package test and
// in its external test reaches leaf through facts, in test variants that
// share what they import with the packages they augment. plain and its
// test call plainlib, which blocks, but neither has loop code: the driver
// finds the same as the checker without analysing plainlib, or plain,
// though named, at all.
func TestReachWithTests(t *testing.T) {
	dir := writeModule(t)
	testmodule.WriteFiles(t, dir, map[string]string{
		"leaf/leaf.go": blockingLeaf,
		"top/top_test.go": `package top

import (
	"testing"

	"example.com/m/leaf"
	"github.com/futurelint/futurelint/futures"
)

func helper(c *futures.Ctx) (int, error) { return leaf.Work(1), nil }

func TestHandle(t *testing.T) { _ = helper }
`,
		"top/x_test.go": `package top_test

import (
	"testing"

	"example.com/m/mid"
	"example.com/m/top"
	"github.com/futurelint/futurelint/futures"
)

func handle(c *futures.Ctx) (int, error) { return mid.Step(2), nil }

func TestStep(t *testing.T) { _, _ = handle, top.Handle }
`,
		"plainlib/plainlib.go": `package plainlib

import "time"

// Wait waits a while.
func Wait() { time.Sleep(time.Millisecond) }
`,
		"plain/plain.go": `package plain

import "example.com/m/plainlib"

// Do waits.
func Do() { plainlib.Wait() }
`,
		"plain/plain_test.go": `package plain

import "testing"

func TestDo(t *testing.T) { Do() }
`,
	})
	patterns := []string{"./top", "./plain", "./other"}
	sameFindings(t, dir, patterns, true, 3)
	_, res, err := drivertest.Driver(driver.Options{Dir: dir, Patterns: patterns, Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range res.Analysed {
		if strings.HasPrefix(id, "example.com/m/plain") {
			t.Errorf("analysed %s, which holds no loop code and no loop code can reach (analysed: %v)", id, res.Analysed)
		}
	}
	for _, id := range []string{"example.com/m/leaf", "example.com/m/top", "example.com/m/top [example.com/m/top.test]", "example.com/m/top_test [example.com/m/top.test]"} {
		if !slices.Contains(res.Analysed, id) {
			t.Errorf("analysed %v, want %s among them: it holds loop code or loop code reaches it", res.Analysed, id)
		}
	}
	if len(res.NotAnalysed) > 0 {
		t.Errorf("NotAnalysed = %v: a named package with no loop code is done, not failed", res.NotAnalysed)
	}
}

// TestSameFindingsOnAttached checks the two paths agree on code using a
// team's own copy of Bubble Tea's API, which the module's config file
// attaches the bubbletea preset to: the app imports no loop runtime the
// table names, yet holds loop code, so the driver must analyse it.
func TestSameFindingsOnAttached(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	sameFindings(t, filepath.Join(root, "testdata", "presets", "versions"), []string{"./teafork", "./teaforkapp"}, false, 2)
}

// TestRerunServedWhole runs the driver with a cache, tests on, over the
// module above with a dependency from the module cache (x/tools, whose
// files are never hashed: its version says what they hold): a re-run with
// nothing changed is served whole from the cache (go list compiles
// nothing) and says what the run it repeats said; after any change of
// what the findings depend on, an edit, a new file, a config file, the go
// command's environment, the salt, the run loads export data and
// analyses what changed; and a run with errors is never stored.
func TestRerunServedWhole(t *testing.T) {
	dir := writeModule(t)
	gomod := strings.Replace(module["go.mod"], "\nrequire ", "\nrequire golang.org/x/tools "+xtoolsVersion(t)+"\n\nrequire ", 1)
	testmodule.WriteFiles(t, dir, map[string]string{
		"go.mod": strings.ReplaceAll(gomod, "ROOT", root),
		"other/ast.go": `package other

import "golang.org/x/tools/go/ast/astutil"

var _ = astutil.Unparen
`,
		"top/top_test.go": `package top

import "testing"

func TestHandle(t *testing.T) { _ = Handle }
`,
		// Imports what blockingLeaf does: making it block changes only
		// what a file holds.
		"leaf/leaf.go": `package leaf

import "time"

// Work does some work.
func Work(n int) int {
	_ = time.Second
	return n * 2
}
`,
	})
	ch, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	opts := driver.Options{Dir: dir, Patterns: []string{"./..."}, Tests: true, Cache: ch, Salt: "test", DirKey: config.Fingerprint}
	run := func(what string, rerun bool) (*driver.Result, []string) {
		t.Helper()
		got, res, err := drivertest.Driver(opts)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if res.Rerun != rerun {
			t.Errorf("%s: served whole from the cache %v, want %v (analysed %v)", what, res.Rerun, rerun, res.Analysed)
		}
		return res, got
	}
	first, firstFound := run("first run", false)
	again, found := run("re-run", true)
	if !slices.Equal(found, firstFound) || !slices.Equal(again.Named, first.Named) || !reflect.DeepEqual(again.Names, first.Names) || !reflect.DeepEqual(again.Imports, first.Imports) {
		t.Errorf("the re-run says\n%+v\n%v\nwant what the first run said\n%+v\n%v", again, found, first, firstFound)
	}

	undo := makeLeafBlock(t, dir)
	_, edited := run("after making leaf.Work block", false)
	if _, found := run("re-run after the edit", true); len(edited) != 1 || !slices.Equal(found, edited) {
		t.Errorf("after making leaf.Work block: findings %v, then %v on the re-run; want one, twice", edited, found)
	}
	undo()
	// The file looks changed: go list compiles, and the cache holds
	// every package's findings.
	if res, found := run("after undoing the edit", false); len(res.Analysed) != 0 || !slices.Equal(found, firstFound) {
		t.Errorf("after undoing the edit: analysed %v, findings %v; want nothing analysed and the first run's findings %v", res.Analysed, found, firstFound)
	}
	run("re-run after undoing the edit", true)

	testmodule.WriteFiles(t, dir, map[string]string{"other/more.go": "package other\n\nvar More = 1\n"})
	run("after adding a file", false)
	testmodule.WriteFiles(t, dir, map[string]string{"top/.futurelint.json": "{}\n"})
	run("after adding a config file", false)
	run("re-run with the config file", true)
	opts.Env = append(os.Environ(), "GOFLAGS=-tags=other")
	run("with other build flags", false)
	run("re-run with other build flags", true)
	opts.Env = nil
	opts.Salt = "other"
	run("with another salt", false)

	if err := os.WriteFile(filepath.Join(dir, "mid", "mid.go"), []byte("package mid\n\nfunc Step(n int) int { return \"no\" }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, what := range []string{"with a package that does not build", "again"} {
		res, err := driver.Run(opts)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(res.Errors) == 0 || res.Rerun {
			t.Errorf("%s: errors %q, served whole from the cache %v; want errors, not from the cache", what, res.Errors, res.Rerun)
		}
	}
}

// xtoolsVersion is the version of golang.org/x/tools futurelint requires:
// it is in the module cache, and in go.sum.
func xtoolsVersion(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}
