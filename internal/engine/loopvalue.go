package engine

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// Inferred loops are one per value when their queues are fields of a
// struct (roles.Library.Owner): the loop draining b.jobs is b's. Code on
// it waits for itself only when the call or send it makes is certainly on
// that very value: a handler of one Bus calling Sync on another does not
// deadlock. The value a function's loop belongs to is known, as a loopRef
// (canon), from the way it comes to run there: the loop's own function
// (the value whose queue it receives from), a function literal sent to the
// queue (the value sent to), a handler the loop's function calls (the
// parameter it passes the value in), a function handed to a post (the
// post's argument of the owner type). Anything else is no certain value,
// and then nothing is reported.

// valueOf answers, for a placer, which value of its owner type an
// inferred loop that is one per value runs for.
type valueOf struct{ placer }

// ownsLoop is the Owner of the inferred loop via names, "" when the loop
// is one per process (or not an inferred one).
func (r valueOf) ownsLoop(via string) string {
	if lib := r.Roles.Library(via); lib != nil {
		return lib.Owner
	}
	return ""
}

// onOwnValue reports whether a call or send made in fn on the values
// targets (those of the owner type of the per-value loop via) certainly
// targets the loop fn runs on. It is true for a loop that is one per
// process.
func (r valueOf) onOwnValue(fn *ssa.Function, via string, targets func(owner string) []ssa.Value) bool {
	owner := r.ownsLoop(via)
	if owner == "" {
		return true
	}
	ts := targets(owner)
	if len(ts) == 0 {
		return false
	}
	current := r.loopValues(fn, via, owner, 0)
	for _, t := range ts {
		if !slices.Contains(current, r.canon(t)) {
			return false
		}
	}
	return true
}

// ownerArgs returns the targets of a call: its arguments (receiver first)
// of the owner type.
func ownerArgs(call *ssa.CallCommon) func(owner string) []ssa.Value {
	return func(owner string) []ssa.Value {
		var out []ssa.Value
		for _, a := range Args(call) {
			if roles.TypeName(a.Type()) == owner {
				out = append(out, a)
			}
		}
		return out
	}
}

// queueHolder returns the target of a send to ch: the value whose queue
// it is (b in b.jobs <- f).
func queueHolder(ch ssa.Value) func(owner string) []ssa.Value {
	return func(owner string) []ssa.Value {
		if fa := queueAddr(ch); fa != nil && roles.TypeName(fa.X.Type()) == owner {
			return []ssa.Value{fa.X}
		}
		return nil
	}
}

// loopValues returns the refs certainly denoting the value whose loop
// (the per-value inferred loop via) fn runs on, in every way fn comes to
// run there; nil when some way gives none.
func (r valueOf) loopValues(fn *ssa.Function, via, owner string, depth int) []loopRef {
	p := r.places[fn]
	if p == nil || depth > 8 {
		return nil
	}
	if p.Parent != nil {
		return r.loopValues(p.Parent, via, owner, depth+1)
	}
	var ways [][]loopRef
	if b := r.bodies.runBy(fn); b != nil && b.Via == via {
		if b.Func == fn.Syntax() {
			ways = append(ways, r.queueHolders(fn, b.Queues))
		} else {
			ways = append(ways, r.sentTo(fn, b.Queues))
		}
	}
	if p.Handler != nil && p.Handler.Via == via {
		var way []loopRef
		if i := p.Handler.ValueArg.Index(); i >= 0 && i < len(fn.Params) {
			way = []loopRef{r.canon(fn.Params[i])}
		}
		ways = append(ways, way)
	}
	for _, s := range p.Schedules {
		if ref, ok := r.funcArgLoop(s.Row, s.Arg); ok && ref == r.processRef(via) {
			// A post naming two values of the type (b.PostTo(other, f))
			// does not say whose loop runs f.
			var way []loopRef
			for _, a := range ownerArgs(s.common())(owner) {
				if ref := r.canon(a); !slices.Contains(way, ref) {
					way = append(way, ref)
				}
			}
			if len(way) > 1 {
				way = nil
			}
			ways = append(ways, way)
		}
	}
	if len(ways) == 0 {
		return nil
	}
	out := ways[0]
	for _, w := range ways[1:] {
		out = slices.DeleteFunc(slices.Clone(out), func(ref loopRef) bool { return !slices.Contains(w, ref) })
	}
	return out
}

// queueHolders is the value whose queues the loop function fn receives
// from (b in <-b.jobs), when every mention of them in fn is on the same
// one.
func (r valueOf) queueHolders(fn *ssa.Function, queues []types.Object) []loopRef {
	var out []loopRef
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			if fa, ok := instr.(*ssa.FieldAddr); ok && slices.Contains(queues, fieldObj(fa)) {
				ref := r.canon(fa.X)
				if len(out) > 0 && out[0] != ref {
					return nil
				}
				out = []loopRef{ref}
			}
		}
	}
	return out
}

// sentTo is the value to whose queue the package sends the function
// literal fn (b in b.jobs <- func() {...}), when all its sends agree.
func (r valueOf) sentTo(fn *ssa.Function, queues []types.Object) []loopRef {
	var out []loopRef
	for _, g := range r.Funcs {
		for _, blk := range g.Blocks {
			for _, instr := range blk.Instrs {
				send, ok := instr.(*ssa.Send)
				if !ok || !sends(send.X, fn) {
					continue
				}
				fa := queueAddr(send.Chan)
				if fa == nil || !slices.Contains(queues, fieldObj(fa)) {
					return nil
				}
				ref := r.canon(fa.X)
				if len(out) > 0 && out[0] != ref {
					return nil
				}
				out = []loopRef{ref}
			}
		}
	}
	return out
}

// sends reports whether v is fn, or a closure of it.
func sends(v ssa.Value, fn *ssa.Function) bool {
	if mc, ok := v.(*ssa.MakeClosure); ok {
		v = mc.Fn
	}
	return v == fn
}

// queueAddr is the field address a channel value was loaded from (s.jobs),
// or nil.
func queueAddr(v ssa.Value) *ssa.FieldAddr {
	if load, ok := v.(*ssa.UnOp); ok {
		fa, _ := load.X.(*ssa.FieldAddr)
		return fa
	}
	return nil
}

// fieldObj is the field fa selects (fieldVar), as an Object: nil when
// there is none.
func fieldObj(fa *ssa.FieldAddr) types.Object {
	if f := fieldVar(fa.X.Type(), fa.Field); f != nil {
		return f
	}
	return nil
}
