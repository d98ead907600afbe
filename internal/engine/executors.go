package engine

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// PoolWait is a wait, in an executor job, for work queued on the job's own
// executor: Submit(e, g).Result() (or ResultContext, or a receive from its
// Done()) in a job of e, or e.Shutdown(ctx), which waits for every worker,
// the waiting one included; also a call of a function of the package that
// does so with e as an argument.
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

// PoolWaits are the waits of executor jobs for work on their own
// executor, in reporting order: the result of Pools. The executor is the job's own when every
// call queuing the job names it the same way the wait does: the same
// variable (captured by the job), the same field path (e.Submit(s.pool, ...)
// and s.pool in the job or in the method value's receiver), the same
// package-level variable. Waits in goroutines the job starts, and waits on
// other executors, are not the job's.
type PoolWaits []*PoolWait

// Pools finds the waits of executor jobs on their own executor
// (PoolWaits), for the poolwait rule alone.
var Pools = newPart("futurelintpools", "waits of executor jobs for work on their own executor", (*Result).poolWaits)

// poolWait is a wait of some function on the executor ref denotes, in
// terms of that function's values.
type poolWait struct {
	ref    loopRef
	pos    token.Pos
	what   string
	submit ssa.CallInstruction
	drain  bool
	chain  []Step
}

func (r *Result) poolWaits() PoolWaits {
	type job struct {
		queued []ssa.CallInstruction
		ctxs   []loopCtx
	}
	jobs := map[*ssa.Function]*job{}
	handed := map[ssa.Instruction]bool{}
	for _, fn := range r.Funcs {
		for ci, row := range r.RoleCalls(fn) {
			if !r.queuesJob(row) || !row.Pool.Valid() {
				continue
			}
			exec := Arg(ci.Common(), row.Pool.Index())
			if exec == nil {
				continue
			}
			handed[ci] = true
			for _, fa := range row.Funcs {
				if fa.Where != roles.OffLoop || fa.AfterSettle {
					continue
				}
				for _, t := range r.targets(Arg(ci.Common(), fa.Arg.Index()), 0) {
					ref := r.canon(exec)
					ctx := loopCtx{ref}
					if t.recv != nil && len(t.fn.Params) > 0 {
						// A method value s.work queued on s.pool: inside
						// work, the executor is the receiver's .pool.
						rc := r.canon(t.recv)
						if ref.root == rc.root && strings.HasPrefix(ref.path, rc.path) {
							ctx = append(ctx, loopRef{t.fn.Params[0], ref.path[len(rc.path):]})
						}
					}
					j := jobs[t.fn]
					if j == nil {
						j = &job{}
						jobs[t.fn] = j
					}
					j.queued = append(j.queued, ci)
					j.ctxs = append(j.ctxs, ctx)
				}
			}
		}
	}
	if len(jobs) == 0 {
		return nil
	}
	var out PoolWaits
	refs := r.functionRefs()
	sums := r.poolSummaries()
	for _, fn := range r.Funcs {
		j := jobs[fn]
		if j == nil || !r.surelyOff(fn, refs[fn], handed) {
			continue
		}
		mine := func(ref loopRef) bool {
			for _, c := range j.ctxs {
				if !c.has(ref) {
					return false
				}
			}
			return ref.root != nil
		}
		for _, g := range r.Funcs {
			if r.ActivationRoot(g) != fn {
				continue
			}
			for _, w := range sums[g] {
				if mine(w.ref) {
					out = append(out, &PoolWait{Job: fn, Queued: j.queued[0], Pos: w.pos, What: w.what, Submit: w.submit, Chain: w.chain, Drain: w.drain})
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return Before(r.Pass.Fset, out[i].Pos, out[j].Pos) })
	return out
}

// poolSummaries returns, for every function of the package, its waits on
// executors: direct ones, and calls of functions of the package that wait
// on an executor passed to them (two calls deep).
func (r *Result) poolSummaries() map[*ssa.Function][]poolWait {
	sums := map[*ssa.Function][]poolWait{}
	for _, fn := range r.Funcs {
		sums[fn] = r.directPoolWaits(fn)
	}
	for round := 0; round < 2; round++ {
		next := map[*ssa.Function][]poolWait{}
		for _, fn := range r.Funcs {
			next[fn] = r.directPoolWaits(fn)
			for ci := range calls(fn) {
				callee := ci.Common().StaticCallee()
				if callee == nil || callee.Parent() != nil || callee.Pkg != r.SSA {
					continue
				}
				for _, w := range sums[callee] {
					p, ok := w.ref.root.(*ssa.Parameter)
					if !ok {
						if _, global := w.ref.root.(*ssa.Global); !global {
							continue
						}
					}
					ref := w.ref
					if ok {
						i := paramIndexOf(callee, p)
						if i < 0 || i >= len(ci.Common().Args) {
							continue
						}
						base := r.canon(ci.Common().Args[i])
						ref = loopRef{base.root, base.path + w.ref.path}
					}
					chain := append([]Step{{What: "calls " + r.calleeName(callee), Pos: r.Where(CallPos(ci))}}, w.chain...)
					if len(w.chain) == 0 {
						chain = append(chain, Step{What: "calls " + w.what, Pos: r.Where(w.pos)})
					}
					next[fn] = append(next[fn], poolWait{ref: ref, pos: CallPos(ci), what: r.calleeName(callee), chain: chain, drain: w.drain})
				}
			}
		}
		sums = next
	}
	return sums
}

func paramIndexOf(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// directPoolWaits returns fn's own waits on executors.
func (r *Result) directPoolWaits(fn *ssa.Function) []poolWait {
	var out []poolWait
	for _, op := range r.Ops(fn) {
		if op.Helper != nil {
			continue
		}
		if op.Row != nil && op.Row.Block == roles.BlockDrain && op.Row.Pool.Valid() {
			if e := Arg(op.Call, op.Row.Pool.Index()); e != nil {
				out = append(out, poolWait{ref: r.canon(e), pos: CallPos(op.Instr.(ssa.CallInstruction)), what: op.What, drain: true})
			}
			continue
		}
		fut := op.Future
		if sel, ok := op.Instr.(*ssa.Select); ok && len(sel.States) == 1 && sel.States[0].Dir == types.RecvOnly {
			fut = r.doneOf(sel.States[0].Chan)
		}
		if fut == nil {
			continue
		}
		ref := r.canon(fut)
		call, ok := ref.root.(*ssa.Call)
		if !ok || ref.path != "" {
			continue
		}
		row := r.Role(&call.Call)
		if !r.queuesJob(row) || !row.Pool.Valid() || Arg(&call.Call, row.Pool.Index()) == nil {
			continue
		}
		pos := op.Pos
		if ci, ok := op.Instr.(ssa.CallInstruction); ok {
			pos = CallPos(ci)
		}
		out = append(out, poolWait{ref: r.canon(Arg(&call.Call, row.Pool.Index())), pos: pos, what: op.What, submit: call})
	}
	return out
}
