package inferred

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// posts returns the rows of the package's functions that send one of
// their func parameters to a queue of l, or a request to a queue whose
// values l hands to handlers and then wait for the reply. A loop nobody
// waits on (no invoke-and-wait, not a main-thread queue, a buffered queue
// of functions) gets none: blocking may be its job; but a dispatcher gets
// the rows of its sends to its unbuffered queue (selfSends).
func (f *finder) posts(l *loop, base *roles.Table) []roles.Func {
	var rows []roles.Func
	waited := l.main
	for d, fn := range f.funcDecls() {
		if d.Body == l.body || base.Lookup(fn) != nil {
			continue
		}
		row, replied, ok := f.post(l, d, fn)
		if !ok {
			continue
		}
		if row.SubmitLoop != roles.NoArg && (len(row.Funcs) > 0 || replied) {
			waited = true
		}
		rows = append(rows, row)
	}
	for _, row := range f.viaVars(l, base) {
		waited = waited || row.SubmitLoop != roles.NoArg
		rows = append(rows, row)
	}
	if !waited {
		return f.selfSends(l, rows)
	}
	return rows
}

// selfSends returns, for a dispatcher nobody waits on, the rows of its
// functions that send a value to its unbuffered queue: they wait for the
// loop to take it, so called from its handlers they deadlock. Blocking
// stays its job (OnlyDrains): only such deadlocks are findings.
func (f *finder) selfSends(l *loop, rows []roles.Func) []roles.Func {
	if len(l.dispatch) == 0 {
		return nil
	}
	var out []roles.Func
	for _, row := range rows {
		if row.SubmitLoop != roles.NoArg && len(row.Funcs) == 0 {
			out = append(out, row)
		}
	}
	l.OnlyDrains = len(out) > 0
	return out
}

// viaVars returns the rows of the package's functions that hand one of
// their func parameters, in a top-level statement before any return, to a
// package-level func variable holding a post of l (go-sdl2's Main sets
// callInMain = func(f func()) { ...; q <- ...; <-done }, and Do(f) calls
// callInMain(f)): the function posts as the variable's function does.
func (f *finder) viaVars(l *loop, base *roles.Table) []roles.Func {
	vars := map[types.Object]roles.Func{}
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return true
			}
			lit, ok := ast.Unparen(as.Rhs[0]).(*ast.FuncLit)
			v, _ := f.chanObj(as.Lhs[0]).(*types.Var)
			if !ok || v == nil || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
				return true
			}
			sig, _ := f.info.TypeOf(lit).(*types.Signature)
			if sig == nil {
				return true
			}
			decl := &ast.FuncDecl{Name: ast.NewIdent(v.Name()), Type: lit.Type, Body: lit.Body}
			if row, _, ok := f.post(l, decl, types.NewFunc(lit.Pos(), f.pass.Pkg, v.Name(), sig)); ok && len(row.Funcs) > 0 {
				vars[v] = row
			}
			return true
		})
	}
	if len(vars) == 0 {
		return nil
	}
	var rows []roles.Func
	for d, fn := range f.funcDecls() {
		if base.Lookup(fn) != nil {
			continue
		}
		for i, stmt := range d.Body.List {
			if beforeReturns(d.Body.List[:i]) {
				break
			}
			es, ok := stmt.(*ast.ExprStmt)
			if !ok {
				continue
			}
			call, _ := ast.Unparen(es.X).(*ast.CallExpr)
			if call == nil {
				continue
			}
			row, ok := vars[f.info.Uses[identOf(call.Fun)]]
			if !ok || row.Funcs[0].Arg.Index() >= len(call.Args) {
				continue
			}
			k := row.Funcs[0].Arg.Index()
			p := paramIndex(fn.Signature(), f.info.Uses[identOf(call.Args[k])])
			if p < 0 {
				continue
			}
			row.Pkg, row.Recv, row.Name = fn.Pkg().Path(), recvTypeName(recvOf(fn)), fn.Name()
			if row.Recv != "" {
				p++
			}
			row.Funcs = []roles.FuncArg{row.Funcs[0]}
			row.Funcs[0].Arg = roles.ArgAt(p)
			rows = append(rows, row)
			break
		}
	}
	return rows
}

// paramIndex is the index of v among sig's parameters, or -1.
func paramIndex(sig *types.Signature, v types.Object) int {
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// beforeReturns reports whether any of stmts returns.
func beforeReturns(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		if returns(s) {
			return true
		}
	}
	return false
}

// recvOf is the receiver type of a method, or nil.
func recvOf(fn *types.Func) types.Type {
	if r := fn.Signature().Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// post returns the row of d when it sends one of its func parameters to
// a queue of l, or any value to a queue whose values l hands to handlers
// (a request), directly in its body (not in a closure: go func() { q <- f }()
// does not wait). replied says it then waits for the loop's answer, not
// only for the loop to take what it sent. A request that is not waited
// for has no row.
func (f *finder) post(l *loop, d *ast.FuncDecl, fn *types.Func) (row roles.Func, replied, ok bool) {
	sig := fn.Signature()
	var send *ast.SendStmt
	param := -1
	var top int
	for i, stmt := range d.Body.List {
		ast.Inspect(stmt, func(n ast.Node) bool {
			if send != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SendStmt:
				obj := f.chanObj(n.Chan)
				for _, q := range l.objs {
					if obj != q {
						continue
					}
					for k := 0; k < sig.Params().Len(); k++ {
						if p := sig.Params().At(k); code.IsFunc(p.Type()) && f.carries(n.Value, p) {
							send, param, top = n, k, i
							return false
						}
					}
					if l.dispatch[q] {
						send, top = n, i
						return false
					}
				}
			}
			return true
		})
		if send != nil {
			break
		}
	}
	if send == nil {
		return roles.Func{}, false, false
	}
	recv := ""
	if sig.Recv() != nil {
		recv = recvTypeName(recvOf(fn))
	}
	row = roles.Func{Pkg: fn.Pkg().Path(), Recv: recv, Name: fn.Name()}
	awaited, sometimes, replied := f.waits(l, d, send, top)
	if param < 0 {
		// A request: only one that waits for the loop on every path has a row.
		if !awaited || sometimes {
			return roles.Func{}, false, false
		}
		row.Block, row.SubmitLoop, row.Awaited, row.Via = roles.BlockLoopServe, roles.ProcessLoop, true, l.Via
		return row, replied, true
	}
	arg := roles.ArgAt(param)
	if recv != "" {
		arg = roles.ArgAt(param + 1)
	}
	row.Funcs = []roles.FuncArg{{Arg: arg, Where: roles.OnLoop, Loop: roles.ProcessLoop, Via: l.Via, Kept: true}}
	if awaited {
		row.Block, row.SubmitLoop = roles.BlockLoopServe, roles.ProcessLoop
		fa := &row.Funcs[0]
		fa.Threadsafe, fa.Awaited, fa.Sometimes = true, true, sometimes
		row.Awaited = !sometimes
	}
	return row, replied, true
}

// waits reports whether d, having sent to l's queue with send in its
// top-level statement top, waits for the loop to serve it: on every path
// (awaited), or on some (sometimes); replied says it waits for a signal
// only the loop gives, not only for the loop to take an unbuffered send.
func (f *finder) waits(l *loop, d *ast.FuncDecl, send *ast.SendStmt, top int) (awaited, sometimes, replied bool) {
	for _, s := range d.Body.List[:top] {
		if returns(s) && !code.NilGuard(s) {
			return false, false, false // a guard: already on the loop, it runs f itself
		}
	}
	var rest []ast.Stmt
	taken := false // the send itself waits for the loop to take it
	switch s := d.Body.List[top].(type) {
	case *ast.SendStmt:
		rest = d.Body.List[top+1:]
		taken = f.unbuffered(send.Chan)
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			if cc := c.(*ast.CommClause); cc.Comm == send {
				rest = cc.Body
			}
		}
		sometimes = len(s.Body.List) > 1 // another case: it may give up
	default:
		return false, false, false
	}
	for _, s := range rest {
		switch w := f.waitIn(l, d, send, s); w {
		case waitAll:
			return true, sometimes, true
		case waitSome:
			return true, !taken, true
		}
		if returns(s) {
			break
		}
	}
	return taken, false, false
}

type wait int

const (
	noWait   wait = iota
	waitAll       // the statement waits for a signal only the loop gives
	waitSome      // it does, in a select that has another way out
)

// waitIn finds, in s (not in closures), a receive from a channel only the
// loop signals: one the sent value carries, or a field or variable that
// only l's own function or its handler methods send on or close.
func (f *finder) waitIn(l *loop, d *ast.FuncDecl, send *ast.SendStmt, s ast.Stmt) wait {
	if sel, ok := s.(*ast.SelectStmt); ok {
		for _, c := range sel.Body.List {
			if cc := c.(*ast.CommClause); cc.Comm != nil && f.waitIn(l, d, send, cc.Comm) != noWait {
				if len(sel.Body.List) > 1 {
					return waitSome
				}
				return waitAll
			}
		}
		return noWait
	}
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && f.signalledByLoop(l, d, send, n.X) {
				found = true
			}
		}
		return !found
	})
	if found {
		return waitAll
	}
	return noWait
}

func (f *finder) signalledByLoop(l *loop, d *ast.FuncDecl, send *ast.SendStmt, ch ast.Expr) bool {
	obj := f.chanObj(ch)
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	if v.Pos() > d.Pos() && v.Pos() < d.End() && !v.IsField() {
		// A local channel: the loop signals it if the sent value carries it.
		return f.carries(send.Value, v)
	}
	sites := f.signals[obj]
	for _, p := range sites {
		if !f.inLoopCode(l, p) {
			return false
		}
	}
	return len(sites) > 0
}

// inLoopCode reports whether pos is in l's function or one of its
// handler methods.
func (f *finder) inLoopCode(l *loop, pos token.Pos) bool {
	if pos >= l.body.Pos() && pos < l.body.End() {
		return true
	}
	for _, fn := range l.handlers {
		if d := f.decls[fn]; d != nil && pos >= d.Pos() && pos < d.End() {
			return true
		}
	}
	return false
}

// unbuffered reports whether every make of the queue q (assigned to its
// field or variable anywhere in the package) makes an unbuffered channel;
// false when none is found.
func (f *finder) unbuffered(q ast.Expr) bool {
	obj := f.queueObj(q)
	makes := 0
	buffered := false
	check := func(lhs types.Object, rhs ast.Expr) {
		if lhs != obj {
			return
		}
		call, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			buffered = true // made elsewhere: unknown
			return
		}
		if b, ok := f.info.Uses[identOf(call.Fun)].(*types.Builtin); !ok || b.Name() != "make" {
			buffered = true
			return
		}
		makes++
		if len(call.Args) > 1 {
			tv := f.info.Types[call.Args[1]]
			if tv.Value == nil || tv.Value.String() != "0" {
				buffered = true
			}
		}
	}
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						check(f.chanObj(n.Lhs[i]), n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						check(f.info.Defs[n.Names[i]], n.Values[i])
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := f.info.Uses[id].(*types.Var); ok && v.IsField() {
						check(v, n.Value)
					}
				}
			}
			return true
		})
	}
	return makes > 0 && !buffered
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// carries reports whether the sent value e holds v: v itself, a
// composite literal with v in it, or a closure that uses v.
func (f *finder) carries(e ast.Expr, v types.Object) bool {
	return f.carriesDepth(e, v, 0)
}

// carriesDepth is carries, following a local variable of e to the values
// assigned to it (r := request{run: f}; q <- r) up to a few steps.
func (f *finder) carriesDepth(e ast.Expr, v types.Object, depth int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := f.info.Uses[id]; obj == v {
				found = true
			} else if obj != nil && depth < 4 {
				for _, init := range f.inits[obj] {
					found = found || f.carriesDepth(init, v, depth+1)
				}
			}
		}
		switch n.(type) {
		case *ast.CallExpr:
			// v passed to a call is not what is sent, unless in a closure.
			if _, lit := e.(*ast.FuncLit); !lit {
				return false
			}
		}
		return !found
	})
	return found
}

// returns reports whether s returns (not in a closure).
func returns(s ast.Stmt) bool {
	return code.Holds(s, func(n ast.Node) bool {
		_, ok := n.(*ast.ReturnStmt)
		return ok
	})
}

// funcDecls yields the package's function declarations that have a body,
// with the functions they declare.
func (f *finder) funcDecls() iter.Seq2[*ast.FuncDecl, *types.Func] {
	return func(yield func(*ast.FuncDecl, *types.Func) bool) {
		for _, file := range f.pass.Files {
			for _, decl := range file.Decls {
				d, ok := decl.(*ast.FuncDecl)
				if !ok || d.Body == nil {
					continue
				}
				if fn, ok := f.info.Defs[d.Name].(*types.Func); ok && !yield(d, fn) {
					return
				}
			}
		}
	}
}

// recvTypeName is the name of a receiver's type: T for T, *T, T[X].
func recvTypeName(t types.Type) string {
	if t == nil {
		return ""
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}
