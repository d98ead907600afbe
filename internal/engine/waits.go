package engine

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// classifyWait works out, for a blocking operation in loop code, whether it
// waits for something that can only happen on the loop it blocks
// (Deadlock), and whether that something was submitted thread-safely to
// this very loop (SelfSubmit, the selfsubmit rule's finding).
//
// What is proven:
//   - a nested Run of the loop the code runs on;
//   - a wait for the future of RunThreadsafe(current loop, co), or for a
//     promise or channel created in this activation whose only settling
//     operations (Resolve, Reject, Cancel; send, close) are in callbacks or
//     coroutines that this activation schedules on the current loop, when
//     the activation never suspends (no Await, Sleep, Gather) and so cannot
//     let them run first.
func (r *Result) classifyWait(op *Op) {
	fn := op.Fn
	if op.Row != nil && op.Row.Block == roles.BlockLoopRun && !op.Row.NewLoop && len(op.Call.Args) > 0 {
		if r.IsCurrentLoop(fn, op.Call.Args[0]) {
			op.Deadlock = "it runs the loop it is already running on"
		}
		return
	}
	var v ssa.Value
	future := false
	switch instr := op.Instr.(type) {
	case *ssa.UnOp:
		if f := r.doneOf(instr.X); f != nil {
			v, future = f, true
		} else {
			v = instr.X
		}
	case *ssa.Select:
		if len(instr.States) != 1 || instr.States[0].Dir != types.RecvOnly {
			return
		}
		if f := r.doneOf(instr.States[0].Chan); f != nil {
			v, future = f, true
		} else {
			v = instr.States[0].Chan
		}
	default:
		if op.Row != nil && op.Row.Waits >= 0 && op.Row.Waits < len(op.Call.Args) {
			v, future = op.Call.Args[op.Row.Waits], true
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
	inActivation := func(g *ssa.Function) bool { return g != nil && r.ActivationRoot(g) == act }
	switch root := ref.root.(type) {
	case *ssa.Call:
		row := r.Role(&root.Call)
		if row == nil {
			return
		}
		switch {
		case future && row.SubmitLoop >= 0 && row.SubmitLoop < len(root.Call.Args):
			caller := root.Parent()
			if !inActivation(caller) || !r.IsCurrentLoop(caller, root.Call.Args[row.SubmitLoop]) {
				return
			}
			op.SelfSubmit = true
			if !r.suspendsIn(act) {
				op.Deadlock = "the future completes only when its coroutine runs on this loop, which this wait keeps from running"
			}
		case future && row.FutureOf && len(root.Call.Args) > 0:
			p := r.canon(root.Call.Args[0])
			if call, ok := p.root.(*ssa.Call); ok && p.path == "" && inActivation(call.Parent()) {
				if prow := r.Role(&call.Call); prow != nil && prow.New {
					r.provePending(op, call, act, "the promise is settled only by ")
				}
			}
		}
	case *ssa.MakeChan:
		if !future && inActivation(root.Parent()) {
			r.provePending(op, root, act, "the channel is sent to or closed only by ")
		}
	}
}

// provePending sets Deadlock/SelfSubmit on op when every settling use of obj
// (a new promise or channel) runs in a function that act schedules on its
// own loop.
func (r *Result) provePending(op *Op, obj ssa.Value, act *ssa.Function, why string) {
	var completers []ssa.Instruction
	if !r.uses(obj, &completers, 0) || len(completers) == 0 {
		return
	}
	threadsafe := true
	for _, c := range completers {
		g := r.ActivationRoot(c.Parent())
		if g == act {
			return // settled by this activation itself: maybe before the wait
		}
		p := r.places[g]
		if p == nil || !p.Loop || p.Marker == nil && len(p.Schedules) == 0 {
			return
		}
		if len(p.Schedules) == 0 {
			return
		}
		for _, s := range p.Schedules {
			if r.ActivationRoot(s.Caller) != act || !r.schedulesOnCurrent(s) {
				return
			}
			if !s.Arg.Threadsafe {
				threadsafe = false
			}
		}
	}
	op.SelfSubmit = threadsafe
	if !r.suspendsIn(act) {
		how := "callbacks scheduled on this loop"
		if threadsafe {
			how = "work submitted to this loop"
		}
		op.Deadlock = why + how + " after this code returns"
	}
}

// schedulesOnCurrent reports whether schedule s puts its function on the
// loop its caller runs on.
func (r *Result) schedulesOnCurrent(s *Schedule) bool {
	switch {
	case s.Arg.Loop == roles.CallerLoop:
		return r.IsLoopCode(s.Caller)
	case s.Arg.Loop >= 0 && s.Arg.Loop < len(s.Call.Common().Args):
		return r.IsCurrentLoop(s.Caller, s.Call.Common().Args[s.Arg.Loop])
	}
	return false
}

// uses collects the settling uses of obj (a promise or channel), following
// it through local variables, closures and conversions. It returns false
// when obj escapes where its uses cannot be seen.
func (r *Result) uses(v ssa.Value, completers *[]ssa.Instruction, depth int) bool {
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
			if row == nil || len(ref.Call.Args) == 0 || ref.Call.Args[0] != v {
				return false
			}
			switch {
			case row.Settles:
				*completers = append(*completers, ref)
			case row.FutureOf:
				if !r.uses(ref, completers, depth+1) {
					return false
				}
			case row.Waits == 0 || row.Done:
				// waiting on it does not settle it
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
func (r *Result) suspendsIn(act *ssa.Function) bool {
	if s, ok := r.suspends[act]; ok {
		return s
	}
	if r.suspends == nil {
		r.suspends = map[*ssa.Function]bool{}
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
