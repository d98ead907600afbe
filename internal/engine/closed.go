package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"golang.org/x/tools/go/analysis"
	"slices"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/code"
)

// Channels a function closes before it returns them.
//
// A helper may make a channel, put what it has in the buffer, close it and
// return it:
//
//	func run() (bool, chan error) {
//		errs := make(chan error, 1)
//		if err := work(); err != nil {
//			errs <- err
//		}
//		close(errs)
//		return true, errs
//	}
//
// Its caller's `for err := range errs` (or `<-errs`) only drains the buffer
// and ends: it waits for nothing, and is not a blocking operation. A helper
// that closes the channel later, from a goroutine it starts or a callback
// it registers, is not one: the range waits for that.
//
// The test reads syntax, so that both summaries (SSA and astsummary.go)
// agree: every return statement returns, at the result, a local variable
// assigned only where it is declared, and every path from the function's
// start to that return closes it before: close(ch), defer close(ch), a
// function literal called in place that closes it on every way through
// it, or one handed to a call that runs it before returning (a parameter an
// imported InPlaceFact names, or a function of a package the roles table
// describes whose row does not run that argument later: tview's Suspend). Same-package helpers that call their parameter are not looked
// into.

// ClosedFact is attached to a function that closes, on every path, the
// channels it returns at Results before it returns them.
type ClosedFact struct {
	Results []int
}

func (*ClosedFact) AFact() {}

func (f *ClosedFact) String() string { return fmt.Sprintf("closes results %v", f.Results) }

// closings answers which channels are closed by the function returning
// them: the facts it exports, and the receives they make brief. facts is
// Blocking's pass, which owns ClosedFact.
type closings struct {
	placer
	facts *analysis.Pass
}

// exportClosedResults exports a ClosedFact for each function of the
// package that returns channels it has closed.
func (b *Blocks) exportClosedResults() { closings{placer{b.res}, b.pass}.export() }

// export exports the package's ClosedFacts.
func (r closings) export() {
	info := r.Pass.TypesInfo
	for fd, obj := range funcDecls(info, r.Pass.Files) {
		if fd.Body == nil {
			continue
		}
		var out []int
		res := obj.Signature().Results()
		for i := range res.Len() {
			if _, ok := res.At(i).Type().Underlying().(*types.Chan); ok && r.closesResult(fd, i) {
				out = append(out, i)
			}
		}
		if len(out) > 0 {
			r.facts.ExportObjectFact(obj, &ClosedFact{Results: out})
		}
	}
}

// closesResult reports whether every return of fd gives, at result i, a
// local variable it has closed on every path to that return.
func (r closings) closesResult(fd *ast.FuncDecl, i int) bool {
	info := r.Pass.TypesInfo
	var rets []*ast.ReturnStmt
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets = append(rets, n)
		}
		return true
	})
	if len(rets) == 0 {
		return false
	}
	for _, ret := range rets {
		if i >= len(ret.Results) {
			return false // a bare return, or return f() of several results
		}
		id, ok := ast.Unparen(ret.Results[i]).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || assigned(info, fd.Body, v) {
			return false
		}
		c := closer{r: r, ch: v}
		if !c.before(fd.Body.List, ret) {
			return false
		}
	}
	return true
}

// closer finds where a function closes the channel variable ch.
type closer struct {
	r  closings
	ch *types.Var
	// inLit is set in the body of a function literal, where a return
	// leaves before what follows it.
	inLit bool
}

// before reports whether every path from the start of list to target (a
// statement within it) closes ch before target returns.
func (c closer) before(list []ast.Stmt, target ast.Node) bool {
	for _, s := range list {
		if within(s, target.Pos()) {
			return c.within(s, target)
		}
		if c.stmt(s) {
			return true
		}
	}
	return false
}

// within is before for target inside s.
func (c closer) within(s ast.Stmt, target ast.Node) bool {
	if s == target {
		return c.expr(s) // return run(func() { close(ch) }), ch
	}
	var init ast.Stmt
	var lists [][]ast.Stmt
	switch s := s.(type) {
	case *ast.BlockStmt:
		lists = [][]ast.Stmt{s.List}
	case *ast.LabeledStmt:
		return c.within(s.Stmt, target)
	case *ast.IfStmt:
		init, lists = s.Init, [][]ast.Stmt{s.Body.List}
		if s.Else != nil && within(s.Else, target.Pos()) {
			return init != nil && c.stmt(init) || c.within(s.Else, target)
		}
	case *ast.ForStmt:
		init, lists = s.Init, [][]ast.Stmt{s.Body.List}
	case *ast.RangeStmt:
		lists = [][]ast.Stmt{s.Body.List}
	case *ast.SwitchStmt:
		init, lists = s.Init, clauseBodies(s.Body)
	case *ast.TypeSwitchStmt:
		init, lists = s.Init, clauseBodies(s.Body)
	case *ast.SelectStmt:
		lists = clauseBodies(s.Body)
	default:
		return false
	}
	if init != nil && c.stmt(init) {
		return true
	}
	for _, l := range lists {
		if len(l) > 0 && l[0].Pos() <= target.Pos() && target.Pos() < l[len(l)-1].End() {
			return c.before(l, target)
		}
	}
	return false
}

// clauseBodies are the statement lists of a switch's or select's clauses.
func clauseBodies(b *ast.BlockStmt) [][]ast.Stmt {
	var out [][]ast.Stmt
	for _, s := range b.List {
		switch cl := s.(type) {
		case *ast.CaseClause:
			out = append(out, cl.Body)
		case *ast.CommClause:
			out = append(out, cl.Body)
		}
	}
	return out
}

// stmt reports whether s, when it completes normally, has closed ch or
// deferred closing it.
func (c closer) stmt(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt:
		return c.expr(s)
	case *ast.DeferStmt:
		return c.closes(s.Call)
	case *ast.BlockStmt:
		return c.list(s.List)
	case *ast.IfStmt:
		return s.Init != nil && c.stmt(s.Init) || s.Else != nil && c.list(s.Body.List) && c.stmt(s.Else)
	}
	return false
}

// list reports whether every way through list to its end closes ch: a
// statement of it does, with no branch statement before it.
func (c closer) list(list []ast.Stmt) bool {
	for _, s := range list {
		if c.stmt(s) {
			return true
		}
		if branches(s) || c.inLit && mayLeave(s) {
			return false
		}
	}
	return false
}

// branches reports whether s holds a break, continue, goto or fallthrough
// outside function literals: a way past what follows it.
func branches(s ast.Stmt) bool {
	return code.Holds(s, func(n ast.Node) bool {
		_, ok := n.(*ast.BranchStmt)
		return ok
	})
}

// expr reports whether evaluating n (an expression, a simple statement or
// a return) certainly closes ch: a call in it does, not on the right of
// && or ||.
func (c closer) expr(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if m.Op == token.LAND || m.Op == token.LOR {
				ast.Inspect(m.X, func(x ast.Node) bool { return !found && c.visit(x, &found) })
				return false
			}
		}
		return !found && c.visit(m, &found)
	})
	return found
}

// visit is expr's step: a call that closes ch sets found.
func (c closer) visit(n ast.Node, found *bool) bool {
	if _, ok := n.(*ast.FuncLit); ok {
		return false
	}
	if call, ok := n.(*ast.CallExpr); ok && c.closes(call) {
		*found = true
	}
	return !*found
}

// closes reports whether call closes ch before it returns: close(ch), a
// function literal called in place whose every way to its end closes it,
// or one handed to a callee that runs it before returning.
func (c closer) closes(call *ast.CallExpr) bool {
	info := c.r.Pass.TypesInfo
	fun := ast.Unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "close" && len(call.Args) == 1 && c.is(call.Args[0])
		}
	}
	lit := closer{r: c.r, ch: c.ch, inLit: true}
	if f, ok := fun.(*ast.FuncLit); ok {
		return lit.list(f.Body.List)
	}
	for k, a := range call.Args {
		if f, ok := ast.Unparen(a).(*ast.FuncLit); ok && lit.list(f.Body.List) && c.r.runsBeforeReturn(call, k) {
			return true
		}
	}
	return false
}

// is reports whether e is ch.
func (c closer) is(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.r.Pass.TypesInfo.Uses[id] == c.ch
}

// runsBeforeReturn reports whether call runs its function argument k before
// it returns: the callee's InPlaceFact names the parameter, or the callee
// belongs to a package the roles table describes (its body is not
// analysed) and its row, if any, does not run that argument later.
func (r closings) runsBeforeReturn(call *ast.CallExpr, k int) bool {
	info := r.Pass.TypesInfo
	callee, _ := typeutil.Callee(info, call).(*types.Func)
	if callee == nil || callee.Pkg() == nil || callee.Pkg() == r.Pass.Pkg {
		return false
	}
	callee = callee.Origin()
	param := k
	if code.MethodCall(r.Pass, call) != nil {
		param++ // InPlaceFact and rows count the receiver as 0
	}
	if !r.Roles.DescribedOnly(callee.Pkg().Path()) {
		f := new(InPlaceFact)
		return r.Pass.ImportObjectFact(callee, f) && slices.Contains(f.Params, param)
	}
	row := r.Roles.LookupCall(invokeRecv(info, call, callee), callee)
	return row == nil || !has(row.Funcs, param)
}

// closedChan reports whether the channel v was returned by a call whose
// callee closed it before returning (ClosedFact): receiving from it waits
// for nothing.
func (r closings) closedChan(v ssa.Value) bool {
	ref := r.canon(v)
	if ref.path != "" {
		return false
	}
	i := 0
	switch x := ref.root.(type) {
	case *ssa.Extract:
		v, i = x.Tuple, x.Index
	default:
		v = x
	}
	call, ok := v.(*ssa.Call)
	if !ok || call.Call.IsInvoke() || call.Call.StaticCallee() == nil {
		return false
	}
	return r.closesResultOf(code.FuncObj(call.Call.StaticCallee()), i)
}

// closesResultOf reports whether fn's ClosedFact names result i.
func (r closings) closesResultOf(fn *types.Func, i int) bool {
	f := new(ClosedFact)
	return fn != nil && r.facts.ImportObjectFact(fn.Origin(), f) && slices.Contains(f.Results, i)
}

// closedChanInSyntax is closedChan read from syntax: e is a call whose
// only result the callee closed, or a local variable of body declared from
// result i of such a call and never assigned again.
func (r closings) closedChanInSyntax(body *ast.BlockStmt, e ast.Expr) bool {
	info := r.Pass.TypesInfo
	callClosed := func(x ast.Expr, i int) bool {
		call, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, _ := typeutil.Callee(info, call).(*types.Func)
		return fn != nil && !isInterfaceMethod(fn) && r.closesResultOf(fn, i)
	}
	if _, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return callClosed(e, 0)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || assigned(info, body, v) {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []*ast.Ident
		var rhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				l, _ := l.(*ast.Ident)
				lhs = append(lhs, l)
			}
			rhs = n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = n.Names, n.Values
		default:
			return !found
		}
		for j, l := range lhs {
			if l == nil || info.Defs[l] != v {
				continue
			}
			switch {
			case len(rhs) == 1 && len(lhs) > 1:
				found = callClosed(rhs[0], j)
			case j < len(rhs):
				found = callClosed(rhs[j], 0)
			}
		}
		return !found
	})
	return found
}
