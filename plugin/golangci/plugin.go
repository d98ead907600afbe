// Package golangci is futurelint's golangci-lint v2 module plugin.
//
// Build a golangci-lint that contains it with `golangci-lint custom` and a
// .custom-gcl.yml naming this package, then enable it in .golangci.yml:
//
//	linters:
//	  default: none
//	  enable:
//	    - futurelint
//	  settings:
//	    custom:
//	      futurelint:
//	        type: module
//	        settings:
//	          disable: [unwrapped]
//
// Settings choose the rules to run. `enable` lists the only rules to run;
// `disable` lists rules to leave out. Rules are named by analyzer name
// (loopblock) or ID (FL001). With neither, every rule runs.
// `disable-presets` lists presets (library rows) to leave out. An unknown
// key, rule or preset name is an error, so a typo never silently turns a
// rule off.
package golangci

import (
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

func init() {
	register.Plugin("futurelint", New)
}

// Settings is the `settings:` block of the plugin in .golangci.yml.
type Settings struct {
	Enable         []string `json:"enable"`
	Disable        []string `json:"disable"`
	DisablePresets []string `json:"disable-presets"`
}

// Plugin is the registered golangci-lint plugin.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New decodes the settings and chooses the rules; golangci-lint calls it once.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("futurelint: %w", err)
	}
	as, err := s.analyzers(analyzer.Rules)
	if err != nil {
		return nil, err
	}
	if err := engine.Configure(roles.Config{Disable: s.DisablePresets}); err != nil {
		return nil, fmt.Errorf("futurelint: settings: disable-presets: %w", err)
	}
	return &Plugin{analyzers: as}, nil
}

// BuildAnalyzers returns the chosen rules' analyzers, in ID order.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: every rule needs types and SSA.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// analyzers applies s to rules.
func (s Settings) analyzers(rules []analyzer.Rule) ([]*analysis.Analyzer, error) {
	enable, err := lookup(rules, "enable", s.Enable)
	if err != nil {
		return nil, err
	}
	disable, err := lookup(rules, "disable", s.Disable)
	if err != nil {
		return nil, err
	}
	var as []*analysis.Analyzer
	for i, r := range rules {
		if len(s.Enable) > 0 && !enable[i] || disable[i] {
			continue
		}
		as = append(as, r.Analyzer)
	}
	if len(as) == 0 {
		return nil, fmt.Errorf("futurelint: settings leave no rule enabled")
	}
	return as, nil
}

// lookup maps rule names or IDs to indexes of rules; key names the setting
// for the error message.
func lookup(rules []analyzer.Rule, key string, names []string) (map[int]bool, error) {
	set := map[int]bool{}
next:
	for _, n := range names {
		for i, r := range rules {
			if n == r.Analyzer.Name || strings.EqualFold(n, r.ID) {
				set[i] = true
				continue next
			}
		}
		return nil, fmt.Errorf("futurelint: settings: %s: unknown rule %q (known: %s)", key, n, known(rules))
	}
	return set, nil
}

func known(rules []analyzer.Rule) string {
	var names []string
	for _, r := range rules {
		names = append(names, r.Analyzer.Name+" ("+r.ID+")")
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
