// Package ruledoc reads a rule's documentation out of its doc.go.
//
// Each rule's package comment is the single source of its documentation: the
// analyzer's Doc, `futurelint help <rule>` and docs/rules.md all come from it.
// The comment has this shape (go doc headings):
//
//	Package <name> ... (one line for go doc)
//
//	# Analyzer <name>
//
//	<name>: <title>
//
//	<what it flags>
//
//	# Why it goes wrong
//	# Before
//	# After
//	# Fix
//	# Severity
//
// Every section is required, in that order.
package ruledoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// BaseURL is where the generated rule documentation lives; each rule's
// diagnostics link to BaseURL + "#" + name.
const BaseURL = "https://github.com/futurelint/futurelint/blob/main/docs/rules.md"

// Doc is one rule's documentation, split into its sections.
type Doc struct {
	Name     string
	Title    string // the line after "<name>: "
	Flags    string // what the rule reports
	Why      string
	Before   string // Go source, unindented
	After    string
	Fix      string
	Severity string
}

// sections lists the headings after "Analyzer <name>", in order.
var sections = []string{"Why it goes wrong", "Before", "After", "Fix", "Severity"}

// Parse reads the package comment of the doc.go source src.
func Parse(src, name string) (*Doc, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return nil, err
	}
	if f.Doc == nil {
		return nil, fmt.Errorf("ruledoc: %s: doc.go has no package comment", name)
	}
	text := f.Doc.Text()
	head := "# Analyzer " + name + "\n"
	i := strings.Index(text, head)
	if i < 0 {
		return nil, fmt.Errorf("ruledoc: %s: no %q heading", name, strings.TrimSpace(head))
	}
	// parts[""] is the introduction; parts[h] the body under heading h.
	parts := map[string]string{}
	rest, cur := text[i+len(head):], ""
	for _, s := range sections {
		h := "\n# " + s + "\n"
		j := strings.Index(rest, h)
		if j < 0 {
			return nil, fmt.Errorf("ruledoc: %s: missing section %q, or out of order", name, "# "+s)
		}
		parts[cur], rest, cur = rest[:j], rest[j+len(h):], s
	}
	parts[cur] = rest
	intro := strings.TrimSpace(parts[""])
	if intro == "" {
		return nil, fmt.Errorf("ruledoc: %s: empty introduction", name)
	}
	summary, flags, _ := strings.Cut(intro, "\n")
	title, ok := strings.CutPrefix(summary, name+": ")
	if !ok {
		return nil, fmt.Errorf("ruledoc: %s: the first line must read %q", name, name+": <title>")
	}
	d := &Doc{
		Name:     name,
		Title:    title,
		Flags:    strings.TrimSpace(flags),
		Why:      strings.TrimSpace(parts["Why it goes wrong"]),
		Before:   unindent(parts["Before"]),
		After:    unindent(parts["After"]),
		Fix:      strings.TrimSpace(parts["Fix"]),
		Severity: strings.TrimSpace(parts["Severity"]),
	}
	for _, s := range []string{d.Flags, d.Why, d.Before, d.After, d.Fix, d.Severity} {
		if s == "" {
			return nil, fmt.Errorf("ruledoc: %s: a section is empty", name)
		}
	}
	return d, nil
}

// MustParse is Parse for package initialisation: a malformed doc.go is a
// programming error caught by every test of the rule.
func MustParse(src, name string) *Doc {
	d, err := Parse(src, name)
	if err != nil {
		panic(err)
	}
	return d
}

// AnalyzerDoc is the text for analysis.Analyzer.Doc, which `futurelint help
// <rule>` prints: the title line, what the rule flags, why, a before/after
// example, the fix and the severity.
func (d *Doc) AnalyzerDoc() string {
	return d.Title + "\n\n" + d.Flags +
		"\n\nWhy it goes wrong:\n\n" + d.Why +
		"\n\nBefore:\n\n" + indent(d.Before) +
		"\n\nAfter:\n\n" + indent(d.After) +
		"\n\nFix:\n\n" + d.Fix +
		"\n\nSeverity: " + d.Severity
}

// indent sets code off from prose with a tab, as go doc does.
func indent(code string) string {
	return "\t" + strings.ReplaceAll(code, "\n", "\n\t")
}

// URL is the address of the rule's documentation.
func (d *Doc) URL() string { return BaseURL + "#" + d.Name }

// unindent strips the tab go doc puts before code lines.
func unindent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "\t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
