package engine

import (
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Reason says why a wait certainly never ends (Op.Deadlock), or how it may
// end without what it waits for (Op.GivesUp), and where: the code that
// makes it so. Rules test for one by its presence and Kind, and word it
// with String.
type Reason struct {
	Kind ReasonKind
	// Promise is set, for SettledAfterReturn, SubmittedAfterReturn and
	// QueuedAfter, when what is waited for is a promise rather than a
	// channel.
	Promise bool
	// Loop is, for ServesOwnLoop and NeedsOwnLoop, what the loop is called.
	Loop string
	// Pos is the code that makes it so: the call running the loop, the
	// submit, the first operation settling the promise or channel, the
	// context given up on, the select.
	Pos token.Pos
}

// ReasonKind is a kind of Reason.
type ReasonKind int

const (
	// Deadlocks.
	RunsOwnLoop          ReasonKind = iota + 1 // a nested Run of the loop the code runs on
	OwnWork                                    // a wrapper waits for work it submits to this loop
	OwnCoroutine                               // the future of a coroutine submitted to this loop
	SettledAfterReturn                         // settled only by callbacks this code schedules on its loop
	SubmittedAfterReturn                       // settled only by work this code submits to its loop
	QueuedAfter                                // settled only by callbacks queued behind this one
	ServesOwnLoop                              // the call waits for this loop to serve it (QueueUpdate, Send)
	NeedsOwnLoop                               // I/O that completes only on this loop (net/http under syscall/js)
	WaitsOwnLoop                               // it waits for the loop running it to be idle (goja_nodejs's Stop)
	HelperQueued                               // the callee waits on a channel only callbacks it queues on this loop settle

	// Panics.
	StartsOwnLoop // it starts the loop that is running it (goja_nodejs's Run)

	// Ways a wait gives up.
	ContextDone    // its context is done
	WrapperGivesUp // the wrapper waiting gives up
	OtherCase      // another case of the select is ready
	TimesOut       // the future times out (protoactor's)
)

// String words the reason for a message.
func (r *Reason) String() string {
	what := "the channel is sent to or closed only by "
	if r.Promise {
		what = "the promise is settled only by "
	}
	switch r.Kind {
	case RunsOwnLoop:
		return "it runs the loop this code is running on, which is busy with this very call and can never serve it"
	case OwnWork:
		return "the work can run only on this loop, which this wait keeps from running"
	case OwnCoroutine:
		return "the future completes only when its coroutine runs on this loop, which this wait keeps from running"
	case SettledAfterReturn:
		return what + "callbacks scheduled on this loop after this code returns"
	case SubmittedAfterReturn:
		return what + "work submitted to this loop after this code returns"
	case QueuedAfter:
		return what + "callbacks queued on this loop after this one"
	case ServesOwnLoop:
		return "it waits for " + r.Loop + ", which is running this code and serves nothing else until it returns"
	case NeedsOwnLoop:
		return "it needs " + r.Loop + " to complete, and the loop waits for this code to return"
	case WaitsOwnLoop:
		return "it waits until the loop runs no job, and this code is the job the loop is running"
	case HelperQueued:
		return "it receives from a channel that only callbacks it schedules on this loop send to or close, and they run only after this code returns"
	case StartsOwnLoop:
		return "the loop is running already: it is running this very code"
	case ContextDone:
		return "its context is done"
	case WrapperGivesUp:
		return "the wrapper gives up"
	case OtherCase:
		return "another case of the select is ready"
	case TimesOut:
		return "it times out"
	}
	return "unknown reason"
}

// related is the reason as related information of a finding, at its
// position; nil when it has none in this package.
func (r *Reason) related(res *Result) []analysis.RelatedInformation {
	if r == nil || !r.Pos.IsValid() || res.File(r.Pos) == nil {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: r.Pos, Message: r.String()}}
}

// step is a step of a witness chain at pos.
func (r *Result) step(what string, pos token.Pos) Step {
	return Step{What: what, Pos: r.Where(pos), at: pos}
}

// Related returns what a finding on op points to besides its own place:
// the steps of its witness chain that lie in this package (the calls down
// to the blocking operation, where a helper may block), and where its
// deadlock or give-up reason comes from. Steps in other packages are known
// by file and line only (facts carry no positions), and are left out, so
// every driver gives the same related information.
func (r *Result) Related(op *Op) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	if op.Helper != nil {
		for _, s := range op.Helper.Chain {
			if s.at.IsValid() && r.File(s.at) != nil {
				out = append(out, analysis.RelatedInformation{Pos: s.at, Message: s.What})
			}
		}
	}
	out = append(out, op.Deadlock.related(r)...)
	out = append(out, op.Panics.related(r)...)
	out = append(out, op.GivesUp.related(r)...)
	return out
}
