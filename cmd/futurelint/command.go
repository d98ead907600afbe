package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/engine"
)

// command is the standalone command line: futurelint's flags, parsed by a
// flag set of its own (the go vet protocol keeps the multichecker's).
type command struct {
	fs    *flag.FlagSet
	rules []analyzer.Rule
	on    map[string]*triState // by rule name

	tests, json, sarif, fix, diff, cache bool
	context                              int
	cpuprofile, memprofile, peakprofile  string

	// analyzerFlags are the flags the analyzers declare, rules and the
	// engine they require alike, as -analyzer.flag.
	analyzerFlags []*flag.Flag
}

func newCommand(rules []analyzer.Rule) *command {
	c := &command{fs: flag.NewFlagSet("futurelint", flag.ContinueOnError), rules: rules, on: map[string]*triState{}}
	fs := c.fs
	for _, r := range rules {
		ts := new(triState)
		c.on[r.Analyzer.Name] = ts
		fs.Var(ts, r.Analyzer.Name, fmt.Sprintf("run the %s rule (%s); -%s=false leaves it out", r.Analyzer.Name, r.ID, r.Analyzer.Name))
	}
	var as []*analysis.Analyzer
	for _, r := range rules {
		as = append(as, r.Analyzer)
	}
	for _, a := range driver.Closure(as) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
			c.analyzerFlags = append(c.analyzerFlags, fs.Lookup(a.Name+"."+f.Name))
		})
	}
	engine.RegisterFlags(fs)
	fs.BoolVar(&c.tests, "test", true, "analyse test files too")
	fs.BoolVar(&c.json, "json", false, "print findings as JSON (package -> rule -> findings); exit status 0 with findings")
	fs.BoolVar(&c.sarif, "sarif", false, "print findings as a SARIF 2.1.0 log; exit status 0 with findings")
	fs.BoolVar(&c.fix, "fix", false, "apply the suggested fixes to the files")
	fs.BoolVar(&c.diff, "diff", false, "print the suggested fixes as a unified diff instead of applying them (with or without -fix)")
	fs.IntVar(&c.context, "c", -1, "print each finding's line with this many lines of context around it")
	fs.BoolVar(&c.cache, "cache", true, "reuse and keep per-package results in the cache ($FUTURELINT_CACHE)")
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file")
	fs.StringVar(&c.memprofile, "memprofile", "", "write a memory profile at the end of the run to this file")
	fs.StringVar(&c.peakprofile, "peakprofile", "", "write a heap profile taken at the run's highest live heap to this file")
	return c
}

// seeHelp ends every complaint about the command line.
const seeHelp = "Run 'futurelint help' for the flags and rules."

// parse parses args; on a bad command line it returns an error whose
// message has been printed already.
func (c *command) parse(args []string, stderr io.Writer) error {
	c.fs.SetOutput(io.Discard)
	c.fs.Usage = func() {}
	err := c.fs.Parse(args)
	if err != nil && err != flag.ErrHelp {
		fmt.Fprintf(stderr, "futurelint: %v\n%s\n", err, seeHelp)
	}
	return err
}

// enabled returns the analyzers of the rules to report: those named with
// -rule, else all but those named with -rule=false.
func (c *command) enabled() []*analysis.Analyzer {
	var yes, no []*analysis.Analyzer
	for _, r := range c.rules {
		switch *c.on[r.Analyzer.Name] {
		case setTrue:
			yes = append(yes, r.Analyzer)
		case setFalse:
		default:
			no = append(no, r.Analyzer)
		}
	}
	if len(yes) > 0 {
		return yes
	}
	return no
}

// settings renders the rules that run, every analyzer flag's value and the
// configuration of the roles table: the analysis depends on them, so the
// cache key does too.
func (c *command) settings() (string, error) {
	roles, err := json.Marshal(engine.Configured())
	if err != nil {
		return "", fmt.Errorf("the roles configuration cannot be hashed: %v", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "roles %s\n", roles)
	for _, a := range c.enabled() {
		fmt.Fprintf(&b, "rule %s\n", a.Name)
	}
	for _, f := range c.analyzerFlags {
		fmt.Fprintf(&b, "-%s=%s\n", f.Name, f.Value.String())
	}
	return b.String(), nil
}

// triState is a rule's flag: unset, true or false.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}
