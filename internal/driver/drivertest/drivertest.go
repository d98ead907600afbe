// Package drivertest runs futurelint's suite through both of its
// standalone paths, the per-package driver (internal/driver) and x/tools'
// checker over go/packages (what the multichecker, and so -fix, runs), so
// tests can check they find the same.
package drivertest

import (
	"fmt"
	"go/token"
	"sort"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/driver"
)

// finding renders one finding with everything the two paths must agree
// on: position and end, rule, severity, message, fixes and related
// information.
func finding(pos, end token.Position, rule, category, message string, fixes, related []string) string {
	return fmt.Sprintf("%s-%d:%d: %s (%s): %s fixes %q related %q", pos, end.Line, end.Column, rule, category, message, fixes, related)
}

// Checker runs the suite with x/tools' checker on packages loaded from
// source with all their dependencies, and returns its findings on the
// named packages, sorted, each once.
func Checker(dir string, tests bool, patterns ...string) ([]string, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return nil, fmt.Errorf("%d errors loading %v", n, patterns)
	}
	g, err := checker.Analyze(analyzer.Analyzers(), pkgs, nil)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			return nil, act.Err
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			end := d.End
			if !end.IsValid() {
				end = d.Pos
			}
			var fixes []string
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					fixes = append(fixes, fmt.Sprintf("%s: %s@%d-%d=%q", f.Message, fset.Position(e.Pos).Filename, fset.Position(e.Pos).Offset, fset.Position(e.End).Offset, e.NewText))
				}
			}
			var related []string
			for _, r := range d.Related {
				rend := r.End
				if !rend.IsValid() {
					rend = r.Pos
				}
				related = append(related, fmt.Sprintf("%s-%s: %s", fset.Position(r.Pos), fset.Position(rend), r.Message))
			}
			s := finding(fset.Position(d.Pos), fset.Position(end), act.Analyzer.Name, d.Category, d.Message, fixes, related)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// Driver runs the suite with the per-package driver (with opts' cache and
// salt, if any) and returns its findings in Checker's form, and the result.
func Driver(opts driver.Options) ([]string, *driver.Result, error) {
	opts.Rules = analyzer.Analyzers()
	res, err := driver.Run(opts)
	if err != nil {
		return nil, nil, err
	}
	if len(res.Errors) > 0 {
		return nil, res, fmt.Errorf("errors: %v", res.Errors)
	}
	seen := map[string]bool{}
	var out []string
	for _, d := range res.Diagnostics {
		var fixes []string
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				fixes = append(fixes, fmt.Sprintf("%s: %s@%d-%d=%q", f.Message, e.Filename, e.Start, e.End, e.New))
			}
		}
		var related []string
		for _, r := range d.Related {
			start, end := r.Positions()
			related = append(related, fmt.Sprintf("%s-%s: %s", start, end, r.Message))
		}
		s := finding(d.Position(), d.EndPosition(), d.Analyzer, d.Category, d.Message, fixes, related)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out, res, nil
}

// Diff describes how got differs from want, or is "" when they are equal.
func Diff(got, want []string) string {
	in := func(xs []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range xs {
			m[x] = true
		}
		return m
	}
	g, w := in(got), in(want)
	var s string
	for _, x := range want {
		if !g[x] {
			s += "missing: " + x + "\n"
		}
	}
	for _, x := range got {
		if !w[x] {
			s += "unexpected: " + x + "\n"
		}
	}
	return s
}
