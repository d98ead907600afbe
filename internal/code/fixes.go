package code

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// File returns the file containing pos.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// ResolvesTo reports whether name, looked up at pos, finds an object ok
// accepts: whether a fix may write name there and mean that object.
func ResolvesTo(pass *analysis.Pass, name string, pos token.Pos, ok func(types.Object) bool) bool {
	scope := pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj != nil && ok(obj)
}

// ImportName returns the name under which the file containing pos imports
// path, or "" when it does not import it under a usable name (not at all,
// or as _ or .).
func ImportName(pass *analysis.Pass, pos token.Pos, path string) string {
	f := File(pass, pos)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				return ""
			}
			return imp.Name.Name
		}
		if pn, ok := pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
			return pn.Name()
		}
	}
	return ""
}

// OtherUses reports whether the file containing pos refers to the package
// imported as path anywhere outside [pos, end): removing the code there
// would leave the import used.
func OtherUses(pass *analysis.Pass, pos, end token.Pos, path string) bool {
	f := File(pass, pos)
	if f == nil {
		return false
	}
	used := false
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || used {
			return !used
		}
		if pn, ok := pass.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == path {
			if id.Pos() < pos || id.Pos() >= end {
				used = true
			}
		}
		return true
	})
	return used
}

// Source renders an expression as Go source.
func Source(pass *analysis.Pass, e ast.Expr) string {
	var b bytes.Buffer
	printer.Fprint(&b, pass.Fset, e)
	return b.String()
}
