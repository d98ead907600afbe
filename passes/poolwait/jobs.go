package poolwait

import (
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// poolWaits returns the waits of executor jobs for work on their own
// executor, in reporting order. The executor is the job's own when every
// call queuing the job names it the same way the wait does: the same
// variable (captured by the job), the same field path (e.Submit(s.pool, ...)
// and s.pool in the job or in the method value's receiver), the same
// package-level variable. Waits in goroutines the job starts, and waits on
// other executors, are not the job's.
func poolWaits(res *engine.Result, blk *engine.Blocks) []*engine.PoolWait {
	type job struct {
		queued []ssa.CallInstruction
		execs  [][]engine.LoopRef // for each queuing call, the spellings of its executor in the job
	}
	jobs := map[*ssa.Function]*job{}
	handed := map[ssa.Instruction]bool{}
	for _, fn := range res.Funcs {
		for ci, row := range res.RoleCalls(fn) {
			if !engine.QueuesJob(row) || !row.Pool.Valid() {
				continue
			}
			exec := engine.Arg(ci.Common(), row.Pool.Index())
			if exec == nil {
				continue
			}
			handed[ci] = true
			for _, fa := range row.Funcs {
				if fa.Where != roles.OffLoop || fa.AfterSettle {
					continue
				}
				for _, t := range res.Targets(engine.Arg(ci.Common(), fa.Arg.Index())) {
					ref := res.Ref(exec)
					spellings := []engine.LoopRef{ref}
					if t.Recv != nil && len(t.Fn.Params) > 0 {
						// A method value s.work queued on s.pool: inside
						// work, the executor is the receiver's .pool.
						rc := res.Ref(t.Recv)
						if ref.Root == rc.Root && strings.HasPrefix(ref.Path, rc.Path) {
							spellings = append(spellings, engine.LoopRef{Root: t.Fn.Params[0], Path: ref.Path[len(rc.Path):]})
						}
					}
					j := jobs[t.Fn]
					if j == nil {
						j = &job{}
						jobs[t.Fn] = j
					}
					j.queued = append(j.queued, ci)
					j.execs = append(j.execs, spellings)
				}
			}
		}
	}
	if len(jobs) == 0 {
		return nil
	}
	var out []*engine.PoolWait
	refs := res.FunctionRefs()
	sums := summaries(res, blk)
	for _, fn := range res.Funcs {
		j := jobs[fn]
		if j == nil || !res.SurelyOff(fn, refs[fn], handed) {
			continue
		}
		mine := func(ref engine.LoopRef) bool {
			for _, spellings := range j.execs {
				if !slices.Contains(spellings, ref) {
					return false
				}
			}
			return ref.Root != nil
		}
		for _, g := range res.Funcs {
			if res.ActivationRoot(g) != fn {
				continue
			}
			for _, w := range sums[g] {
				if mine(w.ref) {
					out = append(out, &engine.PoolWait{Job: fn, Queued: j.queued[0], Pos: w.pos, What: w.what, Submit: w.submit, Chain: w.chain, Drain: w.drain})
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return engine.Before(res.Pass.Fset, out[i].Pos, out[j].Pos) })
	return out
}

// wait is a wait of some function on the executor ref denotes, in terms
// of that function's values.
type wait struct {
	ref    engine.LoopRef
	pos    token.Pos
	what   string
	submit ssa.CallInstruction
	drain  bool
	chain  []engine.Step
}

// summaries returns, for every function of the package, its waits on
// executors: direct ones, and calls of functions of the package that wait
// on an executor passed to them (two calls deep).
func summaries(res *engine.Result, blk *engine.Blocks) map[*ssa.Function][]wait {
	sums := map[*ssa.Function][]wait{}
	for _, fn := range res.Funcs {
		sums[fn] = directWaits(res, blk, fn)
	}
	for round := 0; round < 2; round++ {
		next := map[*ssa.Function][]wait{}
		for _, fn := range res.Funcs {
			next[fn] = directWaits(res, blk, fn)
			for ci := range engine.Calls(fn) {
				callee := ci.Common().StaticCallee()
				if callee == nil || callee.Parent() != nil || callee.Pkg != res.SSA {
					continue
				}
				for _, w := range sums[callee] {
					p, ok := w.ref.Root.(*ssa.Parameter)
					if !ok {
						if _, global := w.ref.Root.(*ssa.Global); !global {
							continue
						}
					}
					ref := w.ref
					if ok {
						i := slices.Index(callee.Params, p)
						if i < 0 || i >= len(ci.Common().Args) {
							continue
						}
						base := res.Ref(ci.Common().Args[i])
						ref = engine.LoopRef{Root: base.Root, Path: base.Path + w.ref.Path}
					}
					chain := append([]engine.Step{{What: "calls " + code.CalleeName(res.Pass, callee), Pos: code.Where(res.Pass, code.CallPos(ci))}}, w.chain...)
					if len(w.chain) == 0 {
						chain = append(chain, engine.Step{What: "calls " + w.what, Pos: code.Where(res.Pass, w.pos)})
					}
					next[fn] = append(next[fn], wait{ref: ref, pos: code.CallPos(ci), what: code.CalleeName(res.Pass, callee), chain: chain, drain: w.drain})
				}
			}
		}
		sums = next
	}
	return sums
}

// directWaits returns fn's own waits on executors.
func directWaits(res *engine.Result, blk *engine.Blocks, fn *ssa.Function) []wait {
	var out []wait
	for _, op := range blk.Ops(fn) {
		if op.Helper != nil {
			continue
		}
		if op.Row != nil && op.Row.Block == roles.BlockDrain && op.Row.Pool.Valid() {
			if e := engine.Arg(op.Call, op.Row.Pool.Index()); e != nil {
				out = append(out, wait{ref: res.Ref(e), pos: code.CallPos(op.Instr.(ssa.CallInstruction)), what: op.What, drain: true})
			}
			continue
		}
		fut := op.Future
		if sel, ok := op.Instr.(*ssa.Select); ok && len(sel.States) == 1 && sel.States[0].Dir == types.RecvOnly {
			fut = res.DoneOf(sel.States[0].Chan)
		}
		if fut == nil {
			continue
		}
		ref := res.Ref(fut)
		call, ok := ref.Root.(*ssa.Call)
		if !ok || ref.Path != "" {
			continue
		}
		row := res.Role(&call.Call)
		if !engine.QueuesJob(row) || !row.Pool.Valid() || engine.Arg(&call.Call, row.Pool.Index()) == nil {
			continue
		}
		pos := op.Pos
		if ci, ok := op.Instr.(ssa.CallInstruction); ok {
			pos = code.CallPos(ci)
		}
		out = append(out, wait{ref: res.Ref(engine.Arg(&call.Call, row.Pool.Index())), pos: pos, what: op.What, submit: call})
	}
	return out
}
