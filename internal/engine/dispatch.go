package engine

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Calls through an interface of the application's own (a Screen interface
// that *tview.Application implements, a lookup service with one
// implementation) resolve to the methods of the concrete types that
// implement it: the named types of the package and of its dependencies,
// the standard library's included. A call has the role, or blocks, only when every implementation does the
// same: with two implementations of which one blocks, or none visible, the
// call is left alone. Only interfaces of the package or of its module's
// other packages are resolved, and those of the libraries the roles table
// says only their own types implement (roles.ClosedInterface: client-go's
// clientset): behind one of the standard library's (io.Writer, error) any
// type may be, and another library's own (actor.Context) has
// implementations export data may not show.
//
// The implementations are worked out once, before placement, for the
// interface calls of packages that use a loop API; rules read them.

// implsOf returns the methods call (an interface method call) may run, or
// nil when it is not resolved.
func (r *Result) implsOf(call *ssa.CallCommon) []*types.Func {
	if !call.IsInvoke() {
		return nil
	}
	return r.impls[call]
}

// resolveInterfaceCalls fills r.impls for the package's interface calls;
// with closedOnly (a package with no loop code, which its syntax would
// summarise), for those of closed libraries' interfaces only, as
// closedCalls does.
func (r placer) resolveInterfaceCalls(closedOnly bool) {
	r.impls = map[*ssa.CallCommon][]*types.Func{}
	var byName map[string][]*types.Named // candidate types by method name, lazily collected
	var byIface typeutil.Map             // interface type -> map[method name][]*types.Func
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if !ok || !ci.Common().IsInvoke() {
					continue
				}
				call := ci.Common()
				iface, _ := call.Value.Type().Underlying().(*types.Interface)
				if iface == nil || !ownInterface(r.Pass, r.Roles, call.Method.Pkg()) ||
					closedOnly && !roles.ClosedInterface(call.Method.Pkg().Path()) ||
					r.Roles.LookupCall(call.Value.Type(), call.Method) != nil {
					continue
				}
				if byName == nil {
					// What the syntax summary's closedCalls sees: it cannot
					// tell which of the package's types are converted.
					converted := map[*types.TypeName]bool(nil)
					if !closedOnly {
						converted = r.convertedTypes()
					}
					byName = byMethodName(r.concreteTypes(converted))
				}
				known, _ := byIface.At(call.Value.Type()).(map[string][]*types.Func)
				if known == nil {
					known = map[string][]*types.Func{}
					byIface.Set(call.Value.Type(), known)
				}
				out, done := known[call.Method.Name()]
				if !done {
					for _, t := range byName[call.Method.Name()] {
						if m := implementation(t, iface, call.Method); m != nil {
							out = append(out, m)
						}
					}
					known[call.Method.Name()] = out
				}
				if len(out) > 0 {
					r.impls[call] = out
				}
			}
		}
	}
}

// ownInterface reports whether an interface method declared in pkg is one
// whose implementations the package can see: declared in the package, or
// in another package of its module that is not a loop library. A library's
// interface (actor.Context) has implementations of its own that export
// data may not show, so a test's mock could pass for the only one.
func ownInterface(pass *analysis.Pass, table *roles.Table, pkg *types.Package) bool {
	switch {
	case pkg == nil || roles.IsStd(pkg.Path()):
		return false
	case pkg == pass.Pkg || roles.ClosedInterface(pkg.Path()):
		return true
	case pass.Module == nil || pass.Module.Path == "" || table.LoopRuntime(pkg.Path()):
		return false
	}
	mod := pass.Module.Path
	return pkg.Path() == mod || strings.HasPrefix(pkg.Path(), mod+"/")
}

// implementation returns the method of t (or *t) that a call of method m
// of iface runs when t implements iface, or nil.
func implementation(t *types.Named, iface *types.Interface, m *types.Func) *types.Func {
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		if !types.Implements(tt, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(tt, true, m.Pkg(), m.Name())
		if f, ok := obj.(*types.Func); ok {
			return f
		}
	}
	return nil
}

// convertedTypes are the package's types its code converts to an
// interface.
func (r placer) convertedTypes() map[*types.TypeName]bool {
	converted := map[*types.TypeName]bool{}
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mi, ok := instr.(*ssa.MakeInterface); ok {
					if n := namedOf(mi.X.Type()); n != nil {
						converted[n.Obj()] = true
					}
				}
			}
		}
	}
	return converted
}

// concreteTypes are the candidate implementations: the package-level named
// types, neither interfaces nor generic, of the package and of every
// package it depends on, the standard library included (a *log.Logger may
// be what an importer hands in). An unexported type of the package that
// the package never converts to an interface cannot be behind one; with
// converted nil (no SSA to tell), every type of the package is a candidate.
func (r *Result) concreteTypes(converted map[*types.TypeName]bool) []*types.Named {
	var out []*types.Named
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || p == r.Pass.Pkg && converted != nil && !tn.Exported() && !converted[tn] {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() == 0 && !types.IsInterface(n) {
				out = append(out, n)
			}
		}
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(r.Pass.Pkg)
	return out
}

// byMethodName indexes types by the names of the methods they declare or
// promote from embedded fields: a superset of their method sets' names,
// found without computing method sets, so that only the few types that
// have a called method's name are checked against its interface.
func byMethodName(ts []*types.Named) map[string][]*types.Named {
	memo := map[types.Type][]string{}
	var names func(t types.Type, depth int) []string
	names = func(t types.Type, depth int) []string {
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		t = types.Unalias(t)
		if got, ok := memo[t]; ok || depth > 8 {
			return got
		}
		memo[t] = nil // cycles through embedded pointers
		var out []string
		if n, ok := t.(*types.Named); ok {
			for i := 0; i < n.NumMethods(); i++ {
				out = append(out, n.Method(i).Name())
			}
		}
		switch u := t.Underlying().(type) {
		case *types.Struct:
			for i := 0; i < u.NumFields(); i++ {
				if f := u.Field(i); f.Embedded() {
					out = append(out, names(f.Type(), depth+1)...)
				}
			}
		case *types.Interface:
			for i := 0; i < u.NumMethods(); i++ {
				out = append(out, u.Method(i).Name())
			}
		}
		memo[t] = out
		return out
	}
	idx := map[string][]*types.Named{}
	for _, t := range ts {
		seen := map[string]bool{}
		for _, name := range names(t, 0) {
			if !seen[name] {
				seen[name] = true
				idx[name] = append(idx[name], t)
			}
		}
	}
	return idx
}

// dispatchRole is the role of an interface call whose every implementation
// has the same role (the table's row of (*tview.Application).QueueUpdateDraw
// behind an interface of the application's, or a wrapper's fact), or nil.
func (r placer) dispatchRole(call *ssa.CallCommon) *roles.Func {
	var first *roles.Func
	for _, m := range r.implsOf(call) {
		row := r.funcRole(m)
		if row == nil || first != nil && !sameRole(first, row) {
			return nil
		}
		if first == nil {
			first = row
		}
	}
	return first
}

// sameRole reports whether two rows do the same to their arguments, whatever
// the functions they describe.
func sameRole(a, b *roles.Func) bool {
	x, y := *a, *b
	x.Pkg, x.Recv, x.Name, y.Pkg, y.Recv, y.Name = "", "", "", "", "", ""
	return reflect.DeepEqual(x, y)
}

// funcRole is calleeRole for a function known by its object: a table row,
// or a wrapper's SchedulesFact, of this package or imported.
func (r placer) funcRole(obj *types.Func) *roles.Func {
	if row := r.Roles.Lookup(obj); row != nil {
		return row
	}
	if obj.Pkg() == r.Pass.Pkg {
		if fn := r.SSA.Prog.FuncValue(obj); fn != nil {
			return r.calleeRole(fn)
		}
		return nil
	}
	if f := new(SchedulesFact); r.Pass.ImportObjectFact(obj, f) {
		return wrapperRow(obj, f)
	}
	return nil
}

// dispatchBlocks is the may-block summary of an interface call whose every
// implementation may block: the first implementation's chain, after a
// step naming it. Nil when one may not.
func (r summarizer) dispatchBlocks(ci ssa.CallInstruction) *BlocksFact {
	return r.sharedBlocks(r.implsOf(ci.Common()), ci.Pos(), func(m *types.Func) *BlocksFact {
		if fn := r.SSA.Prog.FuncValue(m); fn != nil {
			return r.blocks[fn]
		}
		return nil
	})
}

// sharedBlocks is the may-block summary of a call that runs one of impls:
// dispatchBlocks, for a call site at pos. local is the summary so far of
// an implementation of the package itself (SSA's, or the syntax walk's:
// both resolve to the package's own methods, as client-go's
// EventSinkImpl calls its package's *events through EventInterface).
func (r summarizer) sharedBlocks(impls []*types.Func, pos token.Pos, local func(*types.Func) *BlocksFact) *BlocksFact {
	var first *BlocksFact
	var via *types.Func
	certain, silenced := true, []string(nil)
	for _, m := range impls {
		var f *BlocksFact
		if m.Pkg() == r.Pass.Pkg {
			f = local(m)
		} else {
			f = r.importBlocks(m.Origin()) // a generic type's method, promoted (gentype.Client[T].Get)
		}
		if f == nil {
			return nil
		}
		if first == nil {
			first, via, silenced = f, m, slices.Clone(f.Silenced)
		}
		// Certain and silenced only when so whichever implementation runs.
		certain = certain && f.Certain
		silenced = slices.DeleteFunc(silenced, func(rule string) bool { return !f.Silences(rule) })
	}
	if first == nil {
		return nil
	}
	what := "runs " + code.FuncName(r.Pass, via) + ", its only implementation"
	if len(impls) > 1 {
		what = fmt.Sprintf("runs %s, one of %d implementations that all block", code.FuncName(r.Pass, via), len(impls))
	}
	chain := append([]Step{r.step(what, pos)}, first.Chain...)
	return &BlocksFact{Kind: first.Kind, Chain: chain, Pkg: first.Pkg, Loop: first.Loop, Certain: certain, Silenced: silenced}
}

// closedCalls resolves, in the syntax summary of a package with no SSA,
// the calls through the interfaces of libraries that only their own types
// implement (roles.ClosedInterface), where an application keeps the
// library's client (dial.BatchV1().CronJobs(ns).Get(...)).
type closedCalls struct {
	*Result
	byName map[string][]*types.Named // candidate types by method name, lazily collected
}

// implsOf returns the methods the interface method call may run, or nil
// when its interface is not a closed library's.
func (c *closedCalls) implsOf(info *types.Info, call *ast.CallExpr, method *types.Func) []*types.Func {
	if method.Pkg() == nil || !roles.ClosedInterface(method.Pkg().Path()) {
		return nil
	}
	recv := invokeRecv(info, call, method)
	if recv == nil {
		return nil
	}
	iface, _ := recv.Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	if c.byName == nil {
		c.byName = byMethodName(c.concreteTypes(nil))
	}
	var out []*types.Func
	for _, t := range c.byName[method.Name()] {
		if m := implementation(t, iface, method); m != nil {
			out = append(out, m)
		}
	}
	return out
}
