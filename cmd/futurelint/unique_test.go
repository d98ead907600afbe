package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// appTest is a test file for tmpModule's app package: with it, app is
// analysed twice, as tmp/app and tmp/app [tmp/app.test].
const appTest = "package app\n\nimport \"testing\"\n\nfunc TestHandle(t *testing.T) {}\n"

// TestEachFindingOnce checks a finding in a package analysed with and
// without its tests (tmp/app and tmp/app [tmp/app.test]) is listed once
// by every output: text, -json (under the package itself) and -sarif.
func TestEachFindingOnce(t *testing.T) {
	dir := tmpModule(t, map[string]string{
		".futurelint.json": goodConfig,
		"app/app_test.go":  appTest,
	})
	const want = "app/app.go:5: loopblock"

	r := futurelint(t, dir, "./...")
	if r.code != 3 || !slices.Equal(lines(r.stderr), []string{want}) {
		t.Errorf("futurelint ./...: exit status %d, findings %q, want 3 and [%s]\nstderr:\n%s", r.code, lines(r.stderr), want, r.stderr)
	}

	j := futurelint(t, dir, "-json", "./...")
	tree := parseJSON(t, j.stdout)
	var got []string
	for pkg, rules := range tree {
		for rule, ds := range rules {
			for _, d := range ds {
				got = append(got, pkg+" "+rule+" "+d.Posn[strings.LastIndex(d.Posn, "app/"):])
			}
		}
	}
	if j.code != 0 || !slices.Equal(got, []string{"tmp/app loopblock app/app.go:5:57"}) {
		t.Errorf("futurelint -json ./...: exit status %d, findings %q, want 0 and one loopblock finding of tmp/app\n%s", j.code, got, j.stdout)
	}

	s := futurelint(t, dir, "-sarif", "./...")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(s.stdout), &log); err != nil {
		t.Fatalf("futurelint -sarif: %v\n%s", err, s.stdout)
	}
	got = nil
	for _, run := range log.Runs {
		for _, res := range run.Results {
			for _, l := range res.Locations {
				got = append(got, res.RuleID+" "+l.PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
	if s.code != 0 || !slices.Equal(got, []string{"FL001 app/app.go"}) {
		t.Errorf("futurelint -sarif ./...: exit status %d, results %q, want 0 and one FL001 result in app/app.go\n%s", s.code, got, s.stdout)
	}
}
