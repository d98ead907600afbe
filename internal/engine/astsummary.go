package engine

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// exportASTSummaries computes may-block facts for a package that references
// no loop runtime, without SSA: a walk of the typed syntax of each function
// body. Such a package has no loop code, so the summaries are all the engine
// needs from it, and the walk costs little more than reading the syntax.
//
// The walk sees what the SSA analysis sees for blocking: channel receives,
// ranges over channels, selects without default, calls to table blockers,
// and static calls to functions with summaries. It does not enter go
// statements or closures that are not called in place or deferred.
func (r summarizer) exportASTSummaries() {
	type site struct {
		callee  *types.Func
		pos     token.Pos
		end     token.Pos     // the call's end: inner calls, evaluated first, end first
		certain bool          // on every path through the caller
		quiet   []string      // rules ignore directives name at the call
		impls   []*types.Func // an interface call's: the methods it may run (sharedBlocks)
	}
	r.ignores = reasonedIgnores(r.Pass.Fset, r.Pass.Files)
	var order []*types.Func
	direct := map[*types.Func][]way{}
	calls := map[*types.Func][]site{}
	info := r.Pass.TypesInfo
	stoppers := stoppersInSyntax(info, r.Pass.Files)
	closed := closings{r.placer, r.Blocks.pass}
	ifaces := closedCalls{Result: r.Result}

	for fd, obj := range funcDecls(info, r.Pass.Files) {
		if fd.Body == nil {
			continue
		}
		order = append(order, obj)
		var ways []way
		op := func(pos token.Pos, kind roles.Block, what string) {
			f := &BlocksFact{Kind: kind, Chain: []Step{r.step(what, pos)}, Certain: certainIn(info, fd, pos)}
			ways = append(ways, way{fact: f, quiet: r.silencedAt(pos)})
		}
		var walk func(n ast.Node) bool
		walk = func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				// The goroutine's body and call run elsewhere; only the
				// arguments are evaluated here.
				for _, a := range n.Call.Args {
					ast.Inspect(a, walk)
				}
				return false
			case *ast.FuncLit:
				return false // runs when called, which is not here
			case *ast.BlockStmt:
				// A stop-then-wait receive waits for the goroutine the
				// code has just stopped: skip it, walk the rest.
				for i, st := range n.List {
					if stoppedBeforeInSyntax(info, n.List, i, stoppers) {
						ast.Inspect(receiveStmt(st).X, walk)
						continue
					}
					ast.Inspect(st, walk)
				}
				return false
			case *ast.UnaryExpr:
				if n.Op == token.ARROW && !closed.closedChanInSyntax(fd.Body, n.X) {
					op(n.OpPos, roles.BlockChan, "receives from a channel")
				}
			case *ast.RangeStmt:
				if _, ok := info.TypeOf(n.X).Underlying().(*types.Chan); ok && !closed.closedChanInSyntax(fd.Body, n.X) {
					op(n.For, roles.BlockChan, "ranges over a channel")
				}
			case *ast.SelectStmt:
				hasDefault := false
				for _, c := range n.Body.List {
					if c.(*ast.CommClause).Comm == nil {
						hasDefault = true
					}
				}
				if !hasDefault {
					op(n.Select, roles.BlockChan, "selects without default")
				}
				// The communications are the select's; walk their operands.
				for _, c := range n.Body.List {
					cc := c.(*ast.CommClause)
					for _, e := range commOperands(cc.Comm) {
						ast.Inspect(e, walk)
					}
					for _, s := range cc.Body {
						ast.Inspect(s, walk)
					}
				}
				return false
			case *ast.CallExpr:
				if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
					ast.Inspect(lit.Body, walk) // called in place (or deferred)
				}
				callee, _ := typeutil.Callee(info, n).(*types.Func)
				if callee == nil {
					return true
				}
				callee = callee.Origin()
				if row := r.Roles.LookupCall(invokeRecv(info, n, callee), callee); row != nil {
					if row.Block != roles.NoBlock {
						op(n.Lparen, row.Block, "calls "+code.FuncName(r.Pass, callee))
					}
					return true
				}
				s := site{callee, n.Lparen, n.End(), certainIn(info, fd, n.Lparen), r.silencedAt(n.Lparen), nil}
				if isInterfaceMethod(callee) {
					if s.impls = ifaces.implsOf(info, n, callee); s.impls == nil {
						return true
					}
				}
				calls[obj] = append(calls[obj], s)
			}
			return true
		}
		ast.Inspect(fd.Body, walk)
		// In the order SSA has them: a.Do().Into() calls Do first.
		slices.SortStableFunc(calls[obj], func(a, b site) int { return cmp.Compare(a.end, b.end) })
		// In source order, as SSA orders a function's operations.
		slices.SortStableFunc(ways, func(a, b way) int { return cmp.Compare(a.fact.Chain[0].at, b.fact.Chain[0].at) })
		direct[obj] = ways
	}

	summary := map[*types.Func]*BlocksFact{}
	imported := map[*types.Func]*BlocksFact{}
	for _, sites := range calls {
		for _, s := range sites {
			if s.impls == nil && s.callee.Pkg() != r.Pass.Pkg {
				imported[s.callee] = r.importBlocks(s.callee)
			}
		}
	}
	for _, fn := range order {
		if f := choose(direct[fn], nil); f != nil {
			summary[fn] = f
		}
	}
	local := func(m *types.Func) *BlocksFact { return summary[m.Origin()] }
	for changed, round := true, 0; changed && round < maxRounds(len(order)); round++ {
		changed = false
		found := map[*types.Func]*BlocksFact{}
		for _, fn := range order {
			ways := direct[fn]
			for _, s := range calls[fn] {
				f := summary[s.callee]
				if s.callee.Pkg() != r.Pass.Pkg {
					f = imported[s.callee]
				}
				if s.impls != nil {
					// As dispatchBlocks, the implementation is the call's step.
					if via := r.sharedBlocks(s.impls, s.pos, local); via != nil {
						in := *via
						in.Certain = s.certain && in.Certain
						in.Pkg, in.Loop = "", ""
						ways = append(ways, way{fact: &in, quiet: union(s.quiet, in.Silenced)})
					}
					continue
				}
				if f != nil {
					step := r.step("calls "+code.FuncName(r.Pass, s.callee), s.pos)
					w := through(f, step, s.certain, s.quiet)
					w.fact.Pkg, w.fact.Loop = "", "" // the syntax summary names no library
					ways = append(ways, w)
				}
			}
			if f := choose(ways, summary[fn]); !sameSummary(f, summary[fn]) {
				found[fn] = f
			}
		}
		for _, fn := range order {
			if f := found[fn]; f != nil {
				summary[fn] = f
				changed = true
			}
		}
	}
	for _, fn := range order {
		if f := summary[fn]; f != nil {
			r.pass.ExportObjectFact(fn, f)
		}
	}
}

// exportASTSchedules exports, for a package that references no loop
// runtime, the SchedulesFacts of its exported functions that run a
// function parameter with a go statement (goParamsInSyntax), read from
// syntax as exportASTSummaries reads the may-block summaries.
func exportASTSchedules(pass *analysis.Pass) {
	for fd, obj := range funcDecls(pass.TypesInfo, pass.Files) {
		if fd.Body == nil || !obj.Exported() {
			continue
		}
		if params := goParamsInSyntax(pass.TypesInfo, fd); len(params) > 0 {
			pass.ExportObjectFact(obj, &SchedulesFact{Params: params})
		}
	}
}

// goParamsInSyntax is goParams read from syntax: the function parameters
// of fd that its body runs with a go statement (go f()), counted as
// SchedulesFact counts them (a method's receiver first).
func goParamsInSyntax(info *types.Info, fd *ast.FuncDecl) []roles.FuncArg {
	var vars []*types.Var
	if fd.Recv != nil {
		for _, f := range fd.Recv.List {
			for _, n := range f.Names {
				vars = append(vars, info.Defs[n].(*types.Var))
			}
			if len(f.Names) == 0 {
				vars = append(vars, nil)
			}
		}
	}
	for _, f := range fd.Type.Params.List {
		if !code.IsFunc(info.TypeOf(f.Type)) {
			vars = append(vars, make([]*types.Var, max(len(f.Names), 1))...)
			continue
		}
		for _, n := range f.Names {
			v, _ := info.Defs[n].(*types.Var)
			vars = append(vars, v)
		}
		if len(f.Names) == 0 {
			vars = append(vars, nil)
		}
	}
	var out []roles.FuncArg
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		id, ok := ast.Unparen(g.Call.Fun).(*ast.Ident)
		if !ok {
			return true
		}
		for k, v := range vars {
			if v != nil && info.Uses[id] == v && !has(out, k) && !assigned(info, fd.Body, v) && onlyStartedInSyntax(info, fd.Body, v) {
				out = append(out, roles.FuncArg{Arg: roles.ArgAt(k), Where: roles.OffLoop, Loop: roles.NoArg, OwnGoroutine: true})
			}
		}
		return true
	})
	return out
}

// onlyStartedInSyntax is onlyStarted read from syntax: every use of v in
// body is the function of a go statement or an operand of a nil comparison.
func onlyStartedInSyntax(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	ok := map[*ast.Ident]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			if id, isID := ast.Unparen(n.Call.Fun).(*ast.Ident); isID {
				ok[id] = true
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (code.IsNilIdent(n.X) || code.IsNilIdent(n.Y)) {
				for _, e := range []ast.Expr{n.X, n.Y} {
					if id, isID := ast.Unparen(e).(*ast.Ident); isID {
						ok[id] = true
					}
				}
			}
		}
		return true
	})
	only := true
	ast.Inspect(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && info.Uses[id] == v && !ok[id] {
			only = false
		}
		return only
	})
	return only
}

// assigned reports whether body assigns to v.
func assigned(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.Uses[id] == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// commOperands are the parts of a select communication evaluated before
// the select chooses: the channel and value expressions.
func commOperands(s ast.Stmt) []ast.Expr {
	switch s := s.(type) {
	case *ast.ExprStmt:
		if u, ok := ast.Unparen(s.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			return []ast.Expr{u.X}
		}
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			if u, ok := ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
				return []ast.Expr{u.X}
			}
		}
	case *ast.SendStmt:
		return []ast.Expr{s.Chan, s.Value}
	}
	return nil
}

// invokeRecv is the static type of the receiver of call when it calls an
// interface method (the interface the call goes through), else nil.
func invokeRecv(info *types.Info, call *ast.CallExpr, callee *types.Func) types.Type {
	if !isInterfaceMethod(callee) {
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return info.TypeOf(sel.X)
	}
	return nil
}

func isInterfaceMethod(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Recv() != nil && types.IsInterface(sig.Recv().Type())
}
