package ruledoc

import (
	"strings"
	"testing"
)

const good = `// Package demo reports demos.
//
// # Analyzer demo
//
// demo: a demo on the loop
//
// It flags demos.
//
// # Why it goes wrong
//
// Demos stall.
//
// # Before
//
//	demo()
//
// # After
//
//	if x {
//		undemo()
//	}
//
// # Fix
//
// Call undemo.
//
// # Severity
//
// warning
package demo
`

func TestParse(t *testing.T) {
	d, err := Parse(good, "demo")
	if err != nil {
		t.Fatal(err)
	}
	want := Doc{Name: "demo", Title: "a demo on the loop", Flags: "It flags demos.", Why: "Demos stall.",
		Before: "demo()", After: "if x {\n\tundemo()\n}", Fix: "Call undemo.", Severity: "warning"}
	if *d != want {
		t.Errorf("Parse =\n%#v\nwant\n%#v", *d, want)
	}
	if got := d.URL(); got != BaseURL+"#demo" {
		t.Errorf("URL = %q", got)
	}
	if !strings.HasPrefix(d.AnalyzerDoc(), "a demo on the loop\n\nIt flags demos.") ||
		!strings.Contains(d.AnalyzerDoc(), "Before:\n\n\tdemo()\n\nAfter:\n\n\tif x {\n\t\tundemo()\n\t}") {
		t.Errorf("AnalyzerDoc = %q", d.AnalyzerDoc())
	}
}

func TestParseErrors(t *testing.T) {
	for name, src := range map[string]string{
		"no comment":     "package demo\n",
		"wrong name":     strings.Replace(good, "# Analyzer demo", "# Analyzer other", 1),
		"no title":       strings.Replace(good, "demo: a demo", "a demo", 1),
		"missing fix":    strings.Replace(good, "# Fix", "# Fixes", 1),
		"out of order":   strings.Replace(strings.Replace(good, "# Before", "# TMP", 1), "# After", "# Before", 1),
		"empty severity": strings.Replace(good, "// warning\n", "", 1),
		"syntax":         "pack age",
	} {
		if _, err := Parse(src, "demo"); err == nil {
			t.Errorf("%s: Parse succeeded, want error", name)
		}
	}
}
