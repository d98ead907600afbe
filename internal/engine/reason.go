package engine

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
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
	SendsOwnQueue                              // a send to the unbuffered queue only this loop takes from

	// Panics.
	StartsOwnLoop // it starts the loop that is running it (goja_nodejs's Run)

	// Ways a wait gives up.
	ContextDone    // its context is done
	WrapperGivesUp // the wrapper waiting gives up
	OtherCase      // another case of the select is ready
	TimesOut       // the future times out (protoactor's)
)

// String words the reason for a message, briefly: it ends a finding's
// main message and labels the reason's position in its related
// information.
func (r *Reason) String() string {
	settle := "send on or close it"
	if r.Promise {
		settle = "settle it"
	}
	switch r.Kind {
	case RunsOwnLoop:
		return "it runs the loop that is running this code"
	case OwnWork:
		return "the work runs only on this loop, which this wait blocks"
	case OwnCoroutine:
		return "the coroutine runs only on this loop, which this wait blocks"
	case SettledAfterReturn:
		return "only callbacks run after this code returns " + settle
	case SubmittedAfterReturn:
		return "only work run after this code returns " + settle
	case QueuedAfter:
		return "only callbacks queued behind this one " + settle
	case ServesOwnLoop:
		return "it waits for " + r.Loop + ", which is running this code"
	case NeedsOwnLoop:
		return "it needs " + r.Loop + ", which is running this code"
	case WaitsOwnLoop:
		return "it waits for the loop to finish this very job"
	case HelperQueued:
		return "it waits for callbacks it queues behind this code"
	case SendsOwnQueue:
		return "only this loop takes from it"
	case StartsOwnLoop:
		return "the loop is already running this code"
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
	if r == nil || !r.Pos.IsValid() || code.File(res.Pass, r.Pos) == nil {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: r.Pos, Message: r.String()}}
}

// step is a step of a witness chain at pos.
func (r *Result) step(what string, pos token.Pos) Step {
	return Step{What: what, Pos: code.Where(r.Pass, pos), at: pos}
}

// Related returns what a finding on op points to besides its own place:
// the hops of its witness chain, where a helper may block (Hops), and where
// its deadlock or give-up reason comes from.
func (r *Result) Related(op *Op) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	if op.Helper != nil {
		out = r.Hops(op.Helper.Chain, op.Pos)
	}
	out = append(out, op.Deadlock.related(r)...)
	out = append(out, op.Panics.related(r)...)
	out = append(out, op.GivesUp.related(r)...)
	return out
}

// Hops is a witness chain as related information: one position per step
// that lies in this package, labelled with what the step does ("calls
// (*futures.Future).Result"). Steps in other packages are known by file
// and line only (facts carry no positions), so they are given as one entry
// at the last step in this package ("which calls time.Sleep at lib.go:46"),
// or at from, the finding's own position, when there is none ("calls
// level2 at lib.go:37, which calls time.Sleep at lib.go:46"). Every driver
// gives the same related information.
func (r *Result) Hops(chain []Step, from token.Pos) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	at := from
	for i, s := range chain {
		if !s.at.IsValid() || code.File(r.Pass, s.at) == nil {
			msg := Witness(chain[i:])
			if i > 0 {
				msg = "which " + msg
			}
			if at.IsValid() {
				out = append(out, analysis.RelatedInformation{Pos: at, Message: msg})
			}
			break
		}
		out = append(out, analysis.RelatedInformation{Pos: s.at, Message: s.What})
		at = s.at
	}
	return out
}
