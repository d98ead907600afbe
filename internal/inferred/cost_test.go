package inferred

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The pre-check every package pays, against parsing the same files (which
// every run pays anyway): go test -bench . ./internal/inferred/ gives the
// ratio on x/tools' go/ssa, a large package with go statements and no loop.
func loadSSA(b *testing.B) *packages.Package {
	b.Helper()
	cfg := &packages.Config{Mode: packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo}
	pkgs, err := packages.Load(cfg, "golang.org/x/tools/go/ssa")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		b.Fatalf("load: %v %v", err, pkgs)
	}
	return pkgs[0]
}

func BenchmarkPrecheck(b *testing.B) {
	p := loadSSA(b)
	for b.Loop() {
		mayHaveLoop(p.TypesInfo, p.Syntax)
	}
}

func BenchmarkParse(b *testing.B) {
	p := loadSSA(b)
	for b.Loop() {
		fset := token.NewFileSet()
		for _, name := range p.GoFiles {
			if _, err := parser.ParseFile(fset, name, nil, parser.ParseComments); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestPrecheck: the pre-check lets through only packages with a go
// statement and a channel receive in a for statement.
func TestPrecheck(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{"package p; func f(q chan func()) { go func() {}(); for f := range q { f() } }", true},
		{"package p; func f(q chan func()) { go func() {}(); for { f := <-q; f() } }", true},
		{"package p; func f(q []func()) { go func() {}(); for _, f := range q { f() } }", false},
		{"package p; func f(q chan func()) { for f := range q { f() } }", false},
		{"package p; func f(q chan func()) { go func() {}(); f := <-q; f() }", false},
	}
	for _, c := range cases {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		info := typeCheck(t, fset, f)
		if got := mayHaveLoop(info, []*ast.File{f}); got != c.want {
			t.Errorf("mayHaveLoop(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

func typeCheck(t *testing.T, fset *token.FileSet, f *ast.File) *types.Info {
	t.Helper()
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	return info
}
