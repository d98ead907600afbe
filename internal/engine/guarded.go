package engine

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// guardedSubmit reports whether ci, a call in fn that submits one of fn's
// function parameters to a loop and waits for it (its row's awaited
// argument), is a guarded invoke's other path: fn runs that parameter in
// place on a path exclusive of ci's, and every branch choosing between the
// two tests what fn's caller does not pass (already on the loop: fyne's
// async.EnsureMain runs fn when IsMainGoroutine(), and calls
// fyne.DoAndWait(fn) only from other goroutines). Called from its loop's
// code, fn takes the in-place path: the wait is not made there.
func guardedSubmit(fn *ssa.Function, ci ssa.CallInstruction, row *roles.Func) bool {
	if row == nil || row.SubmitLoop == roles.NoArg {
		return false
	}
	args := Args(ci.Common())
	for _, fa := range row.Funcs {
		if !fa.Arg.Valid() || fa.Arg.Index() >= len(args) || !(fa.Awaited || row.Awaited) {
			continue
		}
		if p, ok := args[fa.Arg.Index()].(*ssa.Parameter); ok && p.Parent() == fn && guardedBy(ci, p) {
			return true
		}
	}
	return false
}

// guardedBy reports whether ci's function calls its parameter p in place
// on a path that never meets ci, chosen by branches none of whose
// conditions reads a parameter the caller picks (see decidedBy).
func guardedBy(ci ssa.CallInstruction, p *ssa.Parameter) bool {
	w := ci.Block()
	for _, ref := range *p.Referrers() {
		c, ok := ref.(*ssa.Call)
		if !ok || c.Call.Value != p {
			continue
		}
		at := c.Block()
		if at == w || reaches(at.Succs, w) || reaches(w.Succs, at) {
			continue
		}
		if decidedBy(w, at) {
			return true
		}
	}
	return false
}

// decidedBy reports whether the branches that dominate block w and choose
// between it and block at (one way reaches at only, the other reaches w)
// exist and all test state, not the caller's choice: their conditions read
// no parameter of the function but its receiver and values that are not
// of a basic or func type (a loop it is handed). A bool parameter (now,
// direct) is the caller's choice: from loop code it may still wait.
func decidedBy(w, at *ssa.BasicBlock) bool {
	fn := w.Parent()
	found := false
	for b := w.Idom(); b != nil; b = b.Idom() {
		ifs, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok || len(b.Succs) != 2 {
			continue
		}
		for i, s := range b.Succs {
			other := b.Succs[1-i]
			if (s == at || reaches([]*ssa.BasicBlock{s}, at)) && !reaches([]*ssa.BasicBlock{s}, w) && (other == w || reaches([]*ssa.BasicBlock{other}, w)) {
				if readsChoice(fn, ifs.Cond, 0) {
					return false
				}
				found = true
			}
		}
	}
	return found
}

// readsChoice reports whether v is computed from a parameter of fn that
// its caller chooses: not the receiver, and of a basic or func type.
func readsChoice(fn *ssa.Function, v ssa.Value, depth int) bool {
	if depth > 8 {
		return true
	}
	if p, ok := v.(*ssa.Parameter); ok {
		if p.Parent() != fn || fn.Signature.Recv() != nil && fn.Params[0] == p {
			return false
		}
		switch p.Type().Underlying().(type) {
		case *types.Basic, *types.Signature:
			return true
		}
		return false
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && readsChoice(fn, *op, depth+1) {
			return true
		}
	}
	return false
}
