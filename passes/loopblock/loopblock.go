package loopblock

import (
	_ "embed"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "loopblock"

// Analyzer reports blocking operations in event-loop code.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

func run(pass *analysis.Pass, res *engine.Result) error {
	rep := engine.NewReporter(pass, name)
	var found []*engine.Op
	for _, fn := range res.LoopFuncs() {
		for _, op := range res.Ops(fn) {
			if op.SelfSubmit {
				continue // the selfsubmit rule reports waits on work submitted back to this loop
			}
			if op.Helper != nil && op.CalleeIsLoop {
				continue // the callee is loop code: its blocking is reported inside it
			}
			found = append(found, op)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return engine.Before(pass.Fset, found[i].Pos, found[j].Pos) })
	for _, op := range found {
		sev := engine.Warning
		if op.Deadlock != "" || op.Panics != "" {
			sev = engine.Error
		}
		pos, end := res.CallSpan(op.Pos)
		rep.Report(analysis.Diagnostic{
			Pos:            pos,
			End:            end,
			Message:        message(res, op),
			SuggestedFixes: suggestFixes(res, op),
		}, sev)
	}
	return nil
}
