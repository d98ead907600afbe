package engine

import (
	"go/ast"
	"go/token"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Severity is how bad a finding is. go/analysis has no severity field, so
// it travels in analysis.Diagnostic.Category: "warning" or "error". The
// futurelint command and the golangci-lint plugin read it from there.
type Severity string

const (
	Warning Severity = "warning" // stalls the loop; may or may not hang
	Error   Severity = "error"   // provably deadlocks; the message says "deadlock"
)

// Reporter reports one rule's findings for one package, honouring
// suppression directives:
//
//	//futurelint:ignore loopblock the wait is bounded by a 1ms timeout
//
// on the line of the finding or the line above. The directive names one or
// more rules (comma-separated) and must give a reason; a directive without a
// reason suppresses nothing, and the finding's message says so, so the
// missing reason is noticed rather than silently ignored.
// golangci-lint's //nolint:futurelint is handled by golangci-lint itself.
type Reporter struct {
	pass       *analysis.Pass
	rule       string
	directives map[lineKey]directive // by file and line of the directive
}

type lineKey struct {
	file string
	line int
}

type directive struct {
	rules    []string // the rules it names
	reasoned bool     // it gives a reason
}

// IgnoreDirective is the comment prefix that suppresses findings.
const IgnoreDirective = "//futurelint:ignore"

// NewReporter returns a Reporter for rule (the analyzer's name).
func NewReporter(pass *analysis.Pass, rule string) *Reporter {
	rep := &Reporter{pass: pass, rule: rule, directives: map[lineKey]directive{}}
	for _, f := range pass.Files {
		rep.scan(f)
	}
	return rep
}

func (rep *Reporter) scan(f *ast.File) {
	for line, d := range ignoreDirectives(rep.pass.Fset, f) {
		if slices.Contains(d.rules, rep.rule) {
			rep.directives[line] = d
		}
	}
}

// ignoreDirectives returns the ignore directives of f by file and line.
func ignoreDirectives(fset *token.FileSet, f *ast.File) map[lineKey]directive {
	out := map[lineKey]directive{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			rest, ok := strings.CutPrefix(c.Text, IgnoreDirective)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			fields := strings.Fields(rest)
			if len(fields) == 0 {
				continue
			}
			p := fset.Position(c.Slash)
			out[lineKey{p.Filename, p.Line}] = directive{rules: strings.Split(fields[0], ","), reasoned: len(fields) > 1}
		}
	}
	return out
}

// reasonedIgnores returns the rules that the ignore directives with a
// reason of files name, by file and line.
func reasonedIgnores(fset *token.FileSet, files []*ast.File) map[lineKey][]string {
	var out map[lineKey][]string
	for _, f := range files {
		for line, d := range ignoreDirectives(fset, f) {
			if d.reasoned {
				if out == nil {
					out = map[lineKey][]string{}
				}
				out[line] = d.rules
			}
		}
	}
	return out
}

// Report reports d with severity sev unless a directive suppresses it.
func (rep *Reporter) Report(d analysis.Diagnostic, sev Severity) {
	p := rep.pass.Fset.Position(d.Pos)
	for _, line := range []int{p.Line, p.Line - 1} {
		dir, ok := rep.directives[lineKey{p.Filename, line}]
		if !ok {
			continue
		}
		if dir.reasoned {
			return
		}
		d.Message += " (a " + IgnoreDirective + " without a reason does not apply)"
		break
	}
	d.Category = string(sev)
	if d.URL == "" {
		// Drivers link a diagnostic without a URL to Analyzer.URL + "#" +
		// Category, which would point at "#warning": link the rule itself.
		d.URL = rep.pass.Analyzer.URL
	}
	rep.pass.Report(d)
}

// Before orders positions by file name, then offset: a deterministic order
// for reporting, unlike token.Pos order between files, which depends on the
// order the driver parsed them in.
func Before(fset *token.FileSet, a, b token.Pos) bool {
	pa, pb := fset.Position(a), fset.Position(b)
	if pa.Filename != pb.Filename {
		return pa.Filename < pb.Filename
	}
	return pa.Offset < pb.Offset
}

// Finding is a diagnostic a rule found, with its severity.
type Finding struct {
	analysis.Diagnostic
	Severity Severity
}

// ReportAll reports a rule's findings in file order (Before), whatever
// order the rule found them in and the driver parsed the files in.
func (rep *Reporter) ReportAll(found []Finding) {
	sort.SliceStable(found, func(i, j int) bool { return Before(rep.pass.Fset, found[i].Pos, found[j].Pos) })
	for _, f := range found {
		rep.Report(f.Diagnostic, f.Severity)
	}
}

// Levels are the severities a rule reports, one value that the rule's code
// and its generated documentation share: Usual, and Raised when the
// condition When holds (Raised is "" for a rule with one level).
type Levels struct {
	Usual  Severity
	Raised Severity
	When   string // when Raised applies: "the wait provably deadlocks"
}

// Of is the severity of a finding: Raised when raised is set and the rule
// has such a level, else Usual.
func (l Levels) Of(raised bool) Severity {
	if raised && l.Raised != "" {
		return l.Raised
	}
	return l.Usual
}

// String is the levels for the docs: "warning; error when the wait
// provably deadlocks".
func (l Levels) String() string {
	if l.Raised == "" {
		return string(l.Usual)
	}
	return string(l.Usual) + "; " + string(l.Raised) + " when " + l.When
}
