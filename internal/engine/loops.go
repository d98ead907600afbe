package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// A loopRef names a loop (or any value) independently of the function that
// mentions it: a root SSA value, after following closure bindings out to the
// function that created the value, and a path of field selections, e.g.
// {root: receiver s, path: ".loop"}. Two mentions with equal loopRefs denote
// the same value. path ".Loop()" names the loop of a marker (c.Loop()).
type loopRef struct {
	root ssa.Value
	path string
}

const markerLoop = ".Loop()"

// canon returns the loopRef of v.
func (r *Result) canon(v ssa.Value) loopRef { return r.canonDepth(v, 0) }

func (r *Result) canonDepth(v ssa.Value, depth int) loopRef {
	if depth > 16 {
		return loopRef{root: v}
	}
	d := depth + 1
	switch v := v.(type) {
	case *ssa.FreeVar:
		if mc := r.closures[v.Parent()]; mc != nil {
			for i, fv := range v.Parent().FreeVars {
				if fv == v {
					return r.canonDepth(mc.Bindings[i], d)
				}
			}
		}
	case *ssa.Alloc:
		// A variable assigned once denotes its only value.
		if s := onlyStore(v); s != nil {
			return r.canonDepth(s.Val, d)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return r.canonDepth(v.X, d)
		}
	case *ssa.FieldAddr:
		base := r.canonDepth(v.X, d)
		return loopRef{base.root, base.path + "." + fieldName(v.X.Type(), v.Field)}
	case *ssa.Field:
		base := r.canonDepth(v.X, d)
		return loopRef{base.root, base.path + "." + fieldName(v.X.Type(), v.Field)}
	case *ssa.ChangeType:
		return r.canonDepth(v.X, d)
	case *ssa.Phi:
		var first loopRef
		for i, e := range v.Edges {
			c := r.canonDepth(e, d)
			if i == 0 {
				first = c
			} else if c != first {
				return loopRef{root: v}
			}
		}
		if len(v.Edges) > 0 {
			return first
		}
	case *ssa.Call:
		if row := r.Role(&v.Call); row != nil && row.CurrentLoop && Arg(&v.Call, 0) != nil {
			return r.loopOfMarkerDepth(Arg(&v.Call, 0), d)
		}
	}
	return loopRef{root: v}
}

// loopOf is the loopRef of the loop a loop-designating value names: a loop
// itself, or a marker (whose loop is meant).
func (r *Result) loopOf(v ssa.Value) loopRef {
	if r.Roles.Is(v.Type(), roles.Marker) {
		return r.loopOfMarkerDepth(v, 0)
	}
	return r.canon(v)
}

func (r *Result) loopOfMarkerDepth(m ssa.Value, depth int) loopRef {
	c := r.canonDepth(m, depth)
	return loopRef{c.root, c.path + markerLoop}
}

// onlyStore returns the single store to a local variable, or nil when it is
// stored more than once or its address escapes into anything but loads,
// stores and closure bindings.
func onlyStore(a *ssa.Alloc) *ssa.Store {
	var store *ssa.Store
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != a || store != nil {
				return nil
			}
			store = ref
		case *ssa.UnOp, *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return nil
		}
	}
	if store == nil {
		return nil
	}
	// Stores to a captured variable through the closure's free variable.
	for _, ref := range *a.Referrers() {
		if mc, ok := ref.(*ssa.MakeClosure); ok {
			fn := mc.Fn.(*ssa.Function)
			for i, b := range mc.Bindings {
				if b == a && storedThrough(fn.FreeVars[i]) {
					return nil
				}
			}
		}
	}
	return store
}

func storedThrough(fv *ssa.FreeVar) bool {
	for _, ref := range *fv.Referrers() {
		if s, ok := ref.(*ssa.Store); ok && s.Addr == fv {
			return true
		}
	}
	return false
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

// loopCtx is one way a function comes to run on a loop: the loopRefs known
// to denote that loop in this context.
type loopCtx []loopRef

func (c loopCtx) has(ref loopRef) bool {
	for _, x := range c {
		if x == ref {
			return true
		}
	}
	return false
}

// IsCurrentLoop reports whether v, a loop or marker value used in fn,
// certainly denotes the loop fn runs on: in every context in which fn is
// known to run on a loop. It is false when fn is not loop code or the loop
// is not evident.
func (r *Result) IsCurrentLoop(fn *ssa.Function, v ssa.Value) bool {
	p := r.places[fn]
	if p == nil || !p.Loop {
		return false
	}
	ref := r.loopOf(v)
	if ref.root == nil {
		return false
	}
	if p.always.has(ref) {
		return true
	}
	if len(p.contexts) == 0 {
		return false
	}
	for _, c := range p.contexts {
		if !c.has(ref) {
			return false
		}
	}
	return true
}

// sameLoop reports whether f and g certainly run on the same loop.
func (r *Result) sameLoop(f, g *ssa.Function) bool {
	pf, pg := r.places[f], r.places[g]
	if pf == nil || pg == nil || !pf.Loop || !pg.Loop {
		return false
	}
	for _, refs := range append([]loopCtx{pg.always}, pg.contexts...) {
		for _, ref := range refs {
			if pf.always.has(ref) {
				return true
			}
		}
	}
	return false
}
