package poolwait

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

// message says what goes wrong at run time and what to write instead.
// Where the job and the awaited work were queued, and the calls down to
// the wait, are the finding's related information.
func message(res *engine.Result, w *engine.PoolWait) string {
	exec := executorName(res, w.Queued)
	what := w.What
	if call, _ := code.CallAt(res.Pass, w.Pos); call != nil {
		what = code.Source(res.Pass, ast.Unparen(call.Fun))
	}
	if w.Drain {
		return fmt.Sprintf("in a job of %s, %s waits for every job of %s, this one included, so it never returns; shut %s down from outside its jobs", exec, what, exec, exec)
	}
	return fmt.Sprintf("in a job of %s, %s waits for work queued on %s, so the pool can deadlock; do the work in this job or on another executor", exec, what, exec)
}

// related points at where the job and the work it waits for were queued,
// and at each call down to the wait.
func related(res *engine.Result, w *engine.PoolWait) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	if code.File(res.Pass, w.Queued.Pos()) != nil {
		out = append(out, analysis.RelatedInformation{Pos: w.Queued.Pos(), Message: "the job is queued here"})
	}
	if w.Submit != nil && code.File(res.Pass, w.Submit.Pos()) != nil {
		out = append(out, analysis.RelatedInformation{Pos: w.Submit.Pos(), Message: "the work it waits for is queued here"})
	}
	if len(w.Chain) > 1 {
		out = append(out, res.Hops(w.Chain[1:], w.Pos)...)
	}
	return out
}

// executorName spells the executor argument of the call that queued the
// job, as written, or "its executor".
func executorName(res *engine.Result, queued ssa.CallInstruction) string {
	row := res.Role(queued.Common())
	if row == nil {
		return "its executor"
	}
	return res.Written(queued).Source(row.Pool, "its executor")
}
