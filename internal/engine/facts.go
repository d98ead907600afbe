package engine

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/futurelint/futurelint/internal/roles"
)

// BlocksFact is attached to a function that may block its caller, with a
// witness: the chain of calls from the function down to a blocking operation.
type BlocksFact struct {
	Kind  roles.Block // kind of the blocking operation at the end of the chain
	Chain []Step      // first step is in the function itself
	// Pkg is the package of the roles-table call at the end of the chain
	// ("net/http"), or "" when the chain ends in a channel operation.
	Pkg string
	// Loop names the process-wide loop (its library's name) that the call
	// at the end of the chain waits for on every path ((*tview.Application).QueueUpdateDraw:
	// "tview"): called from that loop's code, the function never returns.
	Loop string
	// Certain is set when the chain's wait happens whenever the function
	// is called and does not fail first: each step lies on every path
	// through its function but the error exits (certainIn, errexit.go).
	// The witness is a certain chain when there is one.
	Certain bool
	// Silenced are the rules that reasoned //futurelint:ignore directives
	// silence on every way the function may block, at a blocking
	// operation or at a call along the way: a finding on a call of the
	// function is silenced for them (Silences), in any package.
	Silenced []string
}

// Silences reports whether directives silence rule on every way the
// function may block.
func (f *BlocksFact) Silences(rule string) bool { return f != nil && slices.Contains(f.Silenced, rule) }

// Step is one link of a witness chain.
type Step struct {
	What string // "calls (*futures.Future).Result", "receives from a channel", ...
	Pos  string // file base name and line: "store.go:41"

	at token.Pos // in the package that computed the step; facts do not carry it
}

func (*BlocksFact) AFact() {}

func (f *BlocksFact) String() string {
	s := "blocks: " + f.Witness()
	if len(f.Silenced) > 0 {
		s += " (ignored for " + strings.Join(f.Silenced, ",") + ")"
	}
	return s
}

// Witness renders the chain: "calls b.get at a.go:12, which calls (*futures.Future).Result at b.go:41".
func (f *BlocksFact) Witness() string { return Witness(f.Chain) }

// Witness renders a chain of steps: "calls b.get at a.go:12, which calls
// (*futures.Future).Result at b.go:41".
func Witness(chain []Step) string {
	var b strings.Builder
	for i, s := range chain {
		if i > 0 {
			b.WriteString(", which ")
		}
		fmt.Fprintf(&b, "%s at %s", s.What, s.Pos)
	}
	return b.String()
}

// SchedulesFact is attached to a function that hands function parameters on
// to an event loop (or off it): a wrapper such as
//
//	func after(l *futures.Loop, fn func()) { l.CallSoon(fn) }
//
// carries Params [{Arg: 1, Where: OnLoop, Loop: 0}], so fn is loop code at
// every call of after. Indices count a method's receiver as 0.
type SchedulesFact struct {
	Params []roles.FuncArg
}

func (*SchedulesFact) AFact() {}

// loopAPI reports whether the fact hands a parameter to a loop API (a row
// of the table or of another wrapper), not only to a goroutine of its own:
// a go statement of the function's, or a row that starts one
// (time.AfterFunc, OwnGoroutine). A package exporting only goroutine
// helpers (k8s.io/utils/clock's RealClock.AfterFunc) does not make its
// importers reference a loop; and the syntax walk, which finds only go
// statements, would not see those rows, so with them its importers'
// summaries would be SSA's or syntax's depending on the mode.
func (f *SchedulesFact) loopAPI() bool {
	for _, p := range f.Params {
		if p.Via != "" && !p.OwnGoroutine {
			return true
		}
	}
	return false
}

func (f *SchedulesFact) String() string {
	var parts []string
	for _, p := range f.Params {
		part := fmt.Sprintf("param %d %s on %s", p.Arg.Index(), whereName(p.Where), loopName(p.Loop))
		if p.Threadsafe {
			part += " (thread-safe)"
		}
		if p.Awaited {
			part += " (awaited"
			if p.Sometimes {
				part += " on some paths"
			}
			switch {
			case p.GivesUp && p.Context.Valid():
				part += fmt.Sprintf(", gives up on param %d", p.Context.Index())
			case p.GivesUp:
				part += ", gives up"
			}
			part += ")"
		}
		parts = append(parts, part)
	}
	return "schedules: " + strings.Join(parts, "; ")
}

// loopName is the loop of a parameter as facts print it: "loop 1" for
// parameter 1, "loop -1" for none.
func loopName(l roles.Arg) string {
	switch {
	case l.IsCallerLoop():
		return "the caller's loop"
	case l.IsProcessLoop():
		return "the process loop"
	}
	return fmt.Sprintf("loop %d", l.Index())
}

func whereName(w roles.Where) string {
	switch w {
	case roles.OnLoop:
		return "callback"
	case roles.Coroutine:
		return "coroutine"
	}
	return "off-loop"
}

// LoopAPIFact is a package fact: the package exports SchedulesFacts (or
// LoopMethodFacts, whose hand-ins only SSA finds), so a
// package that uses it references the loop API even without importing a
// loop runtime, and gets full (SSA) analysis.
type LoopAPIFact struct{}

func (*LoopAPIFact) AFact()         {}
func (*LoopAPIFact) String() string { return "loop API" }
