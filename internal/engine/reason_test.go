package engine_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestRelated checks a finding's related information: it lies in the
// package, the chain of a helper that may block is its first entries (the
// steps in other packages as one entry), and a deadlock's reason is there
// at its position.
func TestRelated(t *testing.T) {
	graph, err := checker.Analyze([]*analysis.Analyzer{engine.Blocking}, testmodule.Load(t, "./loopblock/a"), nil)
	if err != nil {
		t.Fatal(err)
	}
	blk := graph.Roots[0].Result.(*engine.Blocks)
	res := blk.Placement()
	chains, reasons := 0, 0
	for _, fn := range res.LoopFuncs() {
		for _, op := range blk.Ops(fn) {
			rel := res.Related(op)
			for _, ri := range rel {
				if code.File(res.Pass, ri.Pos) == nil || ri.Message == "" {
					t.Errorf("%s: related information %+v outside the package or without a message", code.Where(res.Pass, op.Pos), ri)
				}
			}
			if op.Helper != nil && len(rel) > 0 {
				// The first step where it is, or, for a chain that starts
				// in another package, the whole chain at the call.
				chains++
				first := rel[0].Message + " at " + code.Where(res.Pass, rel[0].Pos)
				if rel[0].Pos == op.Pos {
					first = rel[0].Message
				}
				if !strings.HasPrefix(op.Helper.Witness(), first) {
					t.Errorf("%s: related %q is not the first step of %q", code.Where(res.Pass, op.Pos), rel[0].Message, op.Helper.Witness())
				}
			}
			if op.Deadlock != nil && op.Deadlock.Pos.IsValid() {
				reasons++
				last := rel[len(rel)-1]
				if last.Message != op.Deadlock.String() || last.Pos != op.Deadlock.Pos {
					t.Errorf("%s: related %+v, want the deadlock's reason %q", code.Where(res.Pass, op.Pos), last, op.Deadlock)
				}
			}
		}
	}
	if chains == 0 || reasons == 0 {
		t.Errorf("%d helper chains and %d deadlock reasons with related information in loopblock/a, want some of each", chains, reasons)
	}
}
