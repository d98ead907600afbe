package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/sarif/sariftest"
)

// TestSARIF checks -sarif prints a valid SARIF 2.1.0 log of the same
// findings as the text output: rule IDs, levels from severity, help URIs
// and the suggested fixes.
func TestSARIF(t *testing.T) {
	want := golden(t)
	r := futurelint(t, testdata, "-sarif", "./app")
	if r.code != 0 {
		t.Fatalf("futurelint -sarif ./app: exit status %d, want 0 (findings are data)\n%s", r.code, r.stderr)
	}
	file := filepath.Join(t.TempDir(), "app.sarif")
	if err := os.WriteFile(file, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(filepath.Join("..", "..", "internal", "sarif", "testdata", "validate"), file); err != nil {
		t.Errorf("futurelint -sarif ./app is not a valid SARIF 2.1.0 log:\n%v", err)
	}

	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID, Name, HelpURI string
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Fixes []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "futurelint" {
		t.Fatalf("log version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	ids := map[string]string{} // analyzer name -> ID
	for i, rule := range analyzer.Rules {
		got := run.Tool.Driver.Rules[i]
		if got.ID != rule.ID || got.Name != rule.Analyzer.Name || got.HelpURI != rule.Analyzer.URL {
			t.Errorf("rule %d: %+v, want %s %s %s", i, got, rule.ID, rule.Analyzer.Name, rule.Analyzer.URL)
		}
		ids[rule.Analyzer.Name] = rule.ID
	}

	// Severity and fixes as -json reports them.
	type key struct{ pos, rule string }
	levels, fixes := map[key]string{}, map[key]int{}
	for _, rules := range parseJSON(t, futurelint(t, testdata, "-json", "./app").stdout) {
		for rule, ds := range rules {
			for _, d := range ds {
				k := key{rel(t, testdata, d.Posn), ids[rule]}
				levels[k] = "warning"
				if strings.HasPrefix(d.Message, rule+" (error): ") {
					levels[k] = "error"
				}
				fixes[k] = len(d.SuggestedFixes)
			}
		}
	}
	var got []finding
	sawError := false
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		pos := loc.ArtifactLocation.URI + ":" + itoa(loc.Region.StartLine) + ":" + itoa(loc.Region.StartColumn)
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: not relative to %%SRCROOT%%", pos)
		}
		name := run.Tool.Driver.Rules[res.RuleIndex].Name
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %d is not rule %s", pos, res.RuleIndex, res.RuleID)
		}
		got = append(got, finding{pos, name})
		k := key{pos, res.RuleID}
		if lv, ok := levels[k]; !ok || lv != res.Level {
			t.Errorf("%s %s: level %q, want %q (from -json)", pos, res.RuleID, res.Level, lv)
		}
		if len(res.Fixes) != fixes[k] {
			t.Errorf("%s %s: %d fixes, want %d (from -json)", pos, res.RuleID, len(res.Fixes), fixes[k])
		}
		sawError = sawError || res.Level == "error"
		if strings.HasPrefix(res.Message.Text, name+":") {
			t.Errorf("%s: the message repeats the rule name: %q", pos, res.Message.Text)
		}
	}
	sortFindings(got)
	if d := diff(got, want); d != "" {
		t.Errorf("SARIF results differ from findings.golden:\n%s", d)
	}
	if !sawError {
		t.Error("no result has level error, though ./app has a deadlock")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
