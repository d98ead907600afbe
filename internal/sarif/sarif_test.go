package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/sarif/sariftest"
)

var rules = []Rule{
	{ID: "FL001", Name: "loopblock", Doc: "blocking operation in event-loop code\n\nMore text.", URL: "https://example.com/rules#loopblock"},
	{ID: "FL002", Name: "selfsubmit", Doc: "thread-safe submit back to the current loop", URL: "https://example.com/rules#selfsubmit"},
}

// testLog writes a source file with a non-ASCII line and returns a log of
// findings in it: a warning with a fix and a related location (and so a
// code flow), an error,
// and one in a file outside the root. It also returns the byte offset of
// the fix's edit.
func testLog(t *testing.T) (*Log, int) {
	t.Helper()
	root := t.TempDir()
	src := filepath.Join(root, "pkg", "a.go")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "package a\n\n// héllo wörld\nvar s = \"日本\"; var x = f()\n"
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// "var x" on line 4 starts after `var s = "日本"; `: at byte column 19,
	// UTF-16 column 15 (日 and 本 are 3 bytes, 1 UTF-16 unit each).
	line4 := strings.Index(text, "var s")
	xcol := strings.Index(text[line4:], "var x") + 1
	if xcol != 19 {
		t.Fatalf("test source: column %d, want 19", xcol)
	}
	fixOff := line4 + xcol - 1
	pos := func(file string, line, col, off int) driver.Position {
		return driver.Position{Filename: file, Line: line, Column: col, Offset: off}
	}
	ds := []driver.Diagnostic{
		{
			Analyzer: "loopblock", Category: "warning", Message: "x blocks",
			Pos: pos(src, 4, xcol, fixOff), End: pos(src, 4, xcol+9, fixOff+9),
			Fixes:   []driver.Fix{{Message: "do y", Edits: []driver.Edit{{Filename: src, Start: fixOff, End: fixOff + 3, New: "const"}}}},
			Related: []driver.Related{{Message: "blocks here", Pos: pos(src, 3, 1, 11), End: pos(src, 3, 5, 15)}},
		},
		{Analyzer: "selfsubmit", Category: "error", Message: "deadlock", Pos: pos(src, 1, 1, 0), End: pos(src, 1, 8, 7)},
		{Analyzer: "loopblock", Category: "warning", Message: "elsewhere", Pos: pos("/elsewhere/b.go", 2, 3, 20), End: pos("/elsewhere/b.go", 2, 3, 20)},
	}
	return New("futurelint", "v1.2.3", "https://example.com", rules, ds, root), fixOff
}

func TestLog(t *testing.T) {
	log, fixOff := testLog(t)
	run := log.Runs[0]
	if log.Version != "2.1.0" || len(run.Tool.Driver.Rules) != 2 || run.Tool.Driver.Rules[1].ID != "FL002" ||
		run.Tool.Driver.Rules[0].ShortDescription.Text != "blocking operation in event-loop code" ||
		run.Tool.Driver.Rules[0].HelpURI != "https://example.com/rules#loopblock" {
		t.Errorf("tool: %+v", run.Tool.Driver)
	}
	if len(run.Results) != 3 {
		t.Fatalf("%d results, want 3", len(run.Results))
	}
	r0, r1, r2 := run.Results[0], run.Results[1], run.Results[2]
	if r0.RuleID != "FL001" || r0.RuleIndex != 0 || r0.Level != "warning" || r1.RuleID != "FL002" || r1.RuleIndex != 1 || r1.Level != "error" {
		t.Errorf("rules and levels: %s/%d/%s, %s/%d/%s", r0.RuleID, r0.RuleIndex, r0.Level, r1.RuleID, r1.RuleIndex, r1.Level)
	}
	loc := r0.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "pkg/a.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact %+v, want pkg/a.go relative to %%SRCROOT%%", loc.ArtifactLocation)
	}
	if loc.Region.StartLine != 4 || loc.Region.StartColumn != 15 || loc.Region.EndColumn != 24 {
		t.Errorf("region %+v, want line 4, UTF-16 columns 15 to 24", loc.Region)
	}
	if len(r0.Fixes) != 1 {
		t.Fatalf("fixes %+v", r0.Fixes)
	}
	rep := r0.Fixes[0].ArtifactChanges[0].Replacements[0]
	if *rep.DeletedRegion.ByteOffset != fixOff || *rep.DeletedRegion.ByteLength != 3 || rep.InsertedContent.Text != "const" {
		t.Errorf("replacement %+v %+v", rep.DeletedRegion, rep.InsertedContent)
	}
	if len(r0.RelatedLocations) != 1 || r0.RelatedLocations[0].Message.Text != "blocks here" {
		t.Errorf("related %+v", r0.RelatedLocations)
	}
	// The code flow goes from the finding through its related locations.
	if len(r0.CodeFlows) != 1 || len(r0.CodeFlows[0].ThreadFlows) != 1 {
		t.Fatalf("code flows %+v, want one with one thread flow", r0.CodeFlows)
	}
	flow := r0.CodeFlows[0].ThreadFlows[0].Locations
	if len(flow) != 2 || flow[0].Location.Message.Text != "x blocks" || flow[0].Location.PhysicalLocation.Region != loc.Region ||
		flow[1].Location.Message.Text != "blocks here" || flow[1].Location.PhysicalLocation.Region != r0.RelatedLocations[0].PhysicalLocation.Region {
		t.Errorf("code flow %+v, want the finding, then the related location", flow)
	}
	if r1.CodeFlows != nil {
		t.Errorf("a finding without related locations has code flows %+v", r1.CodeFlows)
	}
	if u := r2.Locations[0].PhysicalLocation.ArtifactLocation; u.URI != "file:///elsewhere/b.go" || u.URIBaseID != "" {
		t.Errorf("a file outside the root: %+v, want an absolute file URI", u)
	}
}

// TestSchema validates the log against the SARIF 2.1.0 schema, and checks
// the validator rejects a log that breaks it.
func TestSchema(t *testing.T) {
	log, _ := testLog(t)
	var b bytes.Buffer
	if err := log.Write(&b); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.sarif")
	if err := os.WriteFile(good, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var broken map[string]any
	if err := json.Unmarshal(b.Bytes(), &broken); err != nil {
		t.Fatal(err)
	}
	broken["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)["level"] = "severe"
	data, _ := json.Marshal(broken)
	bad := filepath.Join(dir, "bad.sarif")
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := sariftest.Validate(filepath.Join("testdata", "validate"), good); err != nil {
		t.Errorf("the log is not valid SARIF 2.1.0:\n%v\n%s", err, b.String())
	}
	if err := sariftest.Validate(filepath.Join("testdata", "validate"), bad); err == nil || !strings.Contains(err.Error(), "level") {
		t.Errorf("the validator accepted a result with level \"severe\" (err %v)", err)
	}
}
