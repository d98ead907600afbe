package driver

import (
	"go/ast"
	"go/token"
	"strconv"
)

// minTable is the fewest elements a composite literal must have to be
// trimmed as a data table: below it there is nothing to save.
const minTable = 16

// trimTables empties the element lists of a dependency's data tables
// before it is type-checked: package-level variables initialised by a
// composite literal whose leaves are literals and the package's constants
// (uniseg's [][3]int{{0x0000, 0x0009, prControl}, ...}). Such a table runs
// no code, names no function, variable or other package, so no fact
// depends on what it holds; yet type-checking it from source is much of
// what a table-heavy package costs (rivo/uniseg is 1.2 MB of source,
// nearly all tables). Its type is kept, an array's length included, so the
// rest of the package type-checks as before. It returns how many tables it
// emptied.
func trimTables(files []*ast.File) int {
	t := tableTrimmer{consts: map[string]bool{}, others: map[string]bool{}}
	for _, f := range files {
		t.declare(f)
	}
	trimmed := 0
	for _, f := range files {
		if dotImports(f) {
			continue // a leaf may name what the dot import brings in: without it the import would be unused
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				for _, v := range s.(*ast.ValueSpec).Values {
					if cl, ok := v.(*ast.CompositeLit); ok && len(cl.Elts) >= minTable && t.inert(cl) && emptyTable(cl) {
						trimmed++
					}
				}
			}
		}
	}
	return trimmed
}

func dotImports(f *ast.File) bool {
	for _, imp := range f.Imports {
		if imp.Name != nil && imp.Name.Name == "." {
			return true
		}
	}
	return false
}

// tableTrimmer knows the package-level names of one package: its
// constants, and everything else it declares.
type tableTrimmer struct {
	consts, others map[string]bool
}

func (t tableTrimmer) declare(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				t.others[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if d.Tok == token.CONST {
							t.consts[n.Name] = true
						} else {
							t.others[n.Name] = true
						}
					}
				case *ast.TypeSpec:
					t.others[s.Name.Name] = true
				}
			}
		}
	}
}

// predeclared are the universe's names a table may use as values.
var predeclared = map[string]bool{"true": true, "false": true, "nil": true}

// builtins are the universe's functions: a key that names one is no field.
var builtins = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
}

// inert reports whether e runs no code and names nothing but the
// package's constants, the predeclared constants and types declared
// without naming another package.
func (t tableTrimmer) inert(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return t.consts[e.Name] || predeclared[e.Name] && !t.others[e.Name]
	case *ast.ParenExpr:
		return t.inert(e.X)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && t.inert(e.X)
	case *ast.BinaryExpr:
		return t.inert(e.X) && t.inert(e.Y)
	case *ast.KeyValueExpr:
		return t.inertKey(e.Key) && t.inert(e.Value)
	case *ast.CompositeLit:
		if e.Type != nil && !t.localType(e.Type) {
			return false
		}
		for _, x := range e.Elts {
			if !t.inert(x) {
				return false
			}
		}
		return true
	}
	return false
}

// inertKey is inert for a composite literal's key, which may also be a
// struct field's name: an identifier the package does not declare at
// package level and that names no builtin function.
func (t tableTrimmer) inertKey(e ast.Expr) bool {
	if id, ok := e.(*ast.Ident); ok && !t.others[id.Name] && !builtins[id.Name] {
		return true
	}
	return t.inert(e)
}

// localType reports whether e is a type written without naming another
// package.
func (t tableTrimmer) localType(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.ArrayType:
		return (e.Len == nil || isEllipsis(e.Len) || t.inert(e.Len)) && t.localType(e.Elt)
	case *ast.MapType:
		return t.localType(e.Key) && t.localType(e.Value)
	case *ast.StarExpr:
		return t.localType(e.X)
	case *ast.ParenExpr:
		return t.localType(e.X)
	}
	return false
}

func isEllipsis(e ast.Expr) bool {
	_, ok := e.(*ast.Ellipsis)
	return ok
}

// emptyTable drops cl's elements and reports whether it did: an array
// written [...]T gets the length its elements gave it, and is left whole
// when that takes evaluating a constant.
func emptyTable(cl *ast.CompositeLit) bool {
	if at, ok := cl.Type.(*ast.ArrayType); ok && isEllipsis(at.Len) {
		n, ok := arrayLen(cl.Elts)
		if !ok {
			return false
		}
		cl.Type = &ast.ArrayType{
			Lbrack: at.Lbrack,
			Len:    &ast.BasicLit{ValuePos: at.Len.Pos(), Kind: token.INT, Value: strconv.FormatInt(n, 10)},
			Elt:    at.Elt,
		}
	}
	cl.Elts = nil
	return true
}

// arrayLen is the length of [...]T{elts}, when every index is a literal.
func arrayLen(elts []ast.Expr) (int64, bool) {
	var next, n int64
	for _, e := range elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			lit, ok := kv.Key.(*ast.BasicLit)
			if !ok || lit.Kind != token.INT {
				return 0, false
			}
			i, err := strconv.ParseInt(lit.Value, 0, 64)
			if err != nil {
				return 0, false
			}
			next = i
		}
		next++
		n = max(n, next)
	}
	return n, true
}
