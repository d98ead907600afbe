package engine

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// PoolWait is the poolwait rule's finding, which passes/poolwait finds: a
// wait, in an executor job, for work queued on the job's own executor:
// Submit(e, g).Result() (or ResultContext, or a receive from its Done())
// in a job of e, or e.Shutdown(ctx), which waits for every worker, the
// waiting one included; also a call of a function of the package that
// does so with e as an argument. It is declared here for the rule's
// message code, which takes an *engine.PoolWait.
type PoolWait struct {
	Job *ssa.Function
	// Queued is the call that queued the job on its executor (the first,
	// when there are several, all on the same executor).
	Queued ssa.CallInstruction
	// Pos is where the wait is, in the job (or a closure it runs in
	// place): the waiting call, the receive, or the call of the function
	// that waits.
	Pos token.Pos
	// What names the wait as people write it: "(*futures.Future).Result",
	// "(*futures.Executor).Shutdown", "a receive from (*futures.Future).Done",
	// "drain".
	What string
	// Submit is the call that queued the awaited work, nil for Shutdown.
	Submit ssa.CallInstruction
	// Chain is, for a call of a function of the package that waits, the
	// steps down to the wait.
	Chain []Step
	// Drain is set for a wait for the executor to shut down.
	Drain bool
}
