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

// Ref returns the canonical reference of v: its root value, after following
// closure captures and variables assigned once, and a path of field
// selections. Two values with equal Refs denote the same variable, field or
// object (a lock, a loop, an executor).
func (r *Result) Ref(v ssa.Value) LoopRef {
	ref := (placer{r}).canon(v)
	return LoopRef{Root: ref.root, Path: ref.path}
}

// canon returns the loopRef of v.
func (r placer) canon(v ssa.Value) loopRef { return r.canonDepth(v, 0) }

func (r placer) canonDepth(v ssa.Value, depth int) loopRef {
	if depth > 16 {
		return loopRef{root: v}
	}
	d := depth + 1
	switch v := v.(type) {
	case *ssa.FreeVar:
		if b := r.Binding(v); b != nil {
			return r.canonDepth(b, d)
		}
	case *ssa.Alloc:
		// A variable assigned once denotes its only value.
		if s := onlyStore(v); s != nil {
			return r.canonDepth(s.Val, d)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if fa, ok := v.X.(*ssa.FieldAddr); ok {
				// A field of a struct variable set once (holder{l: c.Loop()}).
				if a, ok := fa.X.(*ssa.Alloc); ok {
					if fv := fieldValue(a, fa.Field, 0); fv != nil {
						return r.canonDepth(fv, d)
					}
				}
			}
			base := r.canonDepth(v.X, d)
			if _, ok := base.root.(*ssa.Alloc); ok {
				// A variable (or a field of one) assigned more than once:
				// what a read gives depends on when it runs, so each read
				// is its own value.
				return loopRef{root: v}
			}
			return base
		}
	case *ssa.FieldAddr:
		base := r.canonDepth(v.X, d)
		return loopRef{base.root, base.path + "." + FieldName(v.X.Type(), v.Field)}
	case *ssa.Field:
		// A field of a struct value built once (holder{l: c.Loop()}.l).
		if load, ok := v.X.(*ssa.UnOp); ok && load.Op == token.MUL {
			if a, ok := load.X.(*ssa.Alloc); ok {
				if fv := fieldValue(a, v.Field, 0); fv != nil {
					return r.canonDepth(fv, d)
				}
			}
		}
		base := r.canonDepth(v.X, d)
		return loopRef{base.root, base.path + "." + FieldName(v.X.Type(), v.Field)}
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
func (r placer) loopOf(v ssa.Value) loopRef {
	if r.Roles.Is(v.Type(), roles.Marker) {
		return r.loopOfMarkerDepth(v, 0)
	}
	return r.canon(v)
}

func (r placer) loopOfMarkerDepth(m ssa.Value, depth int) loopRef {
	c := r.canonDepth(m, depth)
	return loopRef{c.root, c.path + markerLoop}
}

// onlyStore returns the single store to a local variable, or nil when it is
// stored more than once, written through a field, or its address escapes
// into anything but loads, read-only field selections and closure bindings.
func onlyStore(a *ssa.Alloc) *ssa.Store {
	var store *ssa.Store
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			if ref.Addr != a || store != nil {
				return nil
			}
			store = ref
		case *ssa.FieldAddr:
			if !readOnly(ref, 0) {
				return nil
			}
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
				if b == a && !readOnly(fn.FreeVars[i], 0) {
					return nil
				}
			}
		}
	}
	return store
}

// fieldValue returns the value of field of the struct variable a set
// once: by a single store to the field (&holder{l: l}), or by a single
// assignment of the whole variable from another such variable
// (h := holder{l: c.Loop()}). Nil when it is set more than once, or the
// address of the variable or of that field escapes into anything but loads
// and read-only field selections.
func fieldValue(a *ssa.Alloc, field int, depth int) ssa.Value {
	if depth > 4 {
		return nil
	}
	var store, whole *ssa.Store
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if ref.Field != field {
				continue // another field: its address cannot reach this one
			}
			for _, fref := range *ref.Referrers() {
				switch fref := fref.(type) {
				case *ssa.Store:
					if fref.Addr != ref || store != nil {
						return nil
					}
					store = fref
				case *ssa.UnOp:
					if fref.Op != token.MUL {
						return nil
					}
				case *ssa.DebugRef:
				default:
					return nil
				}
			}
		case *ssa.Store:
			if ref.Addr != a || whole != nil {
				return nil
			}
			whole = ref
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return nil
			}
		case *ssa.DebugRef:
		default:
			return nil
		}
	}
	switch {
	case store != nil && whole == nil:
		return store.Val
	case whole != nil && store == nil:
		if load, ok := whole.Val.(*ssa.UnOp); ok && load.Op == token.MUL {
			if b, ok := load.X.(*ssa.Alloc); ok {
				return fieldValue(b, field, depth+1)
			}
		}
	}
	return nil
}

// readOnly reports whether the variable at addr is only read through it:
// loaded, narrowed to fields that are only read, or captured by closures
// that only read it.
func readOnly(addr ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, ref := range *addr.Referrers() {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if !readOnly(ref, depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			fn := ref.Fn.(*ssa.Function)
			for i, b := range ref.Bindings {
				if b == addr && !readOnly(fn.FreeVars[i], depth+1) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// FieldName names field i of struct type t, or of the struct t points to:
// how the source spells a FieldAddr or Field path ("?" if t has no such
// field).
func FieldName(t types.Type, i int) string {
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
// is not evident. An exported function or method may be scheduled on other
// loops by other packages: for it only its marker's loop (c.Loop()) counts.
func (r *Result) IsCurrentLoop(fn *ssa.Function, v ssa.Value) bool {
	p := r.places[fn]
	if p == nil || !p.Loop || p.OffLoop {
		return false // not loop code, or not always: a go statement or job runs it too
	}
	pl := placer{r}
	return pl.isCurrentRef(p, pl.loopOf(v))
}

// SameLoop reports whether loop code g certainly runs on the loop that
// loop code fn runs on.
func (r *Result) SameLoop(g, fn *ssa.Function) bool {
	p, pg := r.places[fn], r.places[g]
	if p == nil || !p.Loop || p.OffLoop || pg == nil || !pg.Loop || pg.OffLoop {
		return false
	}
	for _, ref := range r.CurrentLoops(g) {
		if (placer{r}).isCurrentRef(p, loopRef{ref.Root, ref.Path}) {
			return true
		}
	}
	return false
}

// isCurrentRef reports whether ref denotes the loop p's function runs on in
// every context in which it is known to run on a loop.
func (r placer) isCurrentRef(p *Place, ref loopRef) bool {
	if ref.root == nil && !ref.isProcess() {
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
