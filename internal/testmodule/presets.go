package testmodule

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// PresetsDir returns the absolute path of testdata/presets, the nested
// module that requires the real libraries the presets describe.
func PresetsDir(t testing.TB) string { return filepath.Join(Dir(t), "presets") }

// AnalyzePresets loads patterns of testdata/presets with cgo off and env
// added to the environment (GOOS=js GOARCH=wasm for syscall/js code), and
// runs analyzers on them together, failing t on any load or analysis error.
func AnalyzePresets(t testing.TB, env []string, analyzers []*analysis.Analyzer, patterns ...string) ([]*packages.Package, []Finding) {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  PresetsDir(t),
		Env:  append(os.Environ(), append([]string{"GOWORK=off", "CGO_ENABLED=0"}, env...)...),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata/presets does not load")
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var found []Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			found = append(found, Finding{act.Analyzer.Name, act.Package, d})
		}
	}
	return pkgs, found
}

// CheckWants checks findings against the `// want "regexp" ...` comments
// of the packages' files, as analysistest does for one analyzer: every
// expectation is matched by a finding on its line, and every finding
// matches an expectation of its line. It returns the findings, rendered
// "file.go:12: analyzer: message", for tests that look further.
func CheckWants(t testing.TB, pkgs []*packages.Package, found []Finding) []string {
	t.Helper()
	type want struct {
		re      *regexp.Regexp
		matched bool
	}
	wants := map[string][]*want{} // "file:line"
	for _, pkg := range pkgs {
		for _, f := range pkg.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					rest, ok := strings.CutPrefix(c.Text, "// want ")
					if !ok {
						continue
					}
					p := pkg.Fset.Position(c.Slash)
					at := fmt.Sprintf("%s:%d", p.Filename, p.Line)
					for _, q := range quoted(t, at, rest) {
						re, err := regexp.Compile(q)
						if err != nil {
							t.Fatalf("%s: %v", at, err)
						}
						wants[at] = append(wants[at], &want{re: re})
					}
				}
			}
		}
	}
	var out []string
	for _, f := range found {
		p := f.Package.Fset.Position(f.Pos)
		at := fmt.Sprintf("%s:%d", p.Filename, p.Line)
		out = append(out, fmt.Sprintf("%s:%d: %s: %s", filepath.Base(p.Filename), p.Line, f.Analyzer, f.Message))
		ok := false
		for _, w := range wants[at] {
			if !w.matched && w.re.MatchString(f.Message) {
				w.matched, ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("%s:%d: unexpected finding of %s: %s", filepath.Base(p.Filename), p.Line, f.Analyzer, f.Message)
		}
	}
	for at, ws := range wants {
		for _, w := range ws {
			if !w.matched {
				t.Errorf("%s: no finding matching %q", filepath.Base(at), w.re)
			}
		}
	}
	return out
}

// quoted returns the Go string literals of a want comment's text.
func quoted(t testing.TB, at, s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		end := -1
		switch s[0] {
		case '`':
			end = strings.IndexByte(s[1:], '`') + 1
		case '"':
			for i := 1; i < len(s); i++ {
				if s[i] == '\\' {
					i++
				} else if s[i] == '"' {
					end = i
					break
				}
			}
		}
		if end <= 0 {
			t.Fatalf("%s: malformed want: %s", at, s)
		}
		q, err := strconv.Unquote(s[:end+1])
		if err != nil {
			t.Fatalf("%s: malformed want: %v", at, err)
		}
		out = append(out, q)
		s = s[end+1:]
	}
	return out
}
