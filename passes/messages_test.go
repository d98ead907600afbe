package passes_test

import (
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// maxMedian is the most the median main message may be long, in bytes: a
// message says what goes wrong and what to write instead, in a line; the
// why is in the rule's docs, and the chain of calls down to what blocks is
// the finding's related information.
const maxMedian = 120

// outcome matches what a message says goes wrong at run time.
var outcome = regexp.MustCompile(`block|deadlock|panics|race|lost|nested|needless|suspend|escapes|future of a future|off its loop|never returns|runs off`)

// TestMessagesFitALine runs each rule over its spec and the suite over the
// presets' programs (not with -short: they type-check the real libraries),
// and checks the findings' messages: their median length is at most
// maxMedian, each names the mistake and then, after "; ", what to write
// instead, and the advice of loopblock and selfsubmit is the words of the
// library whose loop the code runs on.
func TestMessagesFitALine(t *testing.T) {
	ms := specMessages(t)
	if !testing.Short() {
		ms = append(ms, presetMessages(t)...)
	}
	if len(ms) < 100 {
		t.Fatalf("%d messages, want the rules' specs' and the presets' findings", len(ms))
	}
	lens := make([]int, len(ms))
	for i, m := range ms {
		lens[i] = len(m.text)
	}
	slices.Sort(lens)
	median := lens[len(lens)/2]
	t.Logf("%d messages: median %d bytes, longest %d", len(ms), median, lens[len(lens)-1])
	if median > maxMedian {
		t.Errorf("median message %d bytes, want at most %d", median, maxMedian)
	}
	for _, m := range ms {
		mistake, fix, ok := strings.Cut(m.text, "; ")
		if !ok || fix == "" {
			t.Errorf("%s: %s: %q says no fix after \"; \"", m.at, m.rule, m.text)
			continue
		}
		if !outcome.MatchString(mistake) {
			t.Errorf("%s: %s: %q does not say what goes wrong", m.at, m.rule, mistake)
		}
		if m.rule != "loopblock" && m.rule != "selfsubmit" {
			continue
		}
		fix, _, _ = strings.Cut(fix, " (a "+engine.IgnoreDirective)
		if !slices.ContainsFunc(advice(m.libs), func(re *regexp.Regexp) bool { return re.MatchString(fix) }) {
			t.Errorf("%s: %s: the advice %q is none of the words of %v", m.at, m.rule, fix, libNames(m.libs))
		}
	}
}

// message is one finding's main message, with the rule that reported it,
// where, and the libraries whose words it may use.
type message struct {
	rule, at, text string
	libs           []*roles.Library
}

// specMessages runs each rule over its spec, testdata/<rule>/..., as the
// rule's own tests do, and returns the messages it reports. The specs use
// the runtime and loops described by users, in their words or generic ones.
func specMessages(t *testing.T) []message {
	var patterns []string
	for _, r := range analyzer.Rules {
		patterns = append(patterns, "./"+r.Analyzer.Name+"/...")
	}
	pkgs := testmodule.Load(t, patterns...) // once for all the specs
	var out []message
	for _, r := range analyzer.Rules {
		var spec []*packages.Package
		for _, p := range pkgs {
			if strings.HasPrefix(p.PkgPath, "futurelint.test/"+r.Analyzer.Name+"/") {
				spec = append(spec, p)
			}
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{r.Analyzer}, spec, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, act := range graph.Roots {
			if act.Err != nil {
				t.Fatalf("%s: %v", act, act.Err)
			}
			for _, d := range act.Diagnostics {
				out = append(out, message{r.Analyzer.Name, act.Package.Fset.Position(d.Pos).String(), d.Message, roles.Libraries()})
			}
		}
	}
	return out
}

// presetMessages runs the suite over the presets' programs, which use the
// real libraries, with the environment each needs to type-check; each
// program's findings are in its library's words.
func presetMessages(t *testing.T) []message {
	dir := filepath.Join(testmodule.Dir(t), "presets")
	var out []message
	for _, p := range []struct {
		pattern, lib string
		env          []string
	}{
		{"./protoactor/...", "protoactor", nil},
		{"./gnet/...", "gnet", nil},
		{"./gojaloop/...", "gojaloop", nil},
		{"./tview/...", "tview", nil},
		{"./bubbletea/...", "bubbletea", nil},
		{"./fyne/...", "fyne", []string{"CGO_ENABLED", "0"}},
		{"./fixes/...", "tview", []string{"CGO_ENABLED", "0"}},
		{"./wasm/...", "js", []string{"GOOS", "js", "GOARCH", "wasm"}},
	} {
		t.Run(p.pattern, func(t *testing.T) {
			for i := 0; i < len(p.env); i += 2 {
				t.Setenv(p.env[i], p.env[i+1])
			}
			var libs []*roles.Library
			for _, lib := range roles.Libraries() {
				if lib.Name == p.lib || p.pattern == "./fixes/..." && lib.Name == "fyne" {
					libs = append(libs, lib) // ./fixes has a tview and a Fyne program
				}
			}
			out = append(out, collect(t, dir, analyzer.Analyzers(), p.pattern, libs)...)
		})
	}
	return out
}

func collect(t *testing.T, dir string, analyzers []*analysis.Analyzer, pattern string, libs []*roles.Library) []message {
	_, found := testmodule.AnalyzeIn(t, dir, analyzers, pattern)
	var out []message
	for _, f := range found {
		out = append(out, message{f.Analyzer, f.Package.Fset.Position(f.Pos).String(), f.Message, libs})
	}
	return out
}

// advice returns the advice texts of libs' words, with generic ones where
// a library has none, as patterns in which a placeholder ({c}, {l}) stands
// for any text.
func advice(libs []*roles.Library) []*regexp.Regexp {
	var out []*regexp.Regexp
	add := func(s string) {
		if s == "" {
			return
		}
		quoted := regexp.QuoteMeta(s)
		out = append(out, regexp.MustCompile("^"+regexp.MustCompile(`\\\{\w+\\\}`).ReplaceAllString(quoted, ".+?")+"$"))
	}
	words := []roles.Words{roles.GenericWords}
	for _, lib := range libs {
		words = append(words, lib.Words.Or(roles.GenericWords))
	}
	for _, w := range words {
		v := reflect.ValueOf(w)
		for i := range v.NumField() {
			switch f := v.Field(i).Interface().(type) {
			case string:
				add(f)
			case roles.Advice:
				add(f.Coroutine)
				add(f.Callback)
			}
		}
	}
	return out
}

func libNames(libs []*roles.Library) []string {
	var names []string
	for _, lib := range libs {
		names = append(names, lib.Name)
	}
	return names
}
