package inferred

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// finder holds what the inference learns of one package in one walk.
type finder struct {
	pass *analysis.Pass
	info *types.Info

	recvs   map[types.Object]int         // receive sites per channel
	signals map[types.Object][]token.Pos // send and close sites per channel
	// goSites are the go statements starting each named function, and
	// goInLoop those of them inside a for statement.
	goSites  map[types.Object]int
	goInLoop map[types.Object]bool
	// goLits are the function literals started by a go statement, with
	// whether that statement is inside a for statement.
	goLits map[*ast.FuncLit]bool
	decls  map[types.Object]*ast.FuncDecl // the package's functions
	// inits are the values assigned to each local variable of a function
	// (r := request{run: f}): what a send of the variable carries.
	inits map[types.Object][]ast.Expr
}

// loop is a loop found in the package's own code.
type loop struct {
	body   *ast.BlockStmt // the function running it
	queues []ast.Expr     // the channels it drains, as written
	objs   []types.Object
	main   bool // a main-thread queue: it started its parameter on a new goroutine
	// dispatch are the queues whose values the loop hands to handlers
	// (methods) rather than runs, and handlers those methods.
	dispatch map[types.Object]bool
	handlers []*types.Func
	// loops are the for statements draining its queues, takes the
	// receives and selects with which they take work.
	loops, takes []Span
	fn           ast.Node // the function running it
	Loop
}

func infer(pass *analysis.Pass, base *roles.Table, notLoops []*ast.FuncDecl) ([]Loop, []Body) {
	f := &finder{pass: pass, info: pass.TypesInfo, recvs: map[types.Object]int{}, signals: map[types.Object][]token.Pos{},
		goSites: map[types.Object]int{}, goInLoop: map[types.Object]bool{}, goLits: map[*ast.FuncLit]bool{}, decls: map[types.Object]*ast.FuncDecl{}, inits: map[types.Object][]ast.Expr{}}
	off := map[*ast.FuncDecl]bool{}
	for _, d := range notLoops {
		off[d] = true
	}
	f.walk()
	var loops []*loop
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			d, ok := decl.(*ast.FuncDecl)
			if !ok || d.Body == nil || off[d] {
				continue
			}
			if l := f.loopOf(d.Body, f.goStartsDecl(d), d.Type); l != nil {
				l.Name, l.fn = funcName(pass, d), d
				loops = append(loops, l)
			}
			ast.Inspect(d.Body, func(n ast.Node) bool {
				lit, ok := n.(*ast.FuncLit)
				if !ok {
					return true
				}
				inLoop, started := f.goLits[lit]
				if l := f.loopOf(lit.Body, started && !inLoop, lit.Type); l != nil {
					l.Name, l.fn = "the goroutine started in "+funcName(pass, d), lit
					loops = append(loops, l)
				}
				return true
			})
		}
	}
	var out []Loop
	var bodies []Body
	for _, l := range loops {
		var qs []string
		for _, q := range l.queues {
			qs = append(qs, types.ExprString(q))
		}
		l.Name += " draining " + strings.Join(qs, " and ")
		l.Via = pass.Pkg.Path() + " " + l.Name
		l.Funcs = f.posts(l, base)
		l.Owner = f.owner(l)
		if len(l.Funcs) > 0 {
			l.Types = f.handlerRows(l)
			out = append(out, l.Loop)
			bodies = append(bodies, Body{Func: l.fn, Loops: l.loops, Takes: l.takes, Sent: f.sent(l), Unbuffered: f.unbufferedOf(l), Queues: l.objs, Via: l.Via, Name: l.Name})
		}
	}
	return dropShared(out), bodies
}

// owner is the named type whose fields are all of l's queues
// (b.jobs, b.quit: Bus), or "" when one is not such a field.
func (f *finder) owner(l *loop) string {
	owner := ""
	for _, q := range l.queues {
		sel, ok := ast.Unparen(q).(*ast.SelectorExpr)
		if !ok || f.info.Selections[sel] == nil {
			return ""
		}
		name := roles.TypeName(f.info.TypeOf(sel.X))
		if name == "" || owner != "" && name != owner {
			return ""
		}
		owner = name
	}
	return owner
}

// unbufferedOf returns l's unbuffered queues.
func (f *finder) unbufferedOf(l *loop) []types.Object {
	var out []types.Object
	for i, q := range l.queues {
		if f.unbuffered(q) {
			out = append(out, l.objs[i])
		}
	}
	return out
}

// sent returns the function literals the package sends to l's queues of
// functions: the loop runs them, and nothing else does.
func (f *finder) sent(l *loop) []*ast.FuncLit {
	var out []*ast.FuncLit
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if s, ok := n.(*ast.SendStmt); ok {
				if lit, ok := ast.Unparen(s.Value).(*ast.FuncLit); ok {
					if obj := f.chanObj(s.Chan); slices.Contains(l.objs, obj) && !l.dispatch[obj] {
						out = append(out, lit)
					}
				}
			}
			return true
		})
	}
	return out
}

// handlerRows returns the Handler rows of l's handler methods: for an
// interface of the package, the methods the loop calls; for a concrete
// type, those of its methods only l's function calls (a method called
// elsewhere too does not always run on the loop) and no other package can
// (unexported, or in package main).
func (f *finder) handlerRows(l *loop) []roles.Type {
	var rows []roles.Type
	for _, fn := range l.handlers {
		recv := fn.Signature().Recv().Type()
		name := recvTypeName(recv)
		if name == "" {
			continue
		}
		if !types.IsInterface(recv) {
			if fn.Exported() && ast.IsExported(name) && f.pass.Pkg.Name() != "main" || !f.usedOnlyIn(fn, l.body) {
				continue
			}
		}
		i := slices.IndexFunc(rows, func(r roles.Type) bool { return r.Name == name })
		if i < 0 {
			rows = append(rows, roles.Type{Pkg: f.pass.Pkg.Path(), Name: name, Role: roles.Handler, Loop: roles.ProcessLoop, Via: l.Via,
				ValueArg: f.valueArg(l, fn)})
			i = len(rows) - 1
		} else if rows[i].ValueArg != f.valueArg(l, fn) {
			rows[i].ValueArg = roles.NoArg
		}
		rows[i].Methods = append(rows[i].Methods, fn.Name())
	}
	return rows
}

// valueArg is the parameter of handler fn (the receiver as Arg0) in which
// l's function passes it the value whose fields l drains (b in
// ev.Apply(b), with l draining b.events), at every call; NoArg if none.
func (f *finder) valueArg(l *loop, fn *types.Func) roles.Arg {
	var owner types.Object
	for _, q := range l.queues {
		sel, ok := ast.Unparen(q).(*ast.SelectorExpr)
		if !ok {
			return roles.NoArg
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok || owner != nil && f.info.Uses[id] != owner {
			return roles.NoArg
		}
		owner = f.info.Uses[id]
	}
	at := roles.NoArg
	calls := 0
	inspectHere(l.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || f.callee(sel) != fn {
			return true
		}
		here := roles.NoArg
		for i, a := range append([]ast.Expr{sel.X}, call.Args...) {
			if owner != nil && f.uses(a, owner) {
				here = roles.ArgAt(i)
				break
			}
		}
		if calls > 0 && here != at {
			here = roles.NoArg
		}
		at, calls = here, calls+1
		return true
	})
	return at
}

// usedOnlyIn reports whether every use of fn in the package is inside body.
func (f *finder) usedOnlyIn(fn *types.Func, body *ast.BlockStmt) bool {
	for id, obj := range f.info.Uses {
		if obj == fn && (id.Pos() < body.Pos() || id.Pos() >= body.End()) {
			return false
		}
	}
	return true
}

// dropShared removes the Handler rows of types that several loops hand
// values to: each row names one loop.
func dropShared(loops []Loop) []Loop {
	n := map[string]int{}
	for _, l := range loops {
		for _, t := range l.Types {
			n[t.Name]++
		}
	}
	for i := range loops {
		loops[i].Types = slices.DeleteFunc(loops[i].Types, func(t roles.Type) bool { return n[t.Name] > 1 })
	}
	return loops
}

// walk counts receive, send and close sites of channels and the go
// statements of the package.
func (f *finder) walk() {
	for _, file := range f.pass.Files {
		for _, decl := range file.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Body != nil {
				if obj := f.info.Defs[d.Name]; obj != nil {
					f.decls[obj] = d
				}
			}
		}
		ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					if obj := f.chanObj(n.X); obj != nil {
						f.recvs[obj]++
					}
				}
			case *ast.RangeStmt:
				if f.isChan(n.X) {
					if obj := f.chanObj(n.X); obj != nil {
						f.recvs[obj]++
					}
				}
			case *ast.SendStmt:
				if obj := f.chanObj(n.Chan); obj != nil {
					f.signals[obj] = append(f.signals[obj], n.Pos())
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
					if b, ok := f.info.Uses[id].(*types.Builtin); ok && b.Name() == "close" {
						if obj := f.chanObj(n.Args[0]); obj != nil {
							f.signals[obj] = append(f.signals[obj], n.Pos())
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if v, ok := f.chanObj(lhs).(*types.Var); ok && !v.IsField() && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
							f.inits[v] = append(f.inits[v], n.Rhs[i])
						}
					}
				}
			case *ast.GoStmt:
				inLoop := inFor(stack)
				switch fn := ast.Unparen(n.Call.Fun).(type) {
				case *ast.FuncLit:
					f.goLits[fn] = inLoop
				default:
					if obj := f.callee(fn); obj != nil {
						f.goSites[obj]++
						f.goInLoop[obj] = f.goInLoop[obj] || inLoop
					}
				}
			}
			return true
		})
	}
}

// inFor reports whether the innermost function of stack runs the node in
// a for statement.
func inFor(stack []ast.Node) bool {
	return code.InFunc(stack, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
		return false
	})
}

// goStartsDecl reports whether d is started once by a go statement that is
// not in a for statement.
func (f *finder) goStartsDecl(d *ast.FuncDecl) bool {
	obj := f.info.Defs[d.Name]
	return obj != nil && f.goSites[obj] == 1 && !f.goInLoop[obj]
}

// callee is the function or method a call expression names statically.
func (f *finder) callee(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if fn, ok := f.info.Uses[e].(*types.Func); ok {
			return fn.Origin()
		}
	case *ast.SelectorExpr:
		if fn, ok := f.info.Uses[e.Sel].(*types.Func); ok {
			return fn.Origin()
		}
	case *ast.IndexExpr:
		return f.callee(e.X)
	}
	return nil
}

func (f *finder) isChan(e ast.Expr) bool {
	t := f.info.TypeOf(e)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// chanObj is the variable a channel expression reads: a field (the same
// for every value of the struct type), a package-level or a local
// variable; nil for anything else.
func (f *finder) chanObj(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := f.info.ObjectOf(e).(*types.Var); ok {
			return v
		}
	case *ast.SelectorExpr:
		if sel := f.info.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return sel.Obj()
			}
			return nil
		}
		if v, ok := f.info.Uses[e.Sel].(*types.Var); ok {
			return v // a package-level variable of another package
		}
	}
	return nil
}

// queueObj is chanObj for the channel a loop drains: only a field or a
// package-level variable, the same for every goroutine that uses it.
func (f *finder) queueObj(e ast.Expr) types.Object {
	obj := f.chanObj(e)
	v, ok := obj.(*types.Var)
	if !ok || !(v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope()) {
		return nil
	}
	return v
}

// loopOf returns the loop body runs, or nil. started says body is that of
// a function a go statement starts once, outside a for statement; if not,
// body must start one of its func parameters on a new goroutine and serve
// the calling one (a main-thread queue).
func (f *finder) loopOf(body *ast.BlockStmt, started bool, sig *ast.FuncType) *loop {
	main := !started && f.startsParam(body, sig)
	if !started && !main {
		return nil
	}
	l := &loop{body: body, main: main}
	for _, stmt := range body.List {
		f.drains(stmt, l)
	}
	if len(l.queues) == 0 {
		return nil
	}
	return l
}

// drains adds to l the queues a top-level statement of a loop body
// drains, running what it receives; for statements inside if, switch or
// labeled statements count too.
func (f *finder) drains(stmt ast.Stmt, l *loop) {
	add := func(q ast.Expr, v *ast.Ident, body []ast.Stmt, loop ast.Stmt, take Span) {
		obj := f.queueObj(q)
		if obj == nil && l.main {
			// A main-thread queue may drain a channel of its own making:
			// each call serves its own (go-sdl2's Main).
			if lv, ok := f.chanObj(q).(*types.Var); ok && !lv.IsField() && lv.Pos() >= l.body.Pos() && lv.Pos() < l.body.End() {
				obj = lv
			}
		}
		if obj == nil || f.recvs[obj] != 1 || v == nil {
			return
		}
		x := f.info.ObjectOf(v)
		if !f.runs(x, body, 0) {
			hs := f.handlersOf(x, body)
			if len(hs) == 0 {
				return
			}
			if l.dispatch == nil {
				l.dispatch = map[types.Object]bool{}
			}
			l.dispatch[obj] = true
			l.handlers = append(l.handlers, hs...)
		}
		l.queues = append(l.queues, q)
		l.objs = append(l.objs, obj)
		l.loops = append(l.loops, Span{loop.Pos(), loop.End()})
		l.takes = append(l.takes, take)
	}
	switch s := stmt.(type) {
	case *ast.LabeledStmt:
		f.drains(s.Stmt, l)
	case *ast.RangeStmt:
		if f.isChan(s.X) {
			v, _ := s.Key.(*ast.Ident)
			add(s.X, v, s.Body.List, s, Span{s.Pos(), s.Body.Lbrace})
		}
	case *ast.ForStmt:
		if s.Cond != nil {
			return
		}
		for i, st := range s.Body.List {
			if q, v := recvAssign(st); q != nil {
				add(q, v, s.Body.List[i+1:], s, Span{st.Pos(), st.End()})
			}
			sel, ok := st.(*ast.SelectStmt)
			if !ok {
				continue
			}
			for _, c := range sel.Body.List {
				cc := c.(*ast.CommClause)
				if cc.Comm == nil {
					return // a select with default polls: not a loop waiting for work
				}
			}
			for _, c := range sel.Body.List {
				cc := c.(*ast.CommClause)
				if q, v := recvAssign(cc.Comm); q != nil {
					add(q, v, cc.Body, s, Span{sel.Pos(), sel.Body.Lbrace})
				}
			}
		}
	}
}

// recvAssign matches v := <-q and v, ok := <-q (or =).
func recvAssign(s ast.Stmt) (q ast.Expr, v *ast.Ident) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return nil, nil
	}
	u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return nil, nil
	}
	v, _ = as.Lhs[0].(*ast.Ident)
	return u.X, v
}

// runs reports whether stmts call the received value v, or a func field
// of it, themselves or in a function of the package they pass v to
// (dispatch(f)).
func (f *finder) runs(v types.Object, stmts []ast.Stmt, depth int) bool {
	if v == nil {
		return false
	}
	found := false
	for _, s := range stmts {
		inspectHere(s, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			if depth < 3 {
				if d := f.decls[f.callee(call.Fun)]; d != nil && !f.isMethodCall(call) {
					for i, a := range call.Args {
						if id, ok := ast.Unparen(a).(*ast.Ident); ok && f.info.Uses[id] == v {
							if p := paramObj(f.info, d, i); p != nil && f.runs(p, d.Body.List, depth+1) {
								found = true
							}
						}
					}
				}
			}
			switch fn := ast.Unparen(call.Fun).(type) {
			case *ast.Ident:
				found = found || f.info.Uses[fn] == v
			case *ast.SelectorExpr:
				if id, ok := ast.Unparen(fn.X).(*ast.Ident); ok && f.info.Uses[id] == v {
					if sel := f.info.Selections[fn]; sel != nil && sel.Kind() == types.FieldVal {
						found = found || code.IsFunc(sel.Obj().Type())
					}
				}
			}
			return !found
		})
	}
	return found
}

// inspectHere is ast.Inspect over the code of n that runs where n is
// written: not go statements, nor function literals other than those
// called in place (func() { defer recover(); f() }()).
func inspectHere(n ast.Node, visit func(ast.Node) bool) {
	inPlace := map[*ast.FuncLit]bool{}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.GoStmt:
			return false
		case *ast.FuncLit:
			if !inPlace[m] {
				return false
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(m.Fun).(*ast.FuncLit); ok {
				inPlace[lit] = true
			}
		}
		return visit(m)
	})
}

// handlersOf returns the handler methods stmts call with the received
// value v as receiver or argument (a dispatcher: s.handle(m), m.serve(),
// m.Handle() on an interface of the package): methods of the package's
// own types that only the loop's function calls, or methods of the
// package's interfaces. Calls in closures and go statements run elsewhere
// and do not count.
func (f *finder) handlersOf(v types.Object, stmts []ast.Stmt) []*types.Func {
	if v == nil {
		return nil
	}
	var out []*types.Func
	for _, s := range stmts {
		inspectHere(s, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := f.callee(sel).(*types.Func)
			if !ok || fn.Pkg() != f.pass.Pkg || fn.Signature().Recv() == nil {
				return true
			}
			given := f.uses(sel.X, v)
			for _, a := range call.Args {
				given = given || f.uses(a, v)
			}
			if given && !slices.Contains(out, fn) {
				out = append(out, fn)
			}
			return true
		})
	}
	return out
}

// uses reports whether e is the variable v.
func (f *finder) uses(e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && f.info.Uses[id] == v
}

// isMethodCall reports whether call calls a method (its arguments then
// do not start at the receiver).
func (f *finder) isMethodCall(call *ast.CallExpr) bool {
	fn, ok := f.callee(call.Fun).(*types.Func)
	return ok && fn.Signature().Recv() != nil
}

// paramObj is the i-th parameter of d (the last one for a variadic
// tail), or nil.
func paramObj(info *types.Info, d *ast.FuncDecl, i int) types.Object {
	n := 0
	for _, fld := range d.Type.Params.List {
		for _, name := range fld.Names {
			if n == i {
				return info.Defs[name]
			}
			n++
		}
	}
	return nil
}

// startsParam reports whether body starts one of the function's func
// parameters on a new goroutine (go run(), or go func() { run(); ... }()),
// not inside a for statement.
func (f *finder) startsParam(body *ast.BlockStmt, sig *ast.FuncType) bool {
	params := map[types.Object]bool{}
	for _, fld := range sig.Params.List {
		for _, name := range fld.Names {
			if obj := f.info.Defs[name]; obj != nil {
				if code.IsFunc(obj.Type()) {
					params[obj] = true
				}
			}
		}
	}
	if len(params) == 0 {
		return false
	}
	calls := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			if call, ok := m.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && params[f.info.Uses[id]] {
					found = true
				}
			}
			return !found
		})
		return found
	}
	for _, s := range body.List {
		g, ok := s.(*ast.GoStmt)
		if !ok {
			continue
		}
		if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
			if calls(lit.Body) {
				return true
			}
		} else if calls(g.Call) {
			return true
		}
	}
	return false
}

// funcName names a declared function as people write it: F, (*T).M, T.M.
func funcName(pass *analysis.Pass, d *ast.FuncDecl) string {
	if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
		s := roles.Describe(fn)
		if fn.Signature().Recv() != nil {
			s = strings.Replace(s, fn.Pkg().Name()+".", "", 1) // (*EventLoop).serve
		}
		return s
	}
	return d.Name.Name
}
