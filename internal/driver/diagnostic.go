package driver

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Diagnostic is a finding as the driver keeps it: positions resolved, so
// it can be cached and printed without the package's syntax.
type Diagnostic struct {
	Package  string // ID of the package it was reported on (go list's, with its test variant)
	Analyzer string // the rule
	Category string // futurelint's severity: "warning" or "error"
	Message  string
	URL      string
	Pos, End Position
	Fixes    []Fix
	Related  []Related
}

// Fix is a suggested fix: edits by byte offset.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces bytes [Start, End) of Filename with New.
type Edit struct {
	Filename   string
	Start, End int
	New        string
}

// Related is a secondary location of a finding.
type Related struct {
	Message  string
	Pos, End Position
}

// Position returns where the finding starts.
func (d Diagnostic) Position() token.Position { return d.Pos.token() }

// EndPosition returns where the finding ends.
func (d Diagnostic) EndPosition() token.Position { return d.End.token() }

func (p Position) token() token.Position {
	return token.Position{Filename: p.Filename, Offset: p.Offset, Line: p.Line, Column: p.Column}
}

// Positions returns the start and end of r.
func (r Related) Positions() (start, end token.Position) { return r.Pos.token(), r.End.token() }

func newDiagnostic(fset *token.FileSet, a *analysis.Analyzer, pkgID string, d analysis.Diagnostic) Diagnostic {
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	out := Diagnostic{
		Package:  pkgID,
		Analyzer: a.Name,
		Category: d.Category,
		Message:  d.Message,
		URL:      d.URL,
		Pos:      pos(fset, d.Pos),
		End:      pos(fset, end),
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start := fset.Position(e.Pos)
			stop := start
			if e.End.IsValid() {
				stop = fset.Position(e.End)
			}
			fix.Edits = append(fix.Edits, Edit{start.Filename, start.Offset, stop.Offset, string(e.NewText)})
		}
		out.Fixes = append(out.Fixes, fix)
	}
	for _, r := range d.Related {
		rend := r.End
		if !rend.IsValid() {
			rend = r.Pos
		}
		out.Related = append(out.Related, Related{r.Message, pos(fset, r.Pos), pos(fset, rend)})
	}
	return out
}
