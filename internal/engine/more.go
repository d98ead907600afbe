package engine

import "golang.org/x/tools/go/ssa"

// more holds what the engine works out for the rules dropped, offloop,
// lockawait and poolwait, up front, so that the Result stays read-only.
type more struct {
	suspendSum map[*ssa.Function]*SuspendsFact
	offUses    []*OffLoopUse
	offCalls   map[ssa.CallInstruction]bool
	poolWaits  []*PoolWait
}

// computeMore runs the analyses of more and exports their facts.
func (r *Result) computeMore() {
	r.summarizeSuspends()
	r.exportSuspendFacts()
	r.computeOffLoop()
	r.computePoolWaits()
}

// Ref returns the canonical reference of v: its root value, after following
// closure captures and variables assigned once, and a path of field
// selections. Two values with equal Refs denote the same variable, field or
// object (a lock, a loop, an executor).
func (r *Result) Ref(v ssa.Value) LoopRef {
	ref := r.canon(v)
	return LoopRef{Root: ref.root, Path: ref.path}
}
