package lockawait

import (
	_ "embed"
	"sort"

	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "lockawait"

// Analyzer reports coroutines that suspend while holding a mutex.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []*finding
	for _, fn := range res.LoopFuncs() {
		if p := res.Place(fn); p.OffLoop {
			continue // also run off the loop: not certainly a coroutine's
		}
		found = append(found, suspendsHolding(res, fn)...)
	}
	sort.SliceStable(found, func(i, j int) bool { return engine.Before(pass.Fset, found[i].pos, found[j].pos) })
	rep := engine.NewReporter(pass, name)
	for _, f := range found {
		pos, end := res.CallSpan(f.pos)
		rep.Report(analysis.Diagnostic{Pos: pos, End: end, Message: f.message(res)}, engine.Warning)
	}
	return nil
}

// finding is the first suspension of a coroutine while a lock taken by
// lock is held.
type finding struct {
	pos     token.Pos
	suspend ssa.CallInstruction
	chain   *engine.SuspendsFact
	lock    ssa.CallInstruction
}
