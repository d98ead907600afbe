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
//	futurelint help presets          # the libraries futurelint knows
//
// Flags: -fix applies suggested fixes, -diff prints them as a
// diff instead, -json prints findings as JSON, -sarif as a SARIF 2.1.0 log,
// -<rule> runs only the named rules and -<rule>=false leaves a rule out,
// -test=false skips test files, -disable-presets=name,... leaves out the
// named presets, -config FILE describes loop APIs futurelint does not know
// (instead of the nearest .futurelint.json; see docs/config.md),
// -cache=false neither reads nor writes the result cache, -V=full prints
// the version.
//
// Each finding is printed as file:line:col: rule: message.
//
// The standalone command type-checks each package that may hold loop
// code (and each dependency such code may call) from source, with its
// dependencies from the go command's export data; a package with no loop
// code in reach has nothing to report and is not type-checked, nor is a
// dependency whose source shows it can give loop code no facts. It keeps
// every package's facts and findings in a cache ($FUTURELINT_CACHE, by default
// futurelint/ in the user cache directory), so a re-run redoes only the
// packages that changed and those that depend on them.
//
// A package that does not build (or imports one that does not) is not
// analysed; its errors are printed, each once, an error of a dependency
// with the imports that pulled it in from a named package, and every other
// package is analysed. -fix and -diff use the same analysis and cache.
//
// Exit status: 0 when there is nothing to report, 3 when there are findings,
// 1 when futurelint could not do all of its job (a package does not build,
// a bad config, a bad flag). With -json, -sarif or -fix, findings alone do
// not make the status non-zero.
package main

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/engine"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "help" {
		os.Exit(help(os.Stdout, os.Stderr, analyzer.Rules, args[1:]))
	}
	if vetProtocol(args) {
		multicheckerMain()
	}
	os.Exit(standalone(args))
}

// vetProtocol reports whether go vet (or go fix) is talking to futurelint:
// it asks for the version (-V=full) or the flags (-flags), or hands over
// one package's unit configuration (a .cfg file).
func vetProtocol(args []string) bool {
	for _, a := range args {
		name := strings.TrimLeft(a, "-")
		if a != name && (name == "flags" || name == "V" || strings.HasPrefix(name, "V=")) {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// multicheckerMain runs x/tools' multichecker for the go vet protocol
// (unitchecker).
func multicheckerMain() {
	exitOneOnBadFlag()
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		os.Exit(vetVersion(os.Stdout, os.Stderr))
	}
	engine.RegisterFlags(flag.CommandLine)
	as := label(analyzer.Analyzers())
	if n := len(os.Args); n > 1 && strings.HasSuffix(os.Args[n-1], ".cfg") {
		as = withVetNotes(as, os.Args[n-1], os.Stderr)
	}
	multichecker.Main(guard(as)...)
	os.Exit(0) // not reached: Main exits
}
