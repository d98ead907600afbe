package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Touch is the first thing a function running off the loop does that must
// happen on the loop.
type Touch struct {
	Pos  token.Pos
	What string // "writes loop-owned s.count", "calls loop-only (*futures.Loop).CallSoon"
	API  bool   // a loop-only call, rather than a write
	// Call is the call the touch is at: the loop-only call (Row its row),
	// or the call into a function of the package that touches (Row nil).
	// Nil for a write in the scanned function itself.
	Call ssa.CallInstruction
	Row  *roles.Func
	// Bound is set for a call on a loop-bound value (the *goja.Runtime a
	// loop callback is given, with no row of its own): the loop code
	// given it.
	Bound *ssa.Function
}

// ownedFunc names the loop-owned variable or receiver a root value (a free
// variable or parameter) stands for, if it stands for one.
type ownedFunc func(root ssa.Value) (string, bool)

// calleeDepth bounds how far a callback's calls to functions of the
// package are followed.
const calleeDepth = 2

// Touches returns what t, a function value that loop code hands to another
// goroutine (an OnDone callback, a go statement's function), does that
// races with the loop, or nil:
// a loop-only call (a method of a loop-bound value included), or a write
// to loop-owned state, in the callback's
// activation (with the closures it calls in place or defers) or in
// functions of the package it calls with loop-owned arguments. Writes in a
// callback that takes a lock, sends on or closes a channel, or publishes
// otherwise (wg.Done, an atomic store: the roles table's Publishes) are taken
// to be synchronised with their reader (precision first: which writes the
// lock or the channel publishes is not worked out). A loop-only call is reported
// regardless: no synchronisation makes it safe. Loop-owned state is what
// t captures from the loop code that made it, and the receiver of a method
// value bound there; t runs with the closures it calls in place or defers
// (Activation).
func (r *Result) Touches(t Target) *Touch {
	sc := &scanner{res: r, seen: map[*ssa.Function]bool{}}
	owned := func(root ssa.Value) (string, bool) {
		switch v := root.(type) {
		case *ssa.FreeVar:
			if v.Parent() == t.Fn {
				return v.Name(), true // captured from the loop code that made the callback
			}
		case *ssa.Parameter:
			if t.Recv != nil && v.Parent() == t.Fn && t.Fn.Params[0] == v {
				return v.Name(), true // the receiver of a method value bound in loop code
			}
		}
		return "", false
	}
	for _, g := range r.Activation(t.Fn) {
		sc.scan(g, owned, 0)
	}
	if sc.api != nil {
		return sc.api
	}
	if sc.write != nil && !sc.synced {
		return sc.write
	}
	return nil
}

type scanner struct {
	res        *Result
	seen       map[*ssa.Function]bool
	api, write *Touch
	apis       []*Touch // every loop-only call apiOK accepts, in scan order
	synced     bool     // a lock is taken, a channel sent on or closed, or writes published: they are taken to be synchronised

	// apiOK, when set, says which loop-only calls count (depth is how many
	// calls deep into functions of the package the call is); unset, all do.
	apiOK func(ci ssa.CallInstruction, row *roles.Func, depth int) bool
	// fields, when set, are the only fields through which a write reaches
	// loop-owned state; a write with no field on the way needs local.
	fields map[*types.Var]bool
	local  func(root ssa.Value) bool
	// skip, when set, leaves out writes through the roots it accepts.
	skip func(root ssa.Value) bool
}

// scan looks through g; findings are placed and named as seen from the
// callback, through via (the call the callback makes into g's chain) when
// depth > 0.
func (sc *scanner) scan(g *ssa.Function, owned ownedFunc, depth int) {
	sc.scanVia(g, owned, depth, nil)
}

func (sc *scanner) scanVia(g *ssa.Function, owned ownedFunc, depth int, via *Touch) {
	note := func(slot **Touch, pos token.Pos, what string, ci ssa.CallInstruction, row *roles.Func, bound *ssa.Function) {
		if via != nil {
			pos, what, ci, row, bound = via.Pos, via.What+what, via.Call, nil, nil
		}
		t := &Touch{Pos: pos, What: what, API: slot == &sc.api, Call: ci, Row: row, Bound: bound}
		if t.API && pos.IsValid() && (len(sc.apis) == 0 || sc.apis[len(sc.apis)-1].Pos != pos) {
			sc.apis = append(sc.apis, t)
		}
		if pos.IsValid() && (*slot == nil || pos < (*slot).Pos) {
			*slot = t
		}
	}
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Go:
				// runs on a goroutine of its own
			case ssa.CallInstruction:
				common := instr.Common()
				row := sc.res.Role(common)
				if row != nil && (row.Locks || row.Holds || row.Publishes || row.SubmitLoop.Valid()) {
					sc.synced = true // a lock, a publication, a hand-back to a loop
				}
				if row != nil && row.LoopOnly {
					if sc.apiOK == nil || sc.apiOK(instr, row, depth) {
						note(&sc.api, code.CallPos(instr), "calls loop-only "+code.CallName(sc.res.Pass, common), instr, row, nil)
					}
					continue
				}
				if bound := sc.res.BoundCall(common); bound != nil {
					// A method of a value bound to a loop: loop-only, row or not.
					if sc.apiOK == nil || sc.apiOK(instr, nil, depth) {
						note(&sc.api, code.CallPos(instr), "calls loop-only "+code.CallName(sc.res.Pass, common), instr, nil, bound)
					}
					continue
				}
				if row != nil {
					continue
				}
				if b, ok := common.Value.(*ssa.Builtin); ok && b.Object() == types.Universe.Lookup("close") {
					sc.synced = true
				}
				sc.follow(instr, owned, depth, via)
			case *ssa.Send:
				sc.synced = true
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir == types.SendOnly {
						sc.synced = true
					}
				}
			case *ssa.Store:
				if name, ok := sc.ownedPath(instr.Addr, owned, 0); ok {
					note(&sc.write, instr.Pos(), "writes loop-owned "+name, nil, nil, nil)
				}
			case *ssa.MapUpdate:
				if name, ok := sc.ownedPath(instr.Map, owned, 0); ok {
					note(&sc.write, instr.Pos(), "writes to loop-owned map "+name, nil, nil, nil)
				}
			}
		}
	}
}

// follow scans a static call to a declared function of the package, with
// the parameters that receive loop-owned values standing for them.
func (sc *scanner) follow(ci ssa.CallInstruction, owned ownedFunc, depth int, via *Touch) {
	callee := ci.Common().StaticCallee()
	if depth >= calleeDepth || callee == nil || callee.Parent() != nil || callee.Pkg != sc.res.SSA || len(callee.Blocks) == 0 || sc.seen[callee] {
		return
	}
	args := map[*ssa.Parameter]string{}
	for i, a := range ci.Common().Args {
		if i < len(callee.Params) {
			if name, root, _ := sc.path(a, owned, 0); root != nil {
				args[callee.Params[i]] = name
			}
		}
	}
	if via == nil {
		// As the callback spells it: s.record.
		via = &Touch{Pos: code.CallPos(ci), What: "calls " + sc.res.Written(ci).Callee() + ", which ", Call: ci}
	}
	sc.seen[callee] = true
	sc.scanVia(callee, func(root ssa.Value) (string, bool) {
		p, ok := root.(*ssa.Parameter)
		if !ok {
			return "", false
		}
		name, ok := args[p]
		return name, ok
	}, depth+1, via)
	sc.seen[callee] = false
}

// ownedPath reports whether address (or map, or pointer) v reaches state
// that owned accepts as loop-owned: the root itself, or a field or element
// reached through it (only through fields, or a root local accepts, when
// the scanner has fields). It names the state as the source spells it.
func (sc *scanner) ownedPath(v ssa.Value, owned ownedFunc, depth int) (string, bool) {
	name, root, field := sc.path(v, owned, depth)
	if root == nil || sc.skip != nil && sc.skip(root) || sc.fields != nil && !field && (sc.local == nil || !sc.local(root)) {
		return "", false
	}
	return name, true
}

// path follows v to a root owned accepts; field says whether a field was
// on the way.
func (sc *scanner) path(v ssa.Value, owned ownedFunc, depth int) (string, ssa.Value, bool) {
	if depth > 16 {
		return "", nil, false
	}
	d := depth + 1
	switch v := v.(type) {
	case *ssa.FreeVar:
		if name, ok := owned(v); ok {
			return name, v, false
		}
		// A closure run in place within the callback: follow the capture
		// to the callback's own variable or capture.
		if b := sc.res.Binding(v); b != nil {
			return sc.path(b, owned, d)
		}
	case *ssa.Parameter:
		if name, ok := owned(v); ok {
			return name, v, false
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return sc.path(v.X, owned, d)
		}
	case *ssa.FieldAddr:
		if f := fieldVar(v.X.Type(), v.Field); sc.fields != nil && (f == nil || !sc.fields[f]) {
			return "", nil, false
		}
		if base, root, _ := sc.path(v.X, owned, d); root != nil {
			return base + "." + FieldName(v.X.Type(), v.Field), root, true
		}
	case *ssa.IndexAddr:
		if base, root, field := sc.path(v.X, owned, d); root != nil {
			return base + "[...]", root, field
		}
	}
	return "", nil, false
}

// Activation returns the functions of the package that run as part of a
// run of root: root, and the closures it calls in place or defers, and
// range-over-func bodies (transitively), in source order.
func (r *Result) Activation(root *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, g := range r.Funcs {
		if r.ActivationRoot(g) == root {
			out = append(out, g)
		}
	}
	return out
}
