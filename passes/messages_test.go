package passes_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// message is one finding's main message, with the rule that reported it
// and where.
type message struct {
	rule, at, text string
}

// specMessages runs each rule over its spec, testdata/<rule>/..., as the
// rule's own tests do, and returns the messages it reports.
func specMessages(t *testing.T) []message {
	var out []message
	for _, r := range analyzer.Rules {
		out = append(out, collect(t, testmodule.Dir(t), []*analysis.Analyzer{r.Analyzer}, "./"+r.Analyzer.Name+"/...")...)
	}
	return out
}

// presetMessages runs the suite over the presets' programs, which use the
// real libraries, with the environment each needs to type-check.
func presetMessages(t *testing.T) []message {
	dir := filepath.Join(testmodule.Dir(t), "presets")
	var out []message
	for _, p := range []struct {
		pattern string
		env     []string
	}{
		{"./protoactor/...", nil},
		{"./gnet/...", nil},
		{"./gojaloop/...", nil},
		{"./tview/...", nil},
		{"./bubbletea/...", nil},
		{"./fyne/...", []string{"CGO_ENABLED", "0"}},
		{"./fixes/...", []string{"CGO_ENABLED", "0"}},
		{"./wasm/...", []string{"GOOS", "js", "GOARCH", "wasm"}},
	} {
		t.Run(p.pattern, func(t *testing.T) {
			for i := 0; i < len(p.env); i += 2 {
				t.Setenv(p.env[i], p.env[i+1])
			}
			out = append(out, collect(t, dir, analyzer.Analyzers(), p.pattern)...)
		})
	}
	return out
}

func collect(t *testing.T, dir string, analyzers []*analysis.Analyzer, pattern string) []message {
	_, found := testmodule.AnalyzeIn(t, dir, analyzers, pattern)
	var out []message
	for _, f := range found {
		out = append(out, message{f.Analyzer, f.Package.Fset.Position(f.Pos).String(), f.Message})
	}
	return out
}

func median(ms []message) int {
	n := make([]int, len(ms))
	for i, m := range ms {
		n[i] = len(m.text)
	}
	sort.Ints(n)
	if len(n) == 0 {
		return 0
	}
	return n[len(n)/2]
}

func TestDumpMessages(t *testing.T) {
	ms := append(specMessages(t), presetMessages(t)...)
	f, _ := os.Create(os.Getenv("DUMP"))
	for _, m := range ms {
		f.WriteString(m.rule + "\t" + m.at + "\t" + m.text + "\n")
	}
	f.Close()
	t.Logf("%d messages, median %d", len(ms), median(ms))
}
