package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/sarif"
)

// prefix is what a finding's text starts with: the rule, so the reader
// knows what to name in a //futurelint:ignore directive, and "(error)"
// for a finding whose severity is error.
func prefix(rule, category string) string {
	if category == "error" {
		return rule + " (error): "
	}
	return rule + ": "
}

// printText prints findings as the multichecker does, file:line:col:
// message, with context lines if context >= 0. Each finding's related
// positions follow it, indented.
func printText(w io.Writer, ds []driver.Diagnostic, context int) {
	for _, d := range ds {
		show := func(indent, start, msg string, sl, el int, file string) {
			fmt.Fprintf(w, "%s%s: %s\n", indent, start, msg)
			if context < 0 {
				return
			}
			data, _ := os.ReadFile(file)
			lines := strings.Split(string(data), "\n")
			for i := sl - context; i <= el+context; i++ {
				if 1 <= i && i <= len(lines) {
					fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
				}
			}
		}
		p, e := d.Position(), d.EndPosition()
		show("", p.String(), prefix(d.Analyzer, d.Category)+d.Message, p.Line, e.Line, p.Filename)
		// The related positions (the calls of a witness chain, where a
		// deadlock comes from) are indented under the finding.
		for _, r := range d.Related {
			rp, re := r.Positions()
			show("\t", rp.String(), r.Message, rp.Line, re.Line, rp.Filename)
		}
	}
}

// The JSON form is the multichecker's: package ID -> rule -> findings.
type jsonFinding struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

func printJSON(w io.Writer, ds []driver.Diagnostic) error {
	tree := map[string]map[string][]jsonFinding{}
	for _, d := range ds {
		jd := jsonFinding{
			Category: d.Category,
			Posn:     d.Position().String(),
			End:      d.EndPosition().String(),
			Message:  prefix(d.Analyzer, d.Category) + d.Message,
		}
		for _, f := range d.Fixes {
			jf := jsonFix{Message: f.Message}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{e.Filename, e.Start, e.End, e.New})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, r := range d.Related {
			p, e := r.Positions()
			jd.Related = append(jd.Related, jsonRelated{p.String(), e.String(), r.Message})
		}
		if tree[d.Package] == nil {
			tree[d.Package] = map[string][]jsonFinding{}
		}
		tree[d.Package][d.Analyzer] = append(tree[d.Package][d.Analyzer], jd)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// printSARIF prints findings as a SARIF 2.1.0 log, paths relative to the
// current directory.
func printSARIF(w io.Writer, ds []driver.Diagnostic) error {
	var rules []sarif.Rule
	for _, r := range analyzer.Rules {
		rules = append(rules, sarif.Rule{ID: r.ID, Name: r.Analyzer.Name, Doc: r.Analyzer.Doc, URL: r.Analyzer.URL})
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	return sarif.New("futurelint", moduleVersion(), "https://github.com/futurelint/futurelint", rules, ds, cwd).Write(w)
}
