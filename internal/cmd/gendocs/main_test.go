package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/analyzer"
)

const root = "../../.."

// TestRulesPageUpToDate fails when docs/rules.md does not match the rules'
// doc.go files.
func TestRulesPageUpToDate(t *testing.T) {
	docs, err := readDocs(root, analyzer.Rules)
	if err != nil {
		t.Fatal(err)
	}
	want := render(analyzer.Rules, docs)
	got, err := os.ReadFile(filepath.Join(root, output))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; regenerate it with `go generate ./...` (or `go run ./internal/cmd/gendocs`) from the repository root", output)
	}
	old, err := os.ReadFile(filepath.Join(root, readme))
	if err != nil {
		t.Fatal(err)
	}
	updated, err := spliceTable(old, table(analyzer.Rules, docs, output))
	if err != nil {
		t.Fatalf("%s: %v", readme, err)
	}
	if !bytes.Equal(old, updated) {
		t.Errorf("the rule table in %s is stale; regenerate it with `go generate ./...` (or `go run ./internal/cmd/gendocs`) from the repository root", readme)
	}
}

func TestSpliceTable(t *testing.T) {
	in := "intro\n" + tableBegin + "old\n" + tableEnd + "outro\n"
	got, err := spliceTable([]byte(in), []byte("new\n"))
	if want := "intro\n" + tableBegin + "new\n" + tableEnd + "outro\n"; err != nil || string(got) != want {
		t.Errorf("spliceTable = %q, %v; want %q", got, err, want)
	}
	if _, err := spliceTable([]byte("no markers\n"), nil); err == nil {
		t.Error("spliceTable accepted a README without the table markers")
	}
}

// TestEveryRuleHasItsAnchor checks the link in every diagnostic's URL
// lands on its rule's section of the page.
func TestEveryRuleHasItsAnchor(t *testing.T) {
	if len(analyzer.Rules) == 0 {
		t.Fatal("the suite has no rules")
	}
	docs, err := readDocs(root, analyzer.Rules)
	if err != nil {
		t.Fatal(err)
	}
	page := string(render(analyzer.Rules, docs))
	for _, r := range analyzer.Rules {
		a := r.Analyzer
		_, anchor, ok := strings.Cut(a.URL, "#")
		if !ok || anchor != a.Name {
			t.Errorf("%s: URL %q does not end in #%s", a.Name, a.URL, a.Name)
			continue
		}
		if !strings.Contains(page, `<a id="`+anchor+`"></a>`) {
			t.Errorf("%s: the page has no anchor %q", a.Name, anchor)
		}
		for _, part := range []string{"### Why it goes wrong", "### Before", "### After", "### Fix", "### Severity"} {
			if !strings.Contains(page, part) {
				t.Errorf("page lacks %q", part)
			}
		}
	}
}

// TestReadDocsRejectsForeignDoc checks the generator refuses a doc.go the
// analyzer was not built from: the page must describe the rule that runs.
func TestReadDocsRejectsForeignDoc(t *testing.T) {
	if len(analyzer.Rules) == 0 {
		t.Fatal("the suite has no rules")
	}
	dir := t.TempDir()
	r := analyzer.Rules[0]
	src, err := os.ReadFile(filepath.Join(root, "passes", r.Analyzer.Name, "doc.go"))
	if err != nil {
		t.Fatal(err)
	}
	title := "// " + r.Analyzer.Name + ": "
	changed := strings.Replace(string(src), title, title+"Edited: ", 1)
	if changed == string(src) {
		t.Fatalf("doc.go of %s has no %q line to edit", r.Analyzer.Name, title)
	}
	pdir := filepath.Join(dir, "passes", r.Analyzer.Name)
	if err := os.MkdirAll(pdir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pdir, "doc.go"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readDocs(dir, analyzer.Rules[:1]); err == nil {
		t.Error("readDocs accepted a doc.go that differs from the analyzer's documentation")
	}
}

func TestSeverityLevels(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Warning: it stalls. Error when it provably deadlocks: a nested Run. The message says so.", "warning; error when it provably deadlocks"},
		{"Warning: the race is certain, but harm depends on timing.", "warning"},
		{"Error, always.", "error"},
		{"Informational only.", "Informational only."},
	} {
		if got := severityLevels(tc.in); got != tc.want {
			t.Errorf("severityLevels(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
