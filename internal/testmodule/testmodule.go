// Package testmodule finds and loads testdata/, the module of analysistest
// inputs that the engine's and the rules' tests share. It is for tests only.
package testmodule

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Dir returns the absolute path of testdata/ beside the repository's go.mod,
// found by walking up from the directory of the package under test.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testmodule: no go.mod above the package under test")
		}
		dir = parent
	}
}

// Load loads packages of testdata/ with syntax, types and module
// information, as a driver hands them to checker.Analyze, and fails t when
// they do not load or do not compile.
func Load(t testing.TB, patterns ...string) []*packages.Package {
	t.Helper()
	return LoadIn(t, Dir(t), patterns...)
}

// LoadIn is Load for the module in dir (a nested module of testdata/).
func LoadIn(t testing.TB, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata does not load")
	}
	return pkgs
}

// Finding is one diagnostic of Analyze, with the analyzer that reported it
// and the package it is in.
type Finding struct {
	Analyzer string
	Package  *packages.Package
	analysis.Diagnostic
}

// Analyze loads patterns of testdata/ and runs analyzers on them together,
// as the futurelint suite does, failing t on any analysis error.
func Analyze(t testing.TB, analyzers []*analysis.Analyzer, patterns ...string) ([]*packages.Package, []Finding) {
	t.Helper()
	return AnalyzeIn(t, Dir(t), analyzers, patterns...)
}

// AnalyzeIn is Analyze for the module in dir (a nested module of testdata/).
func AnalyzeIn(t testing.TB, dir string, analyzers []*analysis.Analyzer, patterns ...string) ([]*packages.Package, []Finding) {
	t.Helper()
	pkgs := LoadIn(t, dir, patterns...)
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var found []Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			found = append(found, Finding{act.Analyzer.Name, act.Package, d})
		}
	}
	return pkgs, found
}

// FixedCompiles type-checks package pattern of testdata/ with the golden
// file file+".golden" in place of file (a path relative to testdata/), and
// fails t when it does not compile: suggested fixes must compile.
func FixedCompiles(t testing.TB, pattern, file string) {
	t.Helper()
	path := filepath.Join(Dir(t), file)
	golden, err := os.ReadFile(path + ".golden")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     Dir(t),
		Env:     append(os.Environ(), "GOWORK=off"),
		Overlay: map[string][]byte{path: golden},
	}
	pkgs, err := packages.Load(cfg, pattern)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s with %s.golden does not compile", pattern, file)
	}
}

// WriteFiles writes files (name relative to dir -> content) under dir,
// making the directories they need.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
