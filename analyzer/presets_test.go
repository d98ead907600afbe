package analyzer_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// presetsDir is the nested module of programs using the real libraries the
// presets describe, at the versions they were checked against.
func presetsDir(t *testing.T) string {
	return filepath.Join(testmodule.Dir(t), "presets")
}

// wants returns the "// want" expectations of pkgs, by "file.go:line", as
// analysistest writes them: one or more quoted regular expressions.
func wants(t *testing.T, pkgs []*packages.Package) map[string][]*regexp.Regexp {
	t.Helper()
	out := map[string][]*regexp.Regexp{}
	for _, pkg := range pkgs {
		for _, f := range pkg.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					rest, ok := strings.CutPrefix(c.Text, "// want ")
					if !ok {
						continue
					}
					at := posKey(pkg.Fset.Position(c.Slash))
					for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
						q, err := strconv.QuotedPrefix(rest)
						if err != nil {
							t.Fatalf("%s: bad want %q", at, c.Text)
						}
						s, _ := strconv.Unquote(q)
						out[at] = append(out[at], regexp.MustCompile(s))
						rest = rest[len(q):]
					}
				}
			}
		}
	}
	return out
}

func posKey(p token.Position) string {
	return fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename), p.Line)
}

// TestPresets runs the whole suite over the presets' programs and checks
// the findings against their want comments: every want is found, in the
// library's words, and nothing else is reported (the documented correct
// patterns stay quiet).
func TestPresets(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	pkgs, found := testmodule.AnalyzeIn(t, presetsDir(t), analyzer.Analyzers(), "./protoactor", "./gnet", "./gojaloop")
	if n := checkWants(t, pkgs, found); n < 13 {
		t.Fatalf("only %d want lines in the presets' programs", n)
	}
}

// checkWants checks findings against the want comments of pkgs: every
// want is found, and nothing else. It returns the number of want lines.
func checkWants(t *testing.T, pkgs []*packages.Package, found []testmodule.Finding) int {
	t.Helper()
	want := wants(t, pkgs)
	matched := map[string][]bool{}
	for at, res := range want {
		matched[at] = make([]bool, len(res))
	}
	var unexpected []string
	for _, d := range found {
		at := posKey(d.Package.Fset.Position(d.Pos))
		ok := false
		for i, re := range want[at] {
			if !matched[at][i] && re.MatchString(d.Message) {
				matched[at][i], ok = true, true
				break
			}
		}
		if !ok {
			unexpected = append(unexpected, fmt.Sprintf("%s: %s: %s", at, d.Analyzer, d.Message))
		}
	}
	slices.Sort(unexpected)
	for _, u := range unexpected {
		t.Errorf("unexpected finding %s", u)
	}
	for at, res := range want {
		for i, re := range res {
			if !matched[at][i] {
				t.Errorf("%s: no finding matching %q", at, re)
			}
		}
	}
	return len(want)
}

// TestPresetsOffLoop runs the whole suite over the offloop programs:
// code known to run off the loop (a go statement's body, a time.AfterFunc
// callback) that calls a loop-only method (gnet's Conn.Write, Flush,
// SetContext; a Fyne widget's SetText, Hide) or uses a value bound to a
// loop (the *goja.Runtime of a loop callback, captured by a goroutine) is
// reported in the library's words, and nothing else is (the hand-backs
// beside them stay quiet).
func TestPresetsOffLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	t.Setenv("CGO_ENABLED", "0") // Fyne's widgets type-check without cgo; its app package does not
	pkgs, found := testmodule.AnalyzeIn(t, presetsDir(t), analyzer.Analyzers(), "./gnet/offloop", "./gojaloop/offloop", "./fyne/offloop", "./bubbletea/offloop")
	if n := checkWants(t, pkgs, found); n < 6 {
		t.Errorf("only %d want lines in the offloop programs", n)
	}
}
