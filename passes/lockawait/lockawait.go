package lockawait

import (
	_ "embed"

	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "lockawait"

// Analyzer reports coroutines that suspend while holding a mutex.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run, engine.Blocking)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Warning}

func run(pass *analysis.Pass, res *engine.Result) error {
	var found []*finding
	blk := pass.ResultOf[engine.Blocking].(*engine.Blocks)
	for _, fn := range res.LoopFuncs() {
		if p := res.Place(fn); p.OffLoop {
			continue // also run off the loop: not certainly a coroutine's
		}
		found = append(found, suspendsHolding(res, blk, fn)...)
	}
	var all []engine.Finding
	for _, f := range found {
		pos, end := code.CallSpan(res.Pass, f.pos)
		all = append(all, engine.Finding{Diagnostic: analysis.Diagnostic{Pos: pos, End: end, Message: f.message(res), Related: f.related(res)}, Severity: Severity.Usual})
	}
	engine.NewReporter(pass, name).ReportAll(all)
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
