package engine

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// GoroutineFieldFact is attached to an exported function-typed field of a
// struct type (a library's Watcher.OnChange) that its package calls only
// on goroutines of its own: a function stored into the field runs off any
// loop, whoever stores it.
type GoroutineFieldFact struct {
	Pos string // one of the calls, as file base name and line: "watch.go:31"
}

func (*GoroutineFieldFact) AFact() {}

func (f *GoroutineFieldFact) String() string { return "called on a goroutine at " + f.Pos }

// exportGoroutineFields finds, from the package's syntax, the exported
// function-typed fields of its exported struct types that it calls only on
// goroutines it starts: in the body of a go statement's function literal,
// or in an unexported function it only ever starts with go statements. A
// field also called anywhere else, or read other than to call it or to
// compare it with nil, gets no fact. It costs nothing in packages that
// export no such field.
func (r *Result) exportGoroutineFields() {
	info, files := r.Pass.TypesInfo, r.Pass.Files
	fields := map[*types.Var]bool{}
	scope := r.Pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 {
			continue
		}
		st, ok := n.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Exported() && !f.Embedded() {
				if code.IsFunc(f.Type()) {
					fields[f] = true
				}
			}
		}
	}
	if len(fields) == 0 {
		return
	}
	var goOnly map[*types.Func]bool // computed at the first call in a declared function
	calls := map[*types.Var]token.Pos{}
	bad := map[*types.Var]bool{}
	for _, f := range files {
		inspectWithStack(f, func(n ast.Node, stack []ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			s := info.Selections[sel]
			if s == nil || s.Kind() != types.FieldVal {
				return true
			}
			v, _ := s.Obj().(*types.Var)
			if !fields[v] {
				return true
			}
			parent := stack[len(stack)-2]
			switch p := parent.(type) {
			case *ast.CallExpr:
				if p.Fun == sel {
					if offGoroutine(info, stack, func() map[*types.Func]bool {
						if goOnly == nil {
							goOnly = goOnlyFuncs(info, files)
						}
						return goOnly
					}) {
						calls[v] = p.Lparen
					} else {
						bad[v] = true
					}
					return true
				}
			case *ast.AssignStmt:
				for _, l := range p.Lhs {
					if l == sel {
						return true // a store, not a use
					}
				}
			case *ast.BinaryExpr:
				if (p.Op == token.EQL || p.Op == token.NEQ) && (isNil(info, p.X) || isNil(info, p.Y)) {
					return true // if w.OnChange != nil
				}
			}
			bad[v] = true
			return true
		})
	}
	for v, pos := range calls {
		if !bad[v] {
			r.Pass.ExportObjectFact(v, &GoroutineFieldFact{Pos: code.Where(r.Pass, pos)})
		}
	}
}

// offGoroutine reports whether the innermost function around the top of
// stack runs only on a goroutine of its own: a function literal a go
// statement runs, or a function of goOnly.
func offGoroutine(info *types.Info, stack []ast.Node, goOnly func() map[*types.Func]bool) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			if i >= 2 {
				if call, ok := stack[i-1].(*ast.CallExpr); ok && call.Fun == n {
					if _, ok := stack[i-2].(*ast.GoStmt); ok {
						return true
					}
				}
			}
			return false
		case *ast.FuncDecl:
			obj, _ := info.Defs[n.Name].(*types.Func)
			return goOnly()[obj]
		}
	}
	return false
}

// goOnlyFuncs are the unexported functions and methods of the package that
// are used only as the function of go statements (go w.watch()).
func goOnlyFuncs(info *types.Info, files []*ast.File) map[*types.Func]bool {
	started := map[*types.Func]bool{}
	other := map[*types.Func]bool{}
	for _, f := range files {
		inspectWithStack(f, func(n ast.Node, stack []ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			fn, ok := info.Uses[id].(*types.Func)
			if !ok || fn.Exported() {
				return true
			}
			// id is the called function of a go statement: go f(), go x.f().
			e := ast.Node(id)
			i := len(stack) - 2
			if i >= 0 {
				if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
					e, i = sel, i-1
				}
			}
			if i >= 1 {
				if call, ok := stack[i].(*ast.CallExpr); ok && call.Fun == e {
					if _, ok := stack[i-1].(*ast.GoStmt); ok {
						started[fn] = true
						return true
					}
				}
			}
			other[fn] = true
			return true
		})
	}
	out := map[*types.Func]bool{}
	for fn := range started {
		if !other[fn] {
			out[fn] = true
		}
	}
	return out
}

// inspectWithStack walks f as ast.Inspect does, handing visit the path
// from f down to n (n last).
func inspectWithStack(f *ast.File, visit func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if !visit(n, stack) {
			stack = stack[:len(stack)-1] // Inspect does not call back with nil for a pruned node
			return false
		}
		return true
	})
}

func isNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

// goroutineField is the row for a store into field i of the struct x
// points to when the field's package calls it only on goroutines of its
// own (GoroutineFieldFact), or nil.
func (r placer) goroutineField(fa *ssa.FieldAddr) *roles.Field {
	st, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	n := namedOf(st)
	s, ok := st.Elem().Underlying().(*types.Struct)
	if n == nil || !ok || fa.Field >= s.NumFields() {
		return nil
	}
	v := s.Field(fa.Field)
	if v.Pkg() == nil || v.Pkg() == r.Pass.Pkg || !r.Pass.ImportObjectFact(v, new(GoroutineFieldFact)) {
		return nil
	}
	return &roles.Field{Pkg: v.Pkg().Path(), Type: n.Obj().Name(), Name: v.Name(), Where: roles.OffLoop}
}
