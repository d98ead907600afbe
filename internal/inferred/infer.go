package inferred

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/roles"
)

// Libraries returns the roles libraries of the loops the package's
// dependencies run (from their Facts) and of those the package runs itself,
// which it exports as a Fact, with the Bodies of the latter. notLoops are the functions a
// //futurelint:not-a-loop directive marks; off turns inference off in
// the package (its config says "inferLoops": false). base is the table
// before inference: a package it describes is not inferred.
func Libraries(pass *analysis.Pass, base *roles.Table, notLoops []*ast.FuncDecl, off bool) ([]*roles.Library, []Body) {
	var libs []*roles.Library
	var facts []analysis.PackageFact
	for _, pf := range pass.AllPackageFacts() {
		if _, ok := pf.Fact.(*Fact); ok && pf.Package != pass.Pkg {
			facts = append(facts, pf)
		}
	}
	sort.Slice(facts, func(i, j int) bool { return facts[i].Package.Path() < facts[j].Package.Path() })
	for _, pf := range facts {
		for i := range pf.Fact.(*Fact).Loops {
			libs = append(libs, pf.Fact.(*Fact).Loops[i].library())
		}
	}
	path := pass.Pkg.Path()
	std := (pass.Module == nil || pass.Module.Path == "") && roles.IsStd(path)
	if off || std || base.Library(path) != nil || base.DescribedOnly(path) || !mayHaveLoop(pass.TypesInfo, pass.Files) {
		return libs, nil
	}
	loops, bodies := infer(pass, base, notLoops)
	if len(loops) == 0 {
		return libs, nil
	}
	pass.ExportPackageFact(&Fact{Loops: loops})
	for i := range loops {
		lib := loops[i].library()
		lib.Clients = []string{path} // rows of its own: analysed all the same
		libs = append(libs, lib)
	}
	return libs, bodies
}

// mayHaveLoop is the cheap syntax check run before any inference: a loop
// needs a go statement and a channel receive inside a for statement.
func mayHaveLoop(info *types.Info, files []*ast.File) bool {
	hasGo, hasRecv := false, false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				hasGo = true
			case *ast.RangeStmt:
				if t := info.TypeOf(n.X); t != nil {
					_, isChan := t.Underlying().(*types.Chan)
					hasRecv = hasRecv || isChan
				}
			case *ast.ForStmt:
				if n.Cond == nil {
					ast.Inspect(n.Body, func(m ast.Node) bool {
						if u, ok := m.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
							hasRecv = true
						}
						return !hasRecv
					})
				}
			}
			return !(hasGo && hasRecv)
		})
		if hasGo && hasRecv {
			return true
		}
	}
	return false
}

// Infers reports whether the package may run a loop that gets rows, as
// far as its own code says: Libraries may export a Fact for it. It
// ignores every table row, directive and config entry, which only take
// loops and rows away, so it says yes whenever Libraries may; a driver
// asks it, with the package's imports read from export data, to find the
// packages whose facts loop code may need.
func Infers(fset *token.FileSet, files []*ast.File, pkg *types.Package, info *types.Info) bool {
	if !mayHaveLoop(info, files) {
		return false
	}
	pass := &analysis.Pass{Fset: fset, Files: files, Pkg: pkg, TypesInfo: info}
	loops, _ := infer(pass, roles.New(nil, nil), nil)
	return len(loops) > 0
}
