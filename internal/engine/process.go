package engine

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// Process-wide loops: a library whose loop is one per program (the
// JavaScript event loop, a UI toolkit's event goroutine) names it by no
// argument. Rows say roles.ProcessLoop: a callback with that loop runs on
// the process-wide loop of its row's library, and a submit with it
// (SubmitLoop) submits to that loop, which is the current one in that
// library's loop code whoever registered it.

const processPrefix = "the process-wide loop of "

// processRef is the loopRef of the process-wide loop of the library whose
// rows describe package pkg.
func (r placer) processRef(pkg string) loopRef {
	return loopRef{path: processPrefix + r.processName(pkg)}
}

// processName names the process-wide loop of pkg's library: the library's
// name, or pkg when no library describes it.
func (r placer) processName(pkg string) string {
	if lib := r.Roles.Library(pkg); lib != nil {
		return lib.Name
	}
	return pkg
}

// isProcess reports whether ref is a process-wide loop's.
func (ref loopRef) isProcess() bool {
	return ref.root == nil && strings.HasPrefix(ref.path, processPrefix)
}

// funcArgLoop is the loopRef of a process-wide loop a function argument of
// row runs on, through the wrapper's Via; ok is false for other loops.
func (r placer) funcArgLoop(row *roles.Func, fa roles.FuncArg) (loopRef, bool) {
	if fa.Loop != roles.ProcessLoop {
		return loopRef{}, false
	}
	return r.processRef(funcArgVia(row, fa)), true
}

// funcArgVia is the path naming the process-wide loop fa runs on: its Via,
// or its row's package.
func funcArgVia(row *roles.Func, fa roles.FuncArg) string {
	if fa.Via != "" {
		return fa.Via
	}
	return row.Pkg
}

// submitTarget returns the loop a thread-safe submit sends its work to; ok
// is false when the call is not a submit.
func (r placer) submitTarget(call *ssa.CallCommon, row *roles.Func) (loopRef, bool) {
	if row.SubmitLoop == roles.ProcessLoop {
		return r.processRef(submitVia(row)), true
	}
	if l := Arg(call, row.SubmitLoop.Index()); l != nil {
		return r.loopOf(l), true
	}
	return loopRef{}, false
}

// submitsToCurrent reports whether the submit call, made in fn, sends its
// work to the loop fn runs on.
func (r placer) submitsToCurrent(fn *ssa.Function, call *ssa.CallCommon, row *roles.Func) bool {
	ref, ok := r.submitTarget(call, row)
	if !ok {
		return false
	}
	p := r.places[fn]
	return p != nil && p.Loop && !p.OffLoop && r.isCurrentRef(p, ref) &&
		(!ref.isProcess() || (valueOf{r}).onOwnValue(fn, submitVia(row), ownerArgs(call)))
}

// awaitedSubmit reports whether a table row is a submit that itself waits
// for the loop to serve it (Func.Awaited, or an awaited thread-safe
// function argument), and whether it waits only sometimes.
func awaitedSubmit(row *roles.Func) (awaited, sometimes bool) {
	if row == nil || row.SubmitLoop == roles.NoArg {
		return false, false
	}
	if row.Awaited {
		return true, false
	}
	for _, fa := range row.Funcs {
		if fa.Threadsafe && fa.Awaited && fa.Loop == row.SubmitLoop {
			return true, fa.Sometimes
		}
	}
	return false, false
}

// waitsForProcess is, for a table row that waits for a process-wide loop
// on every path, that loop's name (BlocksFact.Loop); else "".
func (r summarizer) waitsForProcess(row *roles.Func) string {
	if awaited, sometimes := awaitedSubmit(row); awaited && !sometimes && row.SubmitLoop == roles.ProcessLoop {
		return r.processName(submitVia(row))
	}
	return ""
}

// submitVia is the path naming the process-wide loop a submit row sends
// to: the row's Via or that of its function argument on that loop when set
// (an inferred loop, one of several in its package), else the row's package.
func submitVia(row *roles.Func) string {
	if row.Via != "" {
		return row.Via
	}
	for _, fa := range row.Funcs {
		if fa.Loop == roles.ProcessLoop && fa.Via != "" {
			return fa.Via
		}
	}
	return row.Pkg
}

// classifyLoopServe works out Deadlock and Submit for waits on a loop
// that are not waits on a future or channel: a call that submits to the
// current loop and waits for it in the same call (QueueUpdate, Send), a
// call of a function that waits for the current process-wide loop
// (BlocksFact.Loop), and I/O that needs the current loop to complete
// (Library.NeedsLoop: net/http under syscall/js). It reports whether op
// was one.
func (r summarizer) classifyLoopServe(op *Op) bool {
	fn := op.Fn
	if ci, ok := op.Instr.(ssa.CallInstruction); ok && op.Row != nil && op.Helper == nil {
		if awaited, sometimes := awaitedSubmit(op.Row); awaited && r.submitsToCurrent(fn, op.Call, op.Row) {
			op.Submit = ci
			if !sometimes {
				op.Deadlock = &Reason{Kind: OwnWork, Pos: op.Pos}
			}
			return true
		}
	}
	p := r.places[fn]
	if p == nil || !p.Loop || p.OffLoop {
		return false
	}
	w := r.Words(fn, nil)
	if op.Helper != nil && op.Helper.Loop != "" && r.isCurrentRef(p, loopRef{path: processPrefix + op.Helper.Loop}) &&
		(op.Call == nil || (valueOf{r.placer}).onOwnValue(fn, op.Helper.Pkg+" "+op.Helper.Loop, ownerArgs(op.Call))) {
		op.Deadlock = &Reason{Kind: ServesOwnLoop, Loop: w.Loop}
		return true
	}
	if op.Kind != roles.BlockIO {
		return false
	}
	pkg := ""
	switch {
	case op.Helper != nil:
		pkg = op.Helper.Pkg
	case op.Row != nil:
		pkg = op.Row.Pkg
	}
	if lib := r.Library(fn, nil); pkg != "" && lib.Needs(pkg) && r.onProcessLoopOf(p, lib) {
		op.Deadlock = &Reason{Kind: NeedsOwnLoop, Loop: w.Loop}
		return true
	}
	return false
}

// onProcessLoopOf reports whether p's function certainly runs on the
// process-wide loop of lib.
func (r placer) onProcessLoopOf(p *Place, lib *roles.Library) bool {
	return r.isCurrentRef(p, loopRef{path: processPrefix + lib.Name})
}
