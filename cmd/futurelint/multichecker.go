package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/driver"
)

// label makes each diagnostic say which rule reported it, so that the reader
// knows what to name in a //futurelint:ignore directive, and marks findings
// whose severity (carried in Diagnostic.Category) is "error":
//
//	app.go:14:9: loopblock: (*futures.Future).Result blocks the event loop goroutine: ...
//	app.go:41:9: selfsubmit (error): ... deadlock ...
//
// JSON messages carry the label too: go vet always runs its tool with -json
// and prints the text itself. The standalone driver labels its findings the
// same way (prefix).
func label(as []*analysis.Analyzer) []*analysis.Analyzer {
	for _, a := range as {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			report := pass.Report
			pass.Report = func(d analysis.Diagnostic) {
				d.Message = prefix(a.Name, d.Category) + d.Message
				report(d)
			}
			return run(pass)
		}
	}
	return as
}

// exitOneOnBadFlag makes a malformed command line exit with status 1, like
// every other failure, instead of the flag package's 2, and points to
// futurelint's own help. The flag package writes its error message before
// it calls Usage, and writes nothing before Usage for -h: that tells them
// apart.
func exitOneOnBadFlag() {
	out := &recordingWriter{w: os.Stderr}
	flag.CommandLine.SetOutput(out)
	flag.Usage = func() {
		if out.wrote {
			fmt.Fprintln(os.Stderr, seeHelp)
			os.Exit(1)
		}
		printHelp(os.Stdout, newCommand(analyzer.Rules))
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
	for _, a := range driver.Closure(as) {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if p := recover(); p != nil {
					err = driver.PanicError(a, pass, p)
				}
			}()
			return run(pass)
		}
	}
	return as
}
