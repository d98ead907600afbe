package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// The witness chain of a finding in ./chain, as related positions: the two
// calls in the package down to the wait, and, for the call into another
// package, its steps there at the call.
var chains = map[string][]string{
	"chain/chain.go:12:2": {"chain/chain.go:16:40: calls settle", "chain/chain.go:20:10: calls (*futures.Future).Result"},
	"chain/chain.go:25:8": {"chain/chain.go:25:13: calls settle at store.go:7, which calls time.Sleep at store.go:9"},
}

// TestChainText checks the text output prints each finding's chain under
// it, one indented line per position, and keeps the chain out of the
// finding's own line.
func TestChainText(t *testing.T) {
	r := futurelint(t, testdata, "./chain")
	if r.code != 3 {
		t.Fatalf("futurelint ./chain: exit status %d, want 3\n%s", r.code, r.stderr)
	}
	got := map[string][]string{}
	var last string
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if rest, ok := strings.CutPrefix(line, "\t"); ok {
			if last == "" {
				t.Fatalf("an indented line before any finding: %q", line)
			}
			got[last] = append(got[last], relLine(t, rest))
			continue
		}
		m := diagLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not a finding: %q", line)
		}
		last = rel(t, testdata, m[1]) + ":" + m[2] + ":" + m[3]
		got[last] = []string{}
		if strings.Contains(m[5], " at ") || strings.Contains(m[5], "calls") {
			t.Errorf("%s: the message %q carries the chain", last, m[5])
		}
	}
	checkChains(t, "text", got)
}

// TestChainJSON checks -json and -sarif carry the chain as related
// positions, and SARIF as a code flow from the finding through them.
func TestChainJSON(t *testing.T) {
	var tree map[string]map[string][]struct {
		Posn    string
		Related []struct{ Posn, Message string }
	}
	if err := json.Unmarshal([]byte(futurelint(t, testdata, "-json", "./chain").stdout), &tree); err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, rules := range tree {
		for _, ds := range rules {
			for _, d := range ds {
				k := strings.TrimSuffix(relLine(t, d.Posn+": "), ": ")
				got[k] = []string{}
				for _, r := range d.Related {
					got[k] = append(got[k], relLine(t, r.Posn+": "+r.Message))
				}
			}
		}
	}
	checkChains(t, "-json", got)

	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct{ URI string }
			Region           struct{ StartLine, StartColumn int }
		}
		Message struct{ Text string }
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Message          struct{ Text string }
				Locations        []location
				RelatedLocations []location
				CodeFlows        []struct {
					ThreadFlows []struct {
						Locations []struct{ Location location }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(futurelint(t, testdata, "-sarif", "./chain").stdout), &log); err != nil {
		t.Fatal(err)
	}
	at := func(l location) string {
		p := l.PhysicalLocation
		return p.ArtifactLocation.URI + ":" + itoa(p.Region.StartLine) + ":" + itoa(p.Region.StartColumn)
	}
	got = map[string][]string{}
	for _, res := range log.Runs[0].Results {
		k := at(res.Locations[0])
		got[k] = []string{}
		for _, r := range res.RelatedLocations {
			got[k] = append(got[k], at(r)+": "+r.Message.Text)
		}
		if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 {
			t.Errorf("SARIF %s: %d code flows, want one with one thread flow", k, len(res.CodeFlows))
			continue
		}
		var flow []string
		for _, l := range res.CodeFlows[0].ThreadFlows[0].Locations {
			flow = append(flow, at(l.Location)+": "+l.Location.Message.Text)
		}
		want := append([]string{k + ": " + res.Message.Text}, got[k]...)
		if strings.Join(flow, "\n") != strings.Join(want, "\n") {
			t.Errorf("SARIF %s: code flow\n%s\nwant the finding, then its related locations:\n%s", k, strings.Join(flow, "\n"), strings.Join(want, "\n"))
		}
	}
	checkChains(t, "-sarif", got)
}

func checkChains(t *testing.T, how string, got map[string][]string) {
	t.Helper()
	for pos, want := range chains {
		if strings.Join(got[pos], "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: %s: related\n%s\nwant\n%s", how, pos, strings.Join(got[pos], "\n"), strings.Join(want, "\n"))
		}
	}
	if len(got) != len(chains) {
		t.Errorf("%s: findings at %v, want %d", how, got, len(chains))
	}
}

// relLine makes the file name that starts "file:line:col: message"
// relative to testdata.
func relLine(t *testing.T, line string) string {
	t.Helper()
	m := regexp.MustCompile(`^(\S+\.go)(:\d+:\d+: .*)$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no position in %q", line)
	}
	return rel(t, testdata, m[1]) + m[2]
}
