package passes_test

import (
	"go/types"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"
)

// maxMethods is the most methods a type of the rules or the engine may
// declare: a type that answers more questions than that is several parts
// sharing one name, and splits by the question each answers.
const maxMethods = 45

// TestMethodsPerType counts the methods declared on every named type of
// internal/ and passes/ (receivers T and *T alike) and fails for any type
// with more than maxMethods.
func TestMethodsPerType(t *testing.T) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: ".."}
	pkgs, err := packages.Load(cfg, "./internal/...", "./passes/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages do not load")
	}
	type count struct {
		name string
		n    int
	}
	var counts []count
	for _, p := range pkgs {
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if named, ok := tn.Type().(*types.Named); ok {
				counts = append(counts, count{p.PkgPath + "." + name, named.NumMethods()})
			}
		}
	}
	if len(counts) < 50 {
		t.Fatalf("found %d named types in internal/ and passes/; the packages did not load", len(counts))
	}
	sort.SliceStable(counts, func(i, j int) bool { return counts[i].n > counts[j].n })
	for _, c := range counts[:5] {
		t.Logf("%s: %d methods", c.name, c.n)
	}
	for _, c := range counts {
		if c.n > maxMethods {
			t.Errorf("%s has %d methods, more than %d: split it by the question each part answers", c.name, c.n, maxMethods)
		}
	}
}
