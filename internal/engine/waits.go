package engine

import (
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// classifyWait works out, for a blocking operation in loop code, whether it
// waits for something that can only happen on the loop it blocks
// (Deadlock), and whether that something was submitted thread-safely to
// this very loop (Submit).
//
// What is proven (see provePending for promises and channels):
//   - a nested Run of the loop the code runs on;
//   - a wait for the future of RunThreadsafe(current loop, co) made by the
//     same activation, which never suspends before the wait;
//   - a wait for a new promise or channel settled only by code queued on
//     the current loop behind the waiting code.
func (r summarizer) classifyWait(op *Op) {
	fn := op.Fn
	if r.classifyLoopServe(op) {
		return
	}
	if op.Row != nil && op.Call != nil && r.onOwnLoop(fn, op.Row, op.Call) {
		switch op.Row.OwnLoop {
		case roles.OwnLoopPanic:
			op.Panics = &Reason{Kind: StartsOwnLoop, Pos: op.Pos}
		case roles.OwnLoopDeadlock:
			op.Deadlock = &Reason{Kind: WaitsOwnLoop, Pos: op.Pos}
		}
		return
	}
	if op.Row != nil && op.Row.Block == roles.BlockLoopRun && !op.Row.NewLoop && Arg(op.Call, 0) != nil {
		if r.IsCurrentLoop(fn, Arg(op.Call, 0)) {
			op.Deadlock = &Reason{Kind: RunsOwnLoop, Pos: op.Pos}
		}
		return
	}
	if fa := r.awaitsSelfSubmit(op); fa != nil {
		// A wrapper that submits to this loop and waits for the work
		// itself (RunThreadsafe(l, co).Result() inside a helper).
		op.Submit = op.Instr.(ssa.CallInstruction)
		switch ctx := Arg(op.Call, fa.Context.Index()); {
		case fa.Sometimes:
			// The wrapper may return without waiting: no proven deadlock.
		case fa.GivesUp && ctx == nil:
			op.GivesUp = &Reason{Kind: WrapperGivesUp, Pos: op.Pos}
		case fa.GivesUp && !r.undone(ctx):
			op.GivesUp = &Reason{Kind: ContextDone, Pos: ctx.Pos()}
		default:
			op.Deadlock = &Reason{Kind: OwnWork, Pos: op.Pos}
		}
		return
	}
	if op.Helper != nil {
		r.helperDeadlock(op)
		return
	}
	var v ssa.Value
	future := false
	switch instr := op.Instr.(type) {
	case *ssa.UnOp:
		if f := r.DoneOf(instr.X); f != nil {
			v, future = f, true
		} else {
			v = instr.X
		}
	case *ssa.Select:
		if len(instr.States) != 1 {
			r.classifySelect(op, instr)
			return
		}
		if instr.States[0].Dir != types.RecvOnly {
			return
		}
		if f := r.DoneOf(instr.States[0].Chan); f != nil {
			v, future = f, true
		} else {
			v = instr.States[0].Chan
		}
	default:
		if op.Future != nil {
			v, future = op.Future, true
		}
	}
	if v == nil {
		return
	}
	ref := r.canon(v)
	if ref.path != "" {
		return
	}
	act := r.ActivationRoot(fn)
	switch root := ref.root.(type) {
	case *ssa.Call:
		row := r.Role(&root.Call)
		if row == nil {
			return
		}
		switch {
		case future && Arg(&root.Call, row.SubmitLoop.Index()) != nil:
			if r.selfSubmitted(act, ref) == nil {
				return
			}
			op.Submit = root
			if !r.suspendsIn(act) {
				op.Deadlock = &Reason{Kind: OwnCoroutine, Pos: code.CallPos(root)}
			}
		case future && row.FutureOf && Arg(&root.Call, 0) != nil:
			p := r.canon(Arg(&root.Call, 0))
			if call, ok := p.root.(*ssa.Call); ok && p.path == "" {
				if prow := r.Role(&call.Call); prow != nil && prow.New {
					r.provePending(op, call, call.Parent(), act, true)
				}
			}
		}
	case *ssa.MakeChan:
		if !future {
			r.provePending(op, root, root.Parent(), act, false)
		}
	}
}

// classifySelect marks a select with several cases that waits, in one of
// them, for the future of a thread-safe submit to this loop: a wait on
// self-submitted work, which the other cases may end first (so it is not a
// proven deadlock).
func (r summarizer) classifySelect(op *Op, sel *ssa.Select) {
	act := r.ActivationRoot(op.Fn)
	for _, st := range sel.States {
		if st.Dir != types.RecvOnly {
			continue
		}
		if f := r.DoneOf(st.Chan); f != nil {
			if submit := r.selfSubmitted(act, r.canon(f)); submit != nil {
				op.Submit = submit
				op.GivesUp = &Reason{Kind: OtherCase, Pos: sel.Pos()}
				return
			}
		}
	}
}

// selfSubmitted returns the thread-safe submit to the current loop, made in
// the activation act, whose future ref denotes; nil if it is not one.
func (r summarizer) selfSubmitted(act *ssa.Function, ref loopRef) *ssa.Call {
	call, ok := ref.root.(*ssa.Call)
	if !ok || ref.path != "" {
		return nil
	}
	row := r.Role(&call.Call)
	if row == nil || Arg(&call.Call, row.SubmitLoop.Index()) == nil {
		return nil
	}
	caller := call.Parent()
	if caller == nil || r.ActivationRoot(caller) != act || !r.IsCurrentLoop(caller, Arg(&call.Call, row.SubmitLoop.Index())) {
		return nil
	}
	return call
}

// awaitsSelfSubmit returns, when op calls a wrapper that submits work
// thread-safely to the loop the calling code runs on and then waits for it,
// the wrapper's awaited argument (FuncArg.Awaited); else nil.
func (r summarizer) awaitsSelfSubmit(op *Op) *roles.FuncArg {
	if op.Helper == nil || op.Call == nil {
		return nil
	}
	if _, ok := op.Instr.(ssa.CallInstruction); !ok {
		return nil
	}
	row := r.Role(op.Call)
	if row == nil {
		return nil
	}
	for i, fa := range row.Funcs {
		if l := Arg(op.Call, fa.Loop.Index()); fa.Awaited && fa.Threadsafe && l != nil && r.IsCurrentLoop(op.Fn, l) {
			return &row.Funcs[i]
		}
	}
	return nil
}

// provePending sets Deadlock/Submit on op when obj (a new promise or
// channel, created by creator) cannot be settled before op's wait ends,
// because every settling use runs in loop code queued behind it:
//
//   - settled only in functions that the waiting activation act itself
//     schedules on its own loop, obj created in act, and act never
//     suspends: they can run only after act returns; or
//   - act is a callback queued once, in order (CallSoon, Spawn), and obj
//     is settled only in functions queued in order on the same loop by the
//     same function after it: they run after act, which waits for them.
func (r summarizer) provePending(op *Op, obj ssa.Value, creator *ssa.Function, act *ssa.Function, promise bool) {
	var completers []ssa.Instruction
	if !r.uses(obj, &completers, 0) || len(completers) == 0 {
		return
	}
	var roots []*Place
	for _, c := range completers {
		g := r.ActivationRoot(c.Parent())
		p := r.places[g]
		if g == act || p == nil || !p.Loop || len(p.Schedules) == 0 {
			return // settled by the waiting code itself, or by code not known to be queued
		}
		roots = append(roots, p)
	}
	if r.ActivationRoot(creator) == act {
		// pendingUntilReturn marks a wait on self-submitted work whether
		// or not act suspends first: only the deadlock needs it not to.
		pending := r.pendingUntilReturn(op, roots, act)
		if !r.suspendsIn(act) {
			if pending {
				kind := SettledAfterReturn
				if op.Submit != nil {
					kind = SubmittedAfterReturn
				}
				op.Deadlock = &Reason{Kind: kind, Promise: promise, Pos: completers[0].Pos()}
			}
			return
		}
	}
	if r.queuedBehind(roots, creator, act) {
		op.Deadlock = &Reason{Kind: QueuedAfter, Promise: promise, Pos: completers[0].Pos()}
	}
}

// pendingUntilReturn reports whether every schedule of the completers is
// made by act on its own loop; it sets Submit when all are thread-safe.
func (r summarizer) pendingUntilReturn(op *Op, roots []*Place, act *ssa.Function) bool {
	threadsafe := true
	var submit ssa.CallInstruction
	for _, p := range roots {
		for _, s := range p.Schedules {
			if r.ActivationRoot(s.Caller) != act || !r.schedulesOnCurrent(s) {
				return false
			}
			if _, isGo := s.Call.(*ssa.Go); !s.Arg.Threadsafe || isGo {
				// A plain schedule, or a submit made from a goroutine of
				// its own: not a submit from this loop code to its loop.
				threadsafe = false
			} else if submit == nil {
				submit = s.Call
			}
		}
	}
	op.Submit = nil
	if threadsafe {
		op.Submit = submit
	}
	return true
}

// queuedBehind reports whether the waiting callback act is queued once, in
// order, and every completer is queued in order after it, on the same loop,
// by the same function, which also created the awaited object.
func (r summarizer) queuedBehind(roots []*Place, creator, act *ssa.Function) bool {
	pw := r.places[act]
	if pw == nil || len(pw.Schedules) != 1 || !pw.Schedules[0].Arg.Ordered {
		return false
	}
	sw := pw.Schedules[0]
	if r.ActivationRoot(creator) != r.ActivationRoot(sw.Caller) {
		return false
	}
	loopW := Arg(sw.Call.Common(), sw.Arg.Loop.Index())
	if loopW == nil {
		return false
	}
	for _, p := range roots {
		for _, s := range p.Schedules {
			loopC := Arg(s.common(), s.Arg.Loop.Index())
			if !s.Arg.Ordered || s.Caller != sw.Caller || loopC == nil ||
				r.loopOf(loopC) != r.loopOf(loopW) || !dominates(sw.Call, s.Call) {
				return false
			}
		}
	}
	return true
}

// schedulesOnCurrent reports whether schedule s puts its function on the
// loop its caller runs on.
func (r summarizer) schedulesOnCurrent(s *Schedule) bool {
	switch {
	case s.Arg.Loop == roles.CallerLoop:
		return r.IsLoopCode(s.Caller)
	case s.Arg.Loop == roles.ProcessLoop:
		ref, _ := r.funcArgLoop(s.Row, s.Arg)
		p := r.places[s.Caller]
		return p != nil && p.Loop && !p.OffLoop && r.isCurrentRef(p, ref) && (valueOf{r.placer}).onOwnValue(s.Caller, funcArgVia(s.Row, s.Arg), ownerArgs(s.common()))
	case Arg(s.common(), s.Arg.Loop.Index()) != nil:
		return r.IsCurrentLoop(s.Caller, Arg(s.common(), s.Arg.Loop.Index()))
	}
	return false
}

// Settlers returns the settling uses of v (a promise or channel): its
// Resolve, Reject, Cancel, sends and closes, through local variables,
// closures and conversions; false when v escapes where its uses cannot be
// seen.
func (r *Result) Settlers(v ssa.Value) ([]ssa.Instruction, bool) {
	var out []ssa.Instruction
	ok := summarize(r).uses(v, &out, 0)
	return out, ok
}

// uses collects the settling uses of obj (a promise or channel), following
// it through local variables, closures and conversions. It returns false
// when obj escapes where its uses cannot be seen.
func (r summarizer) uses(v ssa.Value, completers *[]ssa.Instruction, depth int) bool {
	if depth > 8 {
		return false
	}
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if ref.Val != v {
				continue // v is the address stored to
			}
			a, ok := ref.Addr.(*ssa.Alloc)
			if !ok || !r.uses(a, completers, depth+1) {
				return false
			}
		case *ssa.UnOp:
			switch ref.Op {
			case token.MUL: // load of a variable holding obj
				if !r.uses(ref, completers, depth+1) {
					return false
				}
			case token.ARROW: // receive
			default:
				return false
			}
		case *ssa.MakeClosure:
			fn := ref.Fn.(*ssa.Function)
			for i, b := range ref.Bindings {
				if b == v && !r.uses(fn.FreeVars[i], completers, depth+1) {
					return false
				}
			}
		case *ssa.ChangeType:
			if !r.uses(ref, completers, depth+1) {
				return false
			}
		case *ssa.Send:
			if ref.X == v {
				return false
			}
			*completers = append(*completers, ref)
		case *ssa.Select:
			for _, st := range ref.States {
				if st.Chan == v && st.Dir == types.SendOnly {
					*completers = append(*completers, ref)
				}
			}
		case *ssa.Call:
			if b, ok := ref.Call.Value.(*ssa.Builtin); ok {
				switch b.Name() {
				case "close":
					*completers = append(*completers, ref)
				case "len", "cap":
				default:
					return false
				}
				continue
			}
			row := r.Role(&ref.Call)
			if row == nil || Arg(&ref.Call, 0) != v {
				return false
			}
			_, onDone := row.CompletionCallback()
			switch {
			case row.Settles:
				*completers = append(*completers, ref)
			case row.FutureOf:
				if !r.uses(ref, completers, depth+1) {
					return false
				}
			case row.Waits == roles.Arg0 || row.Done:
				// waiting on it does not settle it
			case onDone:
				// nor does registering a callback for when it settles (OnDone)
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// suspendsIn reports whether the activation rooted at act may suspend (so
// the loop may run other work in the middle of it).
func (r summarizer) suspendsIn(act *ssa.Function) bool {
	if s, ok := r.suspends[act]; ok {
		return s
	}
	s := false
	for _, g := range r.Funcs {
		if r.ActivationRoot(g) != act {
			continue
		}
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				if ci, ok := instr.(ssa.CallInstruction); ok {
					if row := r.Role(ci.Common()); row != nil && row.Suspends {
						s = true
					}
				}
			}
		}
	}
	r.suspends[act] = s
	return s
}

// SelfSubmit is a thread-safe submit (RunThreadsafe, CallSoonThreadsafe)
// from loop code to the loop it runs on.
type SelfSubmit struct {
	Call ssa.CallInstruction
	Row  *roles.Func
	// Waits are the blocking operations of the same activation that wait
	// for the submitted work; each has Submit set to Call, and Deadlock when
	// the wait provably never ends.
	Waits []*Op
}

// SelfSubmitCalls returns the thread-safe submits in fn to the loop fn runs
// on, in source order, with their rows: SelfSubmits without what waits for
// them, which needs no may-block summary.
func (r *Result) SelfSubmitCalls(fn *ssa.Function) []*SelfSubmit {
	if !r.IsLoopCode(fn) {
		return nil
	}
	var out []*SelfSubmit
	for ci, row := range r.RoleCalls(fn) {
		if (placer{r}).submitsToCurrent(fn, ci.Common(), row) {
			out = append(out, &SelfSubmit{Call: ci, Row: row})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Call.Pos() < out[j].Call.Pos() })
	return out
}

// SelfSubmits returns the thread-safe submits in fn to the loop fn runs on,
// in source order, each with the operations that wait for it.
func (b *Blocks) SelfSubmits(fn *ssa.Function) []*SelfSubmit {
	r := b.res
	out := r.SelfSubmitCalls(fn)
	for _, s := range out {
		act := r.ActivationRoot(fn)
		for _, g := range r.Funcs {
			if r.ActivationRoot(g) != act {
				continue
			}
			for _, op := range b.Ops(g) {
				if op.Submit == s.Call {
					s.Waits = append(s.Waits, op)
				}
			}
		}
	}
	return out
}

// helperDeadlock sets Deadlock on op, a call from loop code of a function g
// of this package, when g, on every path, receives from a channel it makes
// whose only senders are callbacks g schedules on a loop its arguments name
// (h.loop, for a receiver h) and that loop is the one the calling code runs
// on: g waits for work queued behind the code calling it (a goja_nodejs
// host's Eval, called from a timer callback).
func (r summarizer) helperDeadlock(op *Op) {
	g := op.Call.StaticCallee()
	if g == nil {
		return
	}
	if o := g.Origin(); o != nil {
		g = o
	}
	if gp := r.places[g]; gp == nil || gp.Loop || g.Parent() != nil || r.suspendsIn(g) {
		return
	}
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			recv, ok := instr.(*ssa.UnOp)
			if !ok || recv.Op != token.ARROW || !onEveryPath(recv) {
				continue
			}
			ref := r.canon(recv.X)
			mc, ok := ref.root.(*ssa.MakeChan)
			if !ok || ref.path != "" || mc.Parent() != g {
				continue
			}
			var completers []ssa.Instruction
			if !r.uses(mc, &completers, 0) || len(completers) == 0 || !r.queuedOnCallerLoop(op, g, completers) {
				continue
			}
			op.Deadlock = &Reason{Kind: HelperQueued, Pos: recv.Pos()}
			return
		}
	}
}

// queuedOnCallerLoop reports whether every completer runs in a callback
// that g schedules on a loop named by its parameters, which op's arguments
// name the loop op's code runs on.
func (r summarizer) queuedOnCallerLoop(op *Op, g *ssa.Function, completers []ssa.Instruction) bool {
	cp := r.places[op.Fn]
	if cp == nil || !cp.Loop || cp.OffLoop {
		return false
	}
	args := Args(op.Call)
	for _, c := range completers {
		p := r.places[r.ActivationRoot(c.Parent())]
		if p == nil || !p.Loop || len(p.Schedules) == 0 {
			return false
		}
		for _, s := range p.Schedules {
			l := Arg(s.Call.Common(), s.Arg.Loop.Index())
			if l == nil || r.ActivationRoot(s.Caller) != g {
				return false
			}
			ref := r.loopOf(l)
			param, _ := ref.root.(*ssa.Parameter)
			i := slices.Index(g.Params, param)
			if param == nil || i < 0 || i >= len(args) {
				return false
			}
			var at loopRef
			if ref.path == "" {
				at = r.loopOf(args[i])
			} else {
				base := r.canon(args[i])
				at = loopRef{base.root, base.path + ref.path}
			}
			if !r.isCurrentRef(cp, at) {
				return false
			}
		}
	}
	return true
}
