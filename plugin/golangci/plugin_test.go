package golangci

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
)

func names(as []*analysis.Analyzer) []string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return ns
}

// build runs the registered plugin's constructor on settings as
// golangci-lint hands them over (decoded YAML).
func build(t *testing.T, settings any) ([]string, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("futurelint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	return names(as), nil
}

func TestSettingsChooseRules(t *testing.T) {
	if len(analyzer.Rules) == 0 {
		t.Fatal("the suite has no rules")
	}
	all := names(analyzer.Analyzers())
	first := analyzer.Rules[0]
	rest := all[1:]
	for _, tc := range []struct {
		name     string
		settings any
		want     []string
	}{
		{"no settings block", nil, all},
		{"empty settings", map[string]any{}, all},
		{"enable by name", map[string]any{"enable": []any{first.Analyzer.Name}}, []string{first.Analyzer.Name}},
		{"enable by ID", map[string]any{"enable": []any{first.ID}}, []string{first.Analyzer.Name}},
		{"disable by name", map[string]any{"disable": []any{first.Analyzer.Name}}, rest},
		{"disable by ID, lower case", map[string]any{"disable": []any{strings.ToLower(first.ID)}}, rest},
		{"enable all, disable one", map[string]any{"enable": anys(all), "disable": []any{first.Analyzer.Name}}, rest},
	} {
		if len(tc.want) == 0 {
			continue // a one-rule suite cannot leave some rules out
		}
		got, err := build(t, tc.settings)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: rules %v, want %v", tc.name, got, tc.want)
		}
	}
}

func anys(ss []string) []any {
	var as []any
	for _, s := range ss {
		as = append(as, s)
	}
	return as
}

func TestBadSettingsAreErrors(t *testing.T) {
	if len(analyzer.Rules) == 0 {
		t.Fatal("the suite has no rules")
	}
	for _, tc := range []struct {
		name     string
		settings any
		want     string
	}{
		{"unknown key", map[string]any{"enabled": []any{"loopblock"}}, `unknown field "enabled"`},
		{"unknown rule", map[string]any{"enable": []any{"loopblok"}}, `enable: unknown rule "loopblok"`},
		{"unknown rule in disable", map[string]any{"disable": []any{"FL999"}}, `disable: unknown rule "FL999"`},
		{"not a list", map[string]any{"enable": "loopblock"}, "cannot unmarshal"},
		{"unknown preset", map[string]any{"disable-presets": []any{"protoactr"}}, `disable-presets: unknown preset "protoactr"`},
		{"nothing left", map[string]any{"disable": anys(names(analyzer.Analyzers()))}, "no rule enabled"},
	} {
		got, err := build(t, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got (%v, %v), want an error containing %q", tc.name, got, err, tc.want)
		}
	}
}
