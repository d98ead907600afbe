package main

import (
	"strings"
	"testing"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/roles"
)

// generic is text of x/tools' multichecker and analysisflags help and
// usage, which speaks of analysis tools in general (a Printf example,
// strings.SplitSeq, go fix -fixtool) and of "analyzers", not of futurelint.
var generic = []string{
	"is a tool for static analysis of Go programs",
	"examines Go source code",
	"Printf",
	"SplitSeq",
	"fixtool",
	"go fix",
	"Registered analyzers",
	"analyzers of the first kind",
	"Core flags",
	"[-flag] [package]",
	"details and flags of a specific analyzer",
	"no effect (deprecated)",
	"debug flags",
	"enable \"",
}

func checkOwnText(t *testing.T, what, text string) {
	t.Helper()
	for _, g := range generic {
		if strings.Contains(text, g) {
			t.Errorf("%s shows the multichecker's generic text %q:\n%s", what, g, text)
		}
	}
	if !strings.Contains(text, "futurelint") {
		t.Errorf("%s does not speak of futurelint:\n%s", what, text)
	}
}

// TestHelpSpeaksOfFuturelint checks every help and usage text is
// futurelint's own: what it reports, its rules and flags, how to run it.
func TestHelpSpeaksOfFuturelint(t *testing.T) {
	requireRules(t)
	for _, args := range [][]string{{"help"}, {"-h"}, {"-help"}, {"--help"}, {"-json", "-h"}} {
		r := futurelint(t, testdata, args...)
		what := "futurelint " + strings.Join(args, " ")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: exit status %d, stderr %q; want 0 and nothing", what, r.code, r.stderr)
		}
		checkOwnText(t, what, r.stdout)
		for _, want := range []string{"futurelint [flags] packages...", "go vet -vettool=$(which futurelint)", "futurelint help <rule>",
			"-json", "-sarif", "-fix", "-diff", "-test", "-cache", "-disable-presets", "Exit status", "//futurelint:ignore"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s does not mention %q:\n%s", what, want, r.stdout)
			}
		}
		for _, rule := range analyzer.Rules {
			if !strings.Contains(r.stdout, rule.ID) || !strings.Contains(r.stdout, rule.Analyzer.Name) {
				t.Errorf("%s does not list %s %s", what, rule.ID, rule.Analyzer.Name)
			}
		}
	}
	for _, rule := range analyzer.Rules {
		r := futurelint(t, testdata, "help", rule.Analyzer.Name)
		checkOwnText(t, "futurelint help "+rule.Analyzer.Name, r.stdout+r.stderr)
	}
	// Bad command lines, in the standalone path and in the go vet
	// protocol's (which the multichecker parses), say what is wrong and
	// point to futurelint's help, nothing generic.
	for _, args := range [][]string{
		{"-nosuchflag", "./app"},
		{"-c=many", "./app"},
		{},
		{"help", "nosuchrule"},
		{"-fix"},
		{"-V=short"},
		{"-nosuchflag", "-V=full"},
		{"-nosuchflag", "unit.cfg"},
	} {
		r := futurelint(t, testdata, args...)
		what := "futurelint " + strings.Join(args, " ")
		if r.code != 1 {
			t.Errorf("%s: exit status %d, want 1", what, r.code)
		}
		checkOwnText(t, what, r.stdout+r.stderr)
	}
}

// TestHelpPresets checks that help presets lists every preset with its
// library, the version its rows were checked against and an example.
func TestHelpPresets(t *testing.T) {
	var out, errs strings.Builder
	if code := help(&out, &errs, analyzer.Rules, []string{"presets"}); code != 0 || errs.Len() > 0 {
		t.Fatalf("help presets: exit %d, stderr %q", code, errs.String())
	}
	text := out.String()
	checkOwnText(t, "help presets", text)
	if !strings.Contains(text, "-disable-presets") {
		t.Errorf("help presets does not say how to turn one off:\n%s", text)
	}
	presets := roles.Presets()
	if len(presets) < 3 {
		t.Fatalf("only %d presets", len(presets))
	}
	for _, p := range presets {
		line := p.Name + "\t" + p.Paths[0] + ", checked against " + p.Version + "\n"
		if !strings.Contains(text, line) || !strings.Contains(text, "\te.g. "+p.Example+"\n") {
			t.Errorf("help presets lacks %s (%q and its example):\n%s", p.Name, line, text)
		}
	}
}
