package engine

import (
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
)

// SuspendsFact is attached to a function that may suspend the coroutine
// calling it (it awaits, sleeps or gathers, or calls a function that may),
// with a witness: the chain of calls from the function down to the
// suspension point. The loop runs other work while the caller is suspended.
type SuspendsFact struct {
	Chain []Step // first step is in the function itself
}

func (*SuspendsFact) AFact() {}

func (f *SuspendsFact) String() string { return "suspends: " + f.Witness() }

// Witness renders the chain as BlocksFact.Witness does.
func (f *SuspendsFact) Witness() string { return Witness(f.Chain) }

// summarizeSuspends computes may-suspend summaries for every function of
// the package: a roles-table suspension point (Suspends), or a static call
// to a function that may suspend, here or in another package (its
// SuspendsFact), with the shortest witness chain. Go statements do not
// suspend their creator, nor do closures that are not run in place.
func (r summarizer) summarizeSuspends() {
	r.suspendSum = map[*ssa.Function]*SuspendsFact{}
	for changed := true; changed; {
		changed = false
		for _, fn := range r.Funcs {
			if r.suspendSum[fn] != nil {
				continue
			}
			for ci := range Calls(fn) {
				if f := r.CallSuspends(ci.Common()); f != nil {
					if _, ok := ci.(*ssa.Defer); ok {
						continue // runs as fn returns: nothing of fn is left to hold
					}
					r.suspendSum[fn] = f
					changed = true
					break
				}
			}
		}
	}
}

// CallSuspends returns, for a call that may suspend the calling coroutine,
// the witness chain starting at the call; nil when the call does not
// suspend (or it is not known to). A closure called in place suspends with
// its own chain.
func (b *Blocks) CallSuspends(call *ssa.CallCommon) *SuspendsFact {
	r := b.res
	if row := r.Role(call); row != nil {
		if row.Suspends {
			return &SuspendsFact{Chain: []Step{{What: "calls " + code.CallName(r.Pass, call), Pos: code.Where(r.Pass, call.Pos())}}}
		}
		return nil
	}
	if call.IsInvoke() {
		return nil
	}
	callee := call.StaticCallee()
	if callee == nil {
		return nil
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	var f *SuspendsFact
	switch obj := code.FuncObj(callee); {
	case callee.Parent() != nil:
		return b.suspendSum[callee] // a closure run in place: its chain is the caller's
	case obj == nil:
		return nil
	case obj.Pkg() == r.Pass.Pkg:
		f = b.suspendSum[callee]
	default:
		imp := new(SuspendsFact)
		if b.pass.ImportObjectFact(obj, imp) {
			f = imp
		}
	}
	if f == nil {
		return nil
	}
	chain := append([]Step{{What: "calls " + code.CalleeName(r.Pass, callee), Pos: code.Where(r.Pass, call.Pos())}}, f.Chain...)
	return &SuspendsFact{Chain: chain}
}
