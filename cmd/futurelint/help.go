package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/futurelint/futurelint/analyzer"
)

// help prints futurelint's help, or the documentation of the named rules,
// and returns the exit status. A rule is named by analyzer name or ID.
func help(stdout, stderr io.Writer, rules []analyzer.Rule, names []string) int {
	if len(names) == 0 {
		printHelp(stdout, newCommand(rules))
		return 0
	}
	if len(names) == 1 && names[0] == "presets" {
		return helpPresets(stdout)
	}
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
		c := newCommand([]analyzer.Rule{r})
		var flags []*flag.Flag
		for _, f := range c.analyzerFlags {
			if strings.HasPrefix(f.Name, a.Name+".") {
				flags = append(flags, f)
			}
		}
		if len(flags) > 0 {
			fmt.Fprintf(stdout, "\nFlags:\n")
			for _, f := range flags {
				printFlag(stdout, f)
			}
		}
		if a.URL != "" {
			fmt.Fprintf(stdout, "\nExamples and more: %s\n", a.URL)
		}
	}
	return 0
}

// printHelp prints what futurelint does, how to run it, its rules and
// its flags.
func printHelp(w io.Writer, c *command) {
	fmt.Fprint(w, `futurelint reports misused futures in event-loop code: blocking on a result
inside loop code, thread-safe submits back to the current loop, and executor
futures consumed on the loop without Wrap.

Usage:
	futurelint [flags] packages...         e.g. futurelint ./...
	go vet -vettool=$(which futurelint) [flags] packages...
	futurelint help                        this text
	futurelint help <rule>                 a rule's documentation, by name or ID
	futurelint help presets                the libraries futurelint knows

Rules (all run by default; -<rule> runs only the rules named so,
-<rule>=false leaves a rule out):

`)
	for _, r := range c.rules {
		summary, _, _ := strings.Cut(r.Analyzer.Doc, "\n")
		fmt.Fprintf(w, "\t%s  %-12s %s\n", r.ID, r.Analyzer.Name, summary)
	}
	fmt.Fprint(w, "\nFlags:\n")
	c.fs.VisitAll(func(f *flag.Flag) {
		if _, isRule := c.on[f.Name]; !isRule {
			printFlag(w, f)
		}
	})
	fmt.Fprint(w, `  -V=full
	print futurelint's version (go vet asks for it to cache results)

Findings are printed as file:line:col: rule: message, or rule (error): when
the mistake provably deadlocks. Silence one with a comment on its line or
the line above: //futurelint:ignore <rule> <reason>.

Results are cached per package in $FUTURELINT_CACHE (default: futurelint in
the user cache directory): a re-run redoes only the packages that changed and
those that depend on them.

A package that does not build, or imports one that does not, is not
analysed: its errors are printed (a dependency's with the imports that pulled
it in), and every other package is analysed.

Exit status: 0 nothing to report; 3 findings; 1 futurelint could not do all
of its job (a package does not build, a bad config, a bad flag). With -json,
-sarif or -fix, findings alone leave the status 0.
`)
}

func printFlag(w io.Writer, f *flag.Flag) {
	name, usage := flag.UnquoteUsage(f)
	line := "  -" + f.Name
	if name != "" {
		line += " " + name
	}
	if def := f.DefValue; def != "" && def != "false" && def != "0" {
		usage += fmt.Sprintf(" (default %s)", def)
	}
	fmt.Fprintf(w, "%s\n\t%s\n", line, usage)
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
