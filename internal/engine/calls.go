package engine

import (
	"go/token"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Role returns the role of the static callee of call: its roles-table row,
// or for a wrapper (a function with a SchedulesFact, here or imported) a row
// made from the fact; for a call through an interface, the row the
// interface's method has, or the one every implementation has (dispatch.go).
// Nil for dynamic calls and for functions with no role.
func (r *Result) Role(call *ssa.CallCommon) *roles.Func {
	if call.IsInvoke() {
		// Interface methods have table rows only, looked up by the
		// interface the call goes through (gnet.Conn's Write), then by
		// the one declaring the method.
		if row := r.Roles.LookupCall(call.Value.Type(), call.Method); row != nil {
			return row
		}
		return (placer{r}).dispatchRole(call)
	}
	callee := call.StaticCallee()
	if callee == nil {
		return nil
	}
	return (placer{r}).calleeRole(callee)
}

// RoleCalls yields fn's calls and defers that have a role (see Role), with
// their rows, in block order. Go statements are left out: their calls run
// on a goroutine of their own, not in fn.
func (r *Result) RoleCalls(fn *ssa.Function) iter.Seq2[ssa.CallInstruction, *roles.Func] {
	return func(yield func(ssa.CallInstruction, *roles.Func) bool) {
		for ci := range Calls(fn) {
			if row := r.Role(ci.Common()); row != nil && !yield(ci, row) {
				return
			}
		}
	}
}

// Calls yields fn's calls and defers, not its go statements, in block order.
func Calls(fn *ssa.Function) iter.Seq[ssa.CallInstruction] {
	return func(yield func(ssa.CallInstruction) bool) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				ci, ok := instr.(ssa.CallInstruction)
				if _, isGo := instr.(*ssa.Go); ok && !isGo && !yield(ci) {
					return
				}
			}
		}
	}
}

// fieldStores yields fn's stores into struct fields, with the field's
// address.
func fieldStores(fn *ssa.Function) iter.Seq2[*ssa.Store, *ssa.FieldAddr] {
	return func(yield func(*ssa.Store, *ssa.FieldAddr) bool) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok && !yield(st, fa) {
						return
					}
				}
			}
		}
	}
}

func (r placer) calleeRole(callee *ssa.Function) *roles.Func {
	obj := code.FuncObj(callee)
	if obj == nil {
		return nil
	}
	if row := r.Roles.Lookup(obj); row != nil {
		return row
	}
	var fact *SchedulesFact
	if obj.Pkg() == r.Pass.Pkg {
		origin := callee
		if o := callee.Origin(); o != nil {
			origin = o
		}
		fact = r.scheds[origin]
	} else {
		f := new(SchedulesFact)
		if r.Pass.ImportObjectFact(obj, f) {
			fact = f
		}
	}
	if fact == nil {
		return nil
	}
	return wrapperRow(obj, fact)
}

// wrapperRow is the roles row a SchedulesFact stands for.
func wrapperRow(obj *types.Func, f *SchedulesFact) *roles.Func {
	row := &roles.Func{Name: obj.Name(), Scheduler: roles.Scheduler{Funcs: f.Params}}
	if obj.Pkg() != nil {
		row.Pkg = obj.Pkg().Path()
	}
	for _, p := range f.Params {
		if p.Threadsafe && p.Loop.Valid() {
			row.SubmitLoop = p.Loop
		}
		if p.Loop == roles.CallerLoop {
			row.LoopOnly = true
		}
	}
	return row
}

// summarizeSchedules finds the package's wrappers: functions that hand a
// function parameter on to a loop (directly or through other wrappers).
func (r placer) summarizeSchedules() {
	r.scheds = map[*ssa.Function]*SchedulesFact{}
	for changed, round := true, 0; changed && round < 16; round++ {
		changed = false
		for _, fn := range r.Funcs {
			if fn.Parent() != nil || len(fn.Params) == 0 {
				continue
			}
			var params []roles.FuncArg
			for ci, row := range r.RoleCalls(fn) {
				args := Args(ci.Common())
				for _, fa := range row.Funcs {
					if !fa.Arg.Valid() || fa.Arg.Index() >= len(args) {
						continue
					}
					where, kept := fa.Where, fa.Kept
					ks := []int{r.paramIndex(fn, r.canon(args[fa.Arg.Index()]), false)}
					if ks[0] < 0 {
						kept = true // followed through the closure, as stored values are
						// A closure that calls the parameter: f in
						// l.CallLater(d, func() { f(); log() }). Called
						// within a coroutine, f is a callback: it gets
						// no marker.
						ks = r.calledParams(fn, args[fa.Arg.Index()])
						if where == roles.Coroutine {
							where = roles.OnLoop
						}
					}
					for _, k := range ks {
						if k < 0 || has(params, k) {
							continue
						}
						loop := roles.NoArg
						switch {
						case fa.Loop.Valid() && fa.Loop.Index() < len(args):
							loop = roles.ArgAt(r.paramIndex(fn, r.loopOf(args[fa.Loop.Index()]), true))
						case fa.Loop == roles.CallerLoop, fa.Loop == roles.ProcessLoop:
							loop = fa.Loop
						}
						via := fa.Via
						if via == "" {
							via = row.Pkg
						}
						p := roles.FuncArg{Arg: roles.ArgAt(k), Where: where, Loop: loop,
							Threadsafe: fa.Threadsafe, AfterSettle: fa.AfterSettle, OwnGoroutine: fa.OwnGoroutine, Ordered: fa.Ordered, Via: via, Kept: kept}
						if fa.Threadsafe && loop.Valid() && !guardedSubmit(fn, ci, row) {
							r.awaited(fn, ci, fa, &p)
						}
						params = append(params, p)
					}
				}
			}
			for _, k := range r.goParams(fn) {
				if !has(params, k) {
					params = append(params, roles.FuncArg{Arg: roles.ArgAt(k), Where: roles.OffLoop, Loop: roles.NoArg, OwnGoroutine: true})
				}
			}
			params = append(params, r.registeredParams(fn, params)...)
			if len(params) > 0 && (r.scheds[fn] == nil || len(r.scheds[fn].Params) != len(params)) {
				r.scheds[fn] = &SchedulesFact{Params: params}
				changed = true
			}
		}
	}
}

// goParams are the indices of fn's function parameters that fn runs with a
// go statement of its own (func async(f func()) { go f() }): whatever is
// handed to them runs on a goroutine of its own, as time.AfterFunc's.
func (r placer) goParams(fn *ssa.Function) []int {
	var out []int
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if g, ok := instr.(*ssa.Go); ok && !g.Call.IsInvoke() {
				if k := r.paramIndex(fn, r.canon(g.Call.Value), false); k >= 0 && !slices.Contains(out, k) && onlyStarted(fn.Params[k]) {
					out = append(out, k)
				}
			}
		}
	}
	return out
}

// onlyStarted reports whether every use of function parameter p starts
// it on a goroutine (go f()) or compares it with nil: a helper that may
// also call it in place (fyne's EnsureNotMain) does not hand it off.
func onlyStarted(p *ssa.Parameter) bool {
	for _, ref := range *p.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Go:
			if ref.Call.Value != p || slices.Contains(ref.Call.Args, ssa.Value(p)) {
				return false
			}
		case *ssa.BinOp:
			if !isNilConst(ref.X) && !isNilConst(ref.Y) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// awaited sets Awaited (and Sometimes, GivesUp, Context) on p, the
// parameter of wrapper fn that fn's call ci submits thread-safely (its
// row's argument fa), when fn waits for the submitted work before it
// returns: fa is itself an awaited wrapper's, or the future ci returns is
// waited for in fn. The wait is sure when ci is on every path and the wait
// follows it in the same block; with no sure wait, fn waits on some paths
// only (Sometimes).
func (r placer) awaited(fn *ssa.Function, ci ssa.CallInstruction, fa roles.FuncArg, p *roles.FuncArg) {
	every := onEveryPath(ci)
	var waits, sure int
	hard := false        // a sure wait that cannot give up
	var ctxs []ssa.Value // contexts of the waits that can (nil: not evident)
	wait := func(sureWait, canGiveUp bool, ctx ssa.Value) {
		waits++
		if ctx != nil && r.undone(ctx) {
			canGiveUp = false
		}
		if sureWait {
			sure++
			hard = hard || !canGiveUp
		}
		if canGiveUp {
			ctxs = append(ctxs, ctx)
		}
	}
	if fa.Awaited {
		wait(every && !fa.Sometimes, fa.GivesUp, Arg(ci.Common(), fa.Context.Index()))
	}
	if v := ci.Value(); v != nil {
		for _, ref := range *v.Referrers() {
			call, ok := ref.(*ssa.Call)
			if !ok {
				continue
			}
			sureWait := every && ref.Block() == ci.Block()
			row := r.Role(&call.Call)
			switch {
			case row == nil || Arg(&call.Call, 0) != v:
			case row.Block == roles.BlockFuture && row.Waits == roles.Arg0 && len(Args(&call.Call)) == 1:
				wait(sureWait, false, nil) // Result
			case row.Block == roles.BlockFuture && row.Waits == roles.Arg0 && row.WaitsContext:
				args := Args(&call.Call)
				wait(sureWait, true, args[len(args)-1]) // ResultContext
			case row.Done:
				for _, use := range *call.Referrers() {
					switch u := use.(type) {
					case *ssa.UnOp:
						if u.Op == token.ARROW {
							wait(every && u.Block() == ci.Block(), false, nil) // <-f.Done()
						}
					case *ssa.Select:
						if u.Blocking {
							// Other cases (a timeout) may end it first.
							wait(every && u.Block() == ci.Block(), len(u.States) > 1, nil)
						}
					}
				}
			}
		}
	}
	if waits == 0 {
		return
	}
	p.Awaited, p.Sometimes = true, sure == 0
	if !hard && len(ctxs) > 0 {
		p.GivesUp, p.Context = true, roles.NoArg
		if len(ctxs) == 1 && ctxs[0] != nil {
			p.Context = roles.ArgAt(r.paramIndex(fn, r.canon(ctxs[0]), false))
		}
	}
}

// onEveryPath reports whether every return from ci's function passes
// through ci.
func onEveryPath(ci ssa.Instruction) bool {
	for _, b := range ci.Parent().Blocks {
		if n := len(b.Instrs); n > 0 {
			if _, ok := b.Instrs[n-1].(*ssa.Return); ok && !ci.Block().Dominates(b) {
				return false
			}
		}
	}
	return true
}

func has(params []roles.FuncArg, k int) bool {
	for _, p := range params {
		if p.Arg.Index() == k {
			return true
		}
	}
	return false
}

// paramIndex returns the index of fn's parameter ref denotes, or -1. With
// loop set, ref may also be the loop of a marker parameter.
func (r placer) paramIndex(fn *ssa.Function, ref loopRef, loop bool) int {
	p, ok := ref.root.(*ssa.Parameter)
	if !ok || p.Parent() != fn {
		return -1
	}
	if ref.path != "" && !(loop && ref.path == markerLoop) {
		return -1
	}
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// Args returns a call's arguments counted as the roles table counts them:
// a method's receiver first, for static and interface calls alike.
func Args(call *ssa.CallCommon) []ssa.Value {
	if call == nil {
		return nil
	}
	if call.IsInvoke() {
		return append([]ssa.Value{call.Value}, call.Args...)
	}
	return call.Args
}

// Arg returns argument i of call (receiver first), or nil.
func Arg(call *ssa.CallCommon, i int) ssa.Value {
	args := Args(call)
	if i < 0 || i >= len(args) {
		return nil
	}
	return args[i]
}

// callObj is the called function or interface method, nil for dynamic calls.
func callObj(call *ssa.CallCommon) *types.Func {
	if call.IsInvoke() {
		return call.Method
	}
	if callee := call.StaticCallee(); callee != nil {
		return code.FuncObj(callee)
	}
	return nil
}
