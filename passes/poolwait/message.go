package poolwait

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/engine"
)

// message says what goes wrong at run time and what to write instead.
func message(res *engine.Result, w *engine.PoolWait) string {
	exec := executorName(res, w.Queued)
	what := w.What
	if call, _ := res.CallAt(w.Pos); call != nil {
		what = res.Source(ast.Unparen(call.Fun))
	}
	if len(w.Chain) > 0 {
		what += " (it " + engine.Witness(w.Chain[1:]) + ")"
	}
	job := fmt.Sprintf("in a job of %s (queued at %s)", exec, res.Where(w.Queued.Pos()))
	if w.Drain {
		return fmt.Sprintf("%s, %s waits for every job of %s to finish, this one included: it never returns while the job runs, and the job never finishes; shut %s down from outside its own jobs", job, what, exec, exec)
	}
	queued := ""
	if w.Submit != nil {
		queued = " (queued at " + res.Where(w.Submit.Pos()) + ")"
	}
	return fmt.Sprintf("%s, %s waits for work queued on the same executor%s: once every worker of %s runs such a job, the work they wait for can never start, and the pool deadlocks; run the inner work directly in this job, queue it on another executor, or have the caller queue both and combine their results", job, what, queued, exec)
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
