package engine

import (
	"go/token"
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// bindings are the parameters of functions of the package that receive
// loop-bound values, worked out once, on the first question about one.
type bindings struct {
	once sync.Once
	// params maps such a parameter to the loop code whose loop its values
	// are bound to.
	params map[*ssa.Parameter]*ssa.Function
}

// LoopBound returns the loop code whose loop v (a value used in any
// function of the package) is bound to, or nil. Bound are:
//   - a parameter of a roles.LoopBound type of loop code (the *goja.Runtime
//     a loop callback is given);
//   - what a loop-bound value makes: a result of a BoundValue or function
//     type of a function of the LoopBound type's package given a loop-bound
//     value (vm.NewPromise's resolve and reject, vm.Get, obj.Get,
//     goja.AssertFunction(v)), or of a call of a loop-bound function;
//   - a parameter of a BoundValue or LoopBound type of a function that
//     loop-bound values alone are handed (vm.Set("f", fn): the runtime calls
//     fn on its loop, with its own values), or of a private function
//     whose every call passes it a value bound to the same loop;
//   - what these reach through captures, fields, elements, conversions and
//     variables assigned once.
//
// Not bound: a runtime of goja.New() and what it makes, and plain Go values
// a bound value gives (v.Export(), v.String()).
func (r *Result) LoopBound(v ssa.Value) *ssa.Function {
	r.bound.once.Do(r.findBoundParams)
	return binder{r, r.bound.params}.boundTo(v, 0)
}

// BoundCall returns, for a call that uses a loop-bound value (LoopBound),
// the loop code whose loop the value is bound to: the call may be made only
// on that loop. Such calls are a method of a LoopBound or BoundValue type,
// other than its ThreadSafe ones, on a loop-bound value (vm.Set, v.String()
// through the goja.Value interface, p.Result()), and a call of a loop-bound
// function value (a promise's resolve, a goja.Callable). Nil for any other
// call.
func (r *Result) BoundCall(call *ssa.CallCommon) *ssa.Function {
	r.bound.once.Do(r.findBoundParams)
	return binder{r, r.bound.params}.boundCall(call)
}

// binder answers LoopBound with the bound parameters known so far.
type binder struct {
	r      *Result
	params map[*ssa.Parameter]*ssa.Function
}

func (b binder) boundCall(call *ssa.CallCommon) *ssa.Function {
	var recv ssa.Value
	var recvType types.Type
	var name string
	switch callee := call.StaticCallee(); {
	case call.IsInvoke():
		recv, recvType, name = call.Value, call.Value.Type(), call.Method.Name()
	case callee != nil:
		if callee.Signature.Recv() == nil || len(call.Args) == 0 {
			return nil
		}
		recv, recvType, name = call.Args[0], callee.Signature.Recv().Type(), callee.Name()
	default:
		return b.boundTo(call.Value, 0) // a function a runtime made runs on it
	}
	ty := b.r.Roles.TypeOf(recvType)
	if ty == nil || ty.Role != roles.LoopBound && ty.Role != roles.BoundValue || slices.Contains(ty.ThreadSafe, name) {
		return nil
	}
	return b.boundTo(recv, 0)
}

// bindable reports whether a value of type t can be bound to a loop: a
// LoopBound or BoundValue type, or a function.
func (b binder) bindable(t types.Type) bool {
	if ty := b.r.Roles.TypeOf(t); ty != nil && (ty.Role == roles.LoopBound || ty.Role == roles.BoundValue) {
		return true
	}
	return code.IsFunc(t)
}

func (b binder) boundTo(v ssa.Value, depth int) *ssa.Function {
	if depth > 16 {
		return nil
	}
	d := depth + 1
	switch v := v.(type) {
	case *ssa.Parameter:
		fn := v.Parent()
		if b.r.Roles.Is(v.Type(), roles.LoopBound) {
			if pl := b.r.places[fn]; pl != nil && pl.Loop && !pl.OffLoop {
				return fn
			}
		}
		return b.params[v]
	case *ssa.FreeVar:
		if x := b.r.Binding(v); x != nil {
			return b.boundTo(x, d)
		}
	case *ssa.Alloc:
		if s := onlyStore(v); s != nil {
			return b.boundTo(s.Val, d)
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return b.boundTo(v.X, d)
		}
	case *ssa.FieldAddr, *ssa.Field, *ssa.IndexAddr, *ssa.Index, *ssa.Slice,
		*ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface, *ssa.TypeAssert:
		// A part of a bound value, or one converted: X, their first operand.
		return b.boundTo(*v.(ssa.Instruction).Operands(nil)[0], d)
	case *ssa.Phi:
		var loop *ssa.Function
		for _, e := range v.Edges {
			l := b.boundTo(e, d)
			if l == nil || loop != nil && l != loop {
				return nil
			}
			loop = l
		}
		return loop
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Call:
			if b.bindable(v.Type()) {
				return b.made(&t.Call, d)
			}
		case *ssa.TypeAssert:
			return b.boundTo(t.X, d)
		}
	case *ssa.Call:
		if b.bindable(v.Type()) {
			return b.made(&v.Call, d)
		}
	}
	return nil
}

// made returns the loop whose value made what call returns: a function of
// a package with a LoopBound type, given a loop-bound value (as receiver or
// argument), or a loop-bound function value, called.
func (b binder) made(call *ssa.CallCommon, depth int) *ssa.Function {
	obj := callObj(call)
	if obj == nil {
		if call.StaticCallee() != nil {
			return nil // a function of the package
		}
		return b.boundTo(call.Value, depth)
	}
	if obj.Pkg() == nil || !b.r.Roles.Binds(obj.Pkg().Path()) {
		return nil
	}
	for _, a := range Args(call) {
		if l := b.boundTo(a, depth); l != nil {
			return l
		}
	}
	return nil
}

// findBoundParams finds the parameters of a BoundValue or LoopBound type
// (a goja.FunctionCall, a goja.Value, the *goja.Runtime) that receive
// loop-bound values: those of a function that only loop-bound values are
// handed (vm.Set("fetch", fn), obj.Set("f", fn), vm.ToValue(fn)), and
// those of a private function that every call passes a value bound to the
// same loop. One bound through another is found in a later round.
func (r *Result) findBoundParams() {
	b := binder{r, map[*ssa.Parameter]*ssa.Function{}}
	r.bound.params = b.params
	var takers []*ssa.Function
	for _, fn := range r.Funcs {
		if slices.ContainsFunc(fn.Params, b.takes) {
			takers = append(takers, fn)
		}
	}
	if len(takers) == 0 {
		return
	}
	refs := r.FunctionRefs()
	for changed, round := true, 0; changed && round < 4; round++ {
		changed = false
		for _, fn := range takers {
			for i, p := range fn.Params {
				if b.params[p] != nil || !b.bindable(p.Type()) {
					continue
				}
				if l := b.boundParam(fn, i, refs[fn]); l != nil {
					b.params[p] = l
					changed = true
				}
			}
		}
	}
}

// takes reports whether p is of a BoundValue or LoopBound type.
func (b binder) takes(p *ssa.Parameter) bool {
	ty := b.r.Roles.TypeOf(p.Type())
	return ty != nil && (ty.Role == roles.LoopBound || ty.Role == roles.BoundValue)
}

// boundParam returns the loop whose values parameter i of fn receives at
// every use of fn, or nil: fn is handed to methods of values bound to that
// loop, or (a private function) called with one as argument i.
func (b binder) boundParam(fn *ssa.Function, i int, uses []ssa.Instruction) *ssa.Function {
	direct := fn.Parent() != nil || fn.Signature.Recv() == nil && private(b.r.Pass, fn)
	var loop *ssa.Function
	for _, u := range uses {
		var l *ssa.Function
		if ci, ok := u.(ssa.CallInstruction); ok && ci.Common().StaticCallee() == fn {
			if direct && i < len(ci.Common().Args) {
				l = b.boundTo(ci.Common().Args[i], 0)
			}
		} else {
			l = b.handedTo(u, 0)
		}
		if l == nil || loop != nil && l != loop {
			return nil
		}
		loop = l
	}
	return loop
}

// handedTo returns the loop of the loop-bound value whose method use u, a
// use of a function value, hands the function to (vm.Set("f", fn), with fn
// converted to interface{} on the way), or nil.
func (b binder) handedTo(u ssa.Instruction, depth int) *ssa.Function {
	switch u := u.(type) {
	case *ssa.MakeInterface:
		var loop *ssa.Function
		for _, ref := range *u.Referrers() {
			if _, ok := ref.(*ssa.DebugRef); ok {
				continue
			}
			l := b.handedTo(ref, depth+1)
			if l == nil || depth > 0 || loop != nil && l != loop {
				return nil
			}
			loop = l
		}
		return loop
	case *ssa.Call:
		return b.boundCall(&u.Call)
	}
	return nil
}
