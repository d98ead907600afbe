package selfsubmit

import (
	_ "embed"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "selfsubmit"

// Analyzer reports thread-safe submits from loop code back to its own loop.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

func run(pass *analysis.Pass, res *engine.Result) error {
	rep := engine.NewReporter(pass, name)
	// One finding per submit, at the submit: the waits on its work are
	// part of it (loopblock leaves them to this rule).
	var found []*submit
	for _, fn := range res.LoopFuncs() {
		for _, s := range res.SelfSubmits(fn) {
			sub := newSubmit(res, fn, s)
			if !sub.work.Arg.Valid() && len(s.Waits) == 0 {
				// A message to its own mailbox (an actor's request to
				// itself) is harmless unless the code waits for it.
				continue
			}
			found = append(found, sub)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return engine.Before(pass.Fset, found[i].pos, found[j].pos) })
	for _, sub := range found {
		sev := engine.Warning
		if sub.deadlock() != nil {
			sev = engine.Error
		}
		pos, end := res.CallSpan(sub.pos)
		rep.Report(analysis.Diagnostic{
			Pos:            pos,
			End:            end,
			Message:        sub.message(),
			SuggestedFixes: sub.suggestFixes(),
		}, sev)
	}
	return nil
}
