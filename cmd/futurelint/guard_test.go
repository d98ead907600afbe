package main

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestGuardTurnsPanicIntoError runs an analyzer that panics, and one it
// requires that panics, under guard: each pass fails with an error naming
// the analyzer and package instead of crashing the process.
func TestGuardTurnsPanicIntoError(t *testing.T) {
	inner := &analysis.Analyzer{
		Name: "innerpanic",
		Doc:  "panics",
		Run:  func(*analysis.Pass) (any, error) { panic("inner boom") },
	}
	outer := &analysis.Analyzer{
		Name:     "outerpanic",
		Doc:      "panics",
		Requires: []*analysis.Analyzer{inner},
		Run:      func(*analysis.Pass) (any, error) { panic("outer boom") },
	}
	quiet := &analysis.Analyzer{
		Name: "quiet",
		Doc:  "returns a result",
		Run:  func(*analysis.Pass) (any, error) { return 7, nil },
	}
	guard([]*analysis.Analyzer{outer, quiet})
	pass := &analysis.Pass{Pkg: types.NewPackage("example.com/p", "p")}
	for _, tc := range []struct {
		a    *analysis.Analyzer
		want string
	}{
		{inner, "internal error: innerpanic panicked on package example.com/p: inner boom"},
		{outer, "internal error: outerpanic panicked on package example.com/p: outer boom"},
	} {
		res, err := tc.a.Run(pass)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || res != nil {
			t.Errorf("%s: got (%v, %v), want an error starting %q", tc.a.Name, res, err, tc.want)
		}
	}
	if res, err := quiet.Run(pass); res != 7 || err != nil {
		t.Errorf("guard changed a well-behaved analyzer's result: (%v, %v)", res, err)
	}
}
