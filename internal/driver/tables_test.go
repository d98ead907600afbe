package driver

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// table writes a composite literal of n elements, each elem with %[1]d,
// if it has one, the element's index.
func table(typ, elem string, n int) string {
	var b strings.Builder
	b.WriteString(typ + "{")
	for i := range n {
		if strings.Contains(elem, "%") {
			fmt.Fprintf(&b, elem+", ", i)
		} else {
			b.WriteString(elem + ", ")
		}
	}
	return b.String() + "}"
}

// TestTrimTables: the package-level literals of constants with at least
// minTable elements are emptied, their types (an array's length included)
// unchanged, and the package still type-checks; a literal that calls,
// names a function, a variable or another package, or is short, is kept.
func TestTrimTables(t *testing.T) {
	files := []string{
		`package p
const (
	prA = iota
	prB
)
type point struct{ X, Y int }
func handler() {}
var state int
`,
		`package p
import "strconv"
var trimmed = []` + table("[3]int", "{0x1, 0x2, prA}", minTable) + `
var ellipsis = ` + table("[...]uint8", "prB + 1", minTable+3) + `
var keyed = ` + table("[...]uint16", "0x20: 7", 1) + `
var mixed = [...]uint16{` + strings.Repeat("1, ", minTable) + `0x40: 2, 3}
var fields = ` + table("[]point", "{X: 1, Y: -prB}", minTable) + `
var mapped = ` + table("map[string][2]bool", `"k%d": {true, false}`, minTable) + `
var strs = ` + table("map[int]string", `prA + %d: "a"`, minTable) + `
var short = ` + table("[]int", "1", minTable-1) + `
var funcs = ` + table("[]func()", "handler", minTable) + `
var vars = ` + table("[]int", "state", minTable) + `
var calls = ` + table("[]string", "strconv.Itoa(1)", minTable) + `
var convs = ` + table("[]point", "point(point{})", minTable) + `
var constLen = ` + table("[...]int", "prA + %d: 1", minTable) + `
const lenMixed = len(mixed)
var _ = ellipsis[` + fmt.Sprint(minTable+2) + `]
`,
	}
	check := func(trim bool) (*types.Package, map[string]int) {
		fset := token.NewFileSet()
		var fs []*ast.File
		for i, src := range files {
			f, err := parser.ParseFile(fset, string(rune('a'+i))+".go", src, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			fs = append(fs, f)
		}
		if trim {
			trimTables(fs)
		}
		elts := map[string]int{}
		for _, d := range fs[1].Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					if cl, ok := vs.Values[0].(*ast.CompositeLit); ok && vs.Names[0].Name != "_" {
						elts[vs.Names[0].Name] = len(cl.Elts)
					}
				}
			}
		}
		conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
		pkg, err := conf.Check("p", fset, fs, nil)
		if err != nil {
			t.Fatalf("trim=%v: %v", trim, err)
		}
		return pkg, elts
	}
	whole, before := check(false)
	trimmed, after := check(true)
	for name, n := range before {
		emptied := after[name] == 0
		want := map[string]bool{"trimmed": true, "ellipsis": true, "mixed": true, "fields": true, "mapped": true, "strs": true}[name]
		if emptied != want {
			t.Errorf("%s (%d elements): emptied %v, want %v", name, n, emptied, want)
		}
		a, b := whole.Scope().Lookup(name).Type(), trimmed.Scope().Lookup(name).Type()
		if a.String() != b.String() {
			t.Errorf("%s: type %s after trimming, %s before", name, b, a)
		}
	}
	if got := trimmed.Scope().Lookup("lenMixed").(*types.Const).Val().String(); got != "66" {
		t.Errorf("len(mixed) = %s after trimming, want 66", got)
	}
}

// TestTrimTablesDotImport: a file with a dot import keeps its tables, as
// a leaf may be what the import brings in.
func TestTrimTablesDotImport(t *testing.T) {
	src := `package p
import . "math"
var xs = ` + table("[]float64", "MaxInt8", minTable)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if n := trimTables([]*ast.File{f}); n != 0 {
		t.Errorf("trimmed %d tables in a file with a dot import", n)
	}
}
