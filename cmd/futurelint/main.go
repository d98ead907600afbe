// Command futurelint reports misused futures in event-loop code: blocking
// on a result inside loop code, thread-safe submits back to the current loop,
// and executor futures consumed on the loop without Wrap.
//
// Usage:
//
//	futurelint [flags] packages...   # e.g. futurelint ./...
//	go vet -vettool=$(which futurelint) packages...
//	futurelint help                  # flags and the list of rules
//	futurelint help <rule>           # a rule's documentation, by name or ID
//
// Flags: -fix applies suggested fixes, -diff (with -fix) prints them as a
// diff instead, -json prints findings as JSON, -<rule> runs only the named
// rules and -<rule>=false leaves a rule out, -test=false skips test files,
// -disable-presets=name,... leaves out the named presets, -config FILE
// describes loop APIs futurelint does not know (instead of the nearest
// .futurelint.json; see docs/config.md), -V=full prints the version.
//
// Each finding is printed as file:line:col: rule: message.
//
// Exit status: 0 when there is nothing to report, 3 when there are findings,
// 1 when futurelint could not do its job (a package does not build, a bad
// flag). With -json or -fix, findings alone do not make the status non-zero.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/engine"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "help" {
		os.Exit(help(os.Stdout, os.Stderr, analyzer.Rules, os.Args[2:]))
	}
	exitOneOnBadFlag(flag.CommandLine)
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		os.Exit(version(os.Stdout, os.Stderr))
	}
	flag.Var(new(config.Flag), "config", "describe loop APIs with this JSON `file` instead of the nearest "+config.FileName+" (see docs/config.md)")
	engine.RegisterFlags(flag.CommandLine)
	// The driver is x/tools' multichecker: it runs standalone over
	// go/packages, and as a go vet tool when go vet hands it a unit .cfg file.
	multichecker.Main(guard(label(analyzer.Analyzers()))...)
}

// label makes each diagnostic say which rule reported it, so that the reader
// knows what to name in a //futurelint:ignore directive, and marks findings
// whose severity (carried in Diagnostic.Category) is "error":
//
//	app.go:14:9: loopblock: (*futures.Future).Result blocks the event loop goroutine: ...
//	app.go:41:9: selfsubmit (error): ... deadlock ...
//
// JSON messages carry the label too: go vet always runs its tool with -json
// and prints the text itself.
func label(as []*analysis.Analyzer) []*analysis.Analyzer {
	for _, a := range as {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				prefix := a.Name
				if d.Category == "error" {
					prefix += " (error)"
				}
				d.Message = prefix + ": " + d.Message
				report(d)
			}
			return run(pass)
		}
	}
	return as
}

// help prints the documentation of the named rules and returns the exit
// status. A rule is named by analyzer name or ID.
func help(stdout, stderr io.Writer, rules []analyzer.Rule, names []string) int {
	for i, name := range names {
		r, ok := findRule(rules, name)
		if !ok {
			fmt.Fprintf(stderr, "futurelint: unknown rule %q; the rules are: %s\n", name, ruleNames(rules))
			return 1
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		a := r.Analyzer
		fmt.Fprintf(stdout, "%s (%s): %s\n", a.Name, r.ID, a.Doc)
		if a.URL != "" {
			fmt.Fprintf(stdout, "\nExamples and more: %s\n", a.URL)
		}
	}
	return 0
}

func findRule(rules []analyzer.Rule, name string) (analyzer.Rule, bool) {
	for _, r := range rules {
		if r.Analyzer.Name == name || strings.EqualFold(r.ID, name) {
			return r, true
		}
	}
	return analyzer.Rule{}, false
}

func ruleNames(rules []analyzer.Rule) string {
	var names []string
	for _, r := range rules {
		names = append(names, r.Analyzer.Name)
	}
	return strings.Join(names, ", ")
}

// exitOneOnBadFlag makes a malformed command line exit with status 1, like
// every other failure, instead of the flag package's 2; -h and -help still
// print usage and exit 0. The flag package writes its error message before it
// calls Usage, and writes nothing before Usage for -h: that tells them apart.
func exitOneOnBadFlag(fs *flag.FlagSet) {
	out := &recordingWriter{w: os.Stderr}
	fs.SetOutput(out)
	fs.Usage = func() {
		if out.wrote {
			fmt.Fprintln(os.Stderr, "Run 'futurelint help' for the flags and rules.")
			os.Exit(1)
		}
		fmt.Fprint(os.Stdout, `futurelint reports misused futures in event-loop code.

Usage:
	futurelint [flags] packages...
	go vet -vettool=$(which futurelint) packages...

Run 'futurelint help' for the flags and rules,
 or 'futurelint help <rule>' for a rule's documentation.
`)
		os.Exit(0)
	}
}

// recordingWriter notes whether anything was written through it.
type recordingWriter struct {
	w     io.Writer
	wrote bool
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	r.wrote = true
	return r.w.Write(p)
}

// guard makes a panic in an analyzer (or one it requires) an error of that
// analysis pass, so one bad package gives a clear message and exit status 1
// instead of a crash that hides every other finding.
func guard(as []*analysis.Analyzer) []*analysis.Analyzer {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		run := a.Run
		a.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("internal error: %s panicked on package %s: %v\n%s\nPlease report this at https://github.com/futurelint/futurelint/issues",
						a.Name, pass.Pkg.Path(), p, debug.Stack())
				}
			}()
			return run(pass)
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range as {
		visit(a)
	}
	return as
}
