package selfsubmit

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// submit is a thread-safe submit from loop code to its own loop, with what
// its message and fixes need: the call as written and the words of its
// library.
type submit struct {
	res   *engine.Result
	fn    *ssa.Function
	s     *engine.SelfSubmit
	pos   token.Pos       // the call's opening parenthesis
	call  *engine.Written // the call as written
	work  roles.FuncArg   // the submitted callback or coroutine
	words roles.Words
}

func newSubmit(res *engine.Result, fn *ssa.Function, s *engine.SelfSubmit) *submit {
	sub := &submit{res: res, fn: fn, s: s, pos: code.CallPos(s.Call), call: res.Written(s.Call), words: res.Words(fn, s.Row)}
	for _, fa := range s.Row.Funcs {
		if fa.Threadsafe && fa.Loop == s.Row.SubmitLoop {
			sub.work = fa
		}
	}
	return sub
}

// coroutine reports whether the submitted work is a coroutine (RunThreadsafe)
// rather than a callback (CallSoonThreadsafe).
func (sub *submit) coroutine() bool { return sub.work.Where == roles.Coroutine }

// deadlock returns the first wait on the submitted work that provably never
// ends, or nil.
func (sub *submit) deadlock() *engine.Op {
	for _, w := range sub.s.Waits {
		if w.Deadlock != nil {
			return w
		}
	}
	return nil
}

// wait returns the wait a message names: the first deadlocking one, else
// the first one; nil when the code does not wait for the work.
func (sub *submit) wait() *engine.Op {
	if w := sub.deadlock(); w != nil {
		return w
	}
	if len(sub.s.Waits) > 0 {
		return sub.s.Waits[0]
	}
	return nil
}

// marker is the name of the marker the code can await with, or "" in
// callbacks.
func (sub *submit) marker() string { return sub.res.AwaitCtx(sub.fn, sub.pos) }

// related points at the waits on the submitted work, with why each never
// ends or how it may give up.
func (sub *submit) related() []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, w := range sub.s.Waits {
		if w.Instr != sub.s.Call {
			out = append(out, analysis.RelatedInformation{Pos: w.Pos, Message: "waits for the submitted work: " + w.What})
		}
		out = append(out, sub.res.Related(w)...)
	}
	return out
}
