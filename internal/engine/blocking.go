package engine

import (
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Op is a blocking operation in a function, or a call to a function that may
// block.
type Op struct {
	Fn    *ssa.Function
	Instr ssa.Instruction
	Pos   token.Pos
	Kind  roles.Block
	// What names what blocks, as people write it: "(*futures.Future).Result",
	// "a channel receive", "a select without default", "a range over a
	// channel", or the called helper.
	What string

	Future ssa.Value       // the future waited for (Result, <-f.Done()), when there is one
	Call   *ssa.CallCommon // for calls
	Row    *roles.Func     // table row of a direct blocking call
	Callee *types.Func     // the called function, for calls

	// Helper is the witness of a call to a function that may block.
	Helper *BlocksFact
	// CalleeIsLoop is set when the callee is loop code itself (it has a
	// marker parameter, or is a closure running in this activation): its
	// blocking is reported inside it, not at this call.
	CalleeIsLoop bool

	// Deadlock, when set, says why the operation certainly never returns
	// when run on its loop.
	Deadlock *Reason
	// Panics, when set, says why the call certainly panics on its loop
	// (roles.OwnLoopPanic: starting the loop that runs the code).
	Panics *Reason
	// GivesUp, when set, says how the wait may end without what it waits
	// for (its context is done, another case of the select is ready): a
	// stall, never a proven deadlock.
	GivesUp *Reason
	// Submit is set when the operation waits for work that was submitted
	// thread-safely to the very loop it runs on: the submit (the
	// RunThreadsafe call, or the CallSoonThreadsafe call whose callback
	// settles the awaited channel or promise; for a call that submits and
	// waits in one, the call itself).
	Submit ssa.CallInstruction

	step string // the operation as a step of a witness chain, when not "calls " + What
}

// summarizer works out what may block and what may suspend: it fills the
// Blocks's may-block and may-suspend summaries and Ops, once, after
// placement. Rules never see it; they read the answers on Blocks.
type summarizer struct {
	placer
	*Blocks                         // what it fills; nil where only its helpers on placement are used
	suspends map[*ssa.Function]bool // activation roots containing a suspension point
	ignores  map[lineKey][]string   // rules named by reasoned ignore directives, by line (summaries only)
}

// summarize is the summarizer of r with no Blocks to fill: its helpers
// that read placement alone (settled, uses).
func summarize(r *Result) summarizer {
	return summarizer{placer: placer{r}, suspends: map[*ssa.Function]bool{}}
}

// Ops returns the blocking operations of fn and its calls to functions that
// may block, in source order. For loop code it also works out Deadlock and
// Submit. Settled futures are left out: a Result after <-f.Done(),
// inside case <-f.Done(), or after awaiting Wrap(L, f) does not block.
//
// A Result is read-only once the engine has run, so rules running in
// parallel may share it: Ops are computed up front.
func (b *Blocks) Ops(fn *ssa.Function) []*Op { return b.ops[fn] }

// computeOps computes Ops for every function of the package.
func (r summarizer) computeOps() {
	r.ops = map[*ssa.Function][]*Op{}
	for _, fn := range r.Funcs {
		r.ops[fn] = r.opsOf(fn)
	}
}

func (r summarizer) opsOf(fn *ssa.Function) []*Op {
	ops := r.directOps(fn)
	for _, ci := range r.staticCalls(fn) {
		if guardedSubmit(fn, ci, r.Role(ci.Common())) {
			continue
		}
		if ci.Common().IsInvoke() {
			if f := r.dispatchBlocks(ci); f != nil {
				ops = append(ops, &Op{Fn: fn, Instr: ci, Pos: ci.Pos(), Kind: f.Kind, Call: ci.Common(), Helper: f,
					Callee: ci.Common().Method, What: code.CallName(r.Pass, ci.Common())})
			}
			continue
		}
		callee := ci.Common().StaticCallee()
		if f := r.calleeBlocks(callee); f != nil {
			op := &Op{Fn: fn, Instr: ci, Pos: ci.Pos(), Kind: f.Kind, Call: ci.Common(), Helper: f}
			op.Callee = code.FuncObj(callee)
			op.What = code.CalleeName(r.Pass, callee)
			op.CalleeIsLoop = r.calleeIsLoop(callee)
			ops = append(ops, op)
		}
	}
	sortOps(ops)
	if r.IsLoopCode(fn) {
		for _, op := range ops {
			r.classifyWait(op)
			if r.mayGiveUp(op) {
				op.GivesUp = &Reason{Kind: ContextDone, Pos: op.Pos}
			}
			if op.Row != nil && op.Row.Block == roles.BlockStall && op.GivesUp == nil {
				op.GivesUp = &Reason{Kind: TimesOut, Pos: op.Pos}
			}
			if op.GivesUp != nil {
				op.Deadlock = nil // a stall until it gives up, not a deadlock
			}
		}
		if sends := r.selfSends(fn); len(sends) > 0 {
			ops = append(ops, sends...)
			sortOps(ops)
		}
		if lib := r.Library(fn, nil); lib != nil && lib.OnlyDrains {
			ops = slices.DeleteFunc(ops, func(op *Op) bool { return op.Deadlock == nil })
		}
	}
	return r.bodies.inLoopBody(fn, ops)
}

func sortOps(ops []*Op) {
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Pos < ops[j].Pos })
}

// directOps returns fn's own blocking operations: table blockers, channel
// receives (not from a channel its maker closed before returning it:
// closed.go), blocking selects. Code in go statements and in closures not
// called in place belongs to other functions.
func (r summarizer) directOps(fn *ssa.Function) []*Op {
	var ops []*Op
	closed := closings{r.placer, r.Blocks.pass}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Call, *ssa.Defer:
				common := instr.(ssa.CallInstruction).Common()
				row := r.Role(common)
				if row == nil || row.Block == roles.NoBlock && !r.onOwnLoop(fn, row, common) || guardedSubmit(fn, instr.(ssa.CallInstruction), row) {
					continue
				}
				future := Arg(common, row.Waits.Index())
				if future != nil && r.settled(fn, future, instr) {
					continue
				}
				op := &Op{Fn: fn, Instr: instr, Pos: instr.Pos(), Kind: row.Block, What: code.CallName(r.Pass, common),
					Call: common, Row: row, Callee: callObj(common), Future: future}
				ops = append(ops, op)
			case *ssa.UnOp:
				if instr.Op != token.ARROW {
					continue
				}
				f := r.DoneOf(instr.X)
				if f != nil && r.settled(fn, f, instr) || stoppedBefore(b, instr) || closed.closedChan(instr.X) {
					continue
				}
				what, step, kind := "a channel receive", "receives from a channel", roles.BlockChan
				switch {
				case f != nil:
					from := code.CallName(r.Pass, &instr.X.(*ssa.Call).Call)
					what, step = "a receive from "+from, "receives from "+from
				case r.timeout(instr.X):
					// <-time.After(d) is a sleep, and is advised as one.
					from := code.CallName(r.Pass, &instr.X.(*ssa.Call).Call)
					what, step, kind = "a receive from "+from, "receives from "+from, roles.BlockSleep
				case b.Comment == "rangechan.loop":
					what, step = "a range over a channel", "ranges over a channel"
				}
				ops = append(ops, &Op{Fn: fn, Instr: instr, Pos: instr.Pos(), Kind: kind, What: what, step: step, Future: f})
			case *ssa.Select:
				if !instr.Blocking {
					continue
				}
				ops = append(ops, &Op{Fn: fn, Instr: instr, Pos: instr.Pos(), Kind: roles.BlockChan, What: "a select without default", step: "selects without default"})
			}
		}
	}
	sortOps(ops)
	return ops
}

// staticCalls returns fn's calls (not go statements) to functions that are
// not direct table blockers, in source order: static calls, and interface
// calls resolved to their implementations (dispatch.go).
func (r summarizer) staticCalls(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for ci := range Calls(fn) {
		common := ci.Common()
		if common.IsInvoke() && r.implsOf(common) == nil || !common.IsInvoke() && common.StaticCallee() == nil {
			continue
		}
		if row := r.Role(common); row != nil && (row.Block != roles.NoBlock || row.Guarded) {
			continue
		}
		out = append(out, ci)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// calleeBlocks returns the may-block summary of a callee: a closure called
// in place or a function of this package (computed here), or an imported
// fact. The standard library has no summaries: the roles table covers it.
func (r summarizer) calleeBlocks(callee *ssa.Function) *BlocksFact {
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if callee.Parent() != nil {
		return r.blocks[callee]
	}
	obj := code.FuncObj(callee)
	if obj == nil {
		return nil
	}
	if obj.Pkg() == r.Pass.Pkg {
		return r.blocks[callee]
	}
	return r.importBlocks(obj)
}

func (r summarizer) importBlocks(obj *types.Func) *BlocksFact {
	f := new(BlocksFact)
	if r.pass.ImportObjectFact(obj, f) {
		return f
	}
	return nil
}

// calleeIsLoop reports whether a callee is loop code analysed on its own.
func (r summarizer) calleeIsLoop(callee *ssa.Function) bool {
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if r.places[callee] != nil {
		return r.places[callee].Loop
	}
	sig := callee.Signature
	for i := 0; i < sig.Params().Len(); i++ {
		if r.Roles.Is(sig.Params().At(i).Type(), roles.Marker) {
			return true
		}
	}
	return false
}

// summarizeBlocking computes may-block summaries for every function of the
// package, each with its witness chain (choose: a certain chain before a
// shorter one that may not wait).
func (r summarizer) summarizeBlocking() {
	r.ignores = reasonedIgnores(r.Pass.Fset, r.Pass.Files)
	r.blocks = map[*ssa.Function]*BlocksFact{}
	direct := map[*ssa.Function][]way{}
	for _, fn := range r.Funcs {
		for _, op := range r.directOps(fn) {
			if op.Kind != roles.NoBlock { // not a panic
				f := &BlocksFact{Kind: op.Kind, Chain: []Step{r.step(stepWhat(op), op.Pos)}, Certain: certainIn(r.Pass.TypesInfo, funcSyntax(fn), op.Pos)}
				if op.Row != nil {
					f.Pkg, f.Loop = op.Row.Pkg, r.waitsForProcess(op.Row)
				}
				direct[fn] = append(direct[fn], way{fact: f, quiet: r.silencedAt(op.Pos)})
			}
		}
		if f := choose(direct[fn], nil); f != nil {
			r.blocks[fn] = f
		}
	}
	calls := map[*ssa.Function][]blockingCall{}
	for _, fn := range r.Funcs {
		calls[fn] = r.blockingCalls(fn)
	}
	for changed, round := true, 0; changed && round < maxRounds(len(r.Funcs)); round++ {
		changed = false
		found := map[*ssa.Function]*BlocksFact{}
		for _, fn := range r.Funcs {
			ways := direct[fn]
			for _, c := range calls[fn] {
				f := c.fact
				switch {
				case c.callee != nil:
					f = r.blocks[c.callee]
				case c.dispatch != nil:
					f = r.dispatchBlocks(c.dispatch)
				}
				switch {
				case f == nil:
				case c.dispatch != nil:
					// dispatchBlocks names the implementation as the call's step.
					in := *f
					in.Certain = c.certain && f.Certain
					ways = append(ways, way{fact: &in, quiet: union(c.quiet, f.Silenced)})
				case c.closure:
					// A closure run in place: its operations are fn's own.
					in := *f
					in.Certain = c.certain && f.Certain
					ways = append(ways, way{fact: &in, quiet: f.Silenced})
				default:
					ways = append(ways, through(f, c.step, c.certain, c.quiet))
				}
			}
			if len(ways) == 0 {
				// Range-over-func loop bodies run within fn.
				for _, anon := range fn.AnonFuncs {
					if f := r.blocks[anon]; f != nil && anon.Synthetic == "range-over-func yield" {
						in := *f
						in.Certain = false // the body may run no time
						ways = append(ways, way{fact: &in, quiet: f.Silenced})
						break
					}
				}
			}
			if f := choose(ways, r.blocks[fn]); !sameSummary(f, r.blocks[fn]) {
				found[fn] = f
			}
		}
		for _, fn := range r.Funcs {
			if f := found[fn]; f != nil {
				r.blocks[fn] = f
				changed = true
			}
		}
	}
}

// blockingCall is a static call that may block, as the rounds of
// summarizeBlocking see it: the callee of this package whose summary they
// compute, or the summary imported for one of another package.
type blockingCall struct {
	callee   *ssa.Function
	fact     *BlocksFact
	dispatch ssa.CallInstruction // an interface call: its implementations' summary (dispatchBlocks)
	closure  bool                // a closure run in place
	step     Step                // the call as a step of a chain
	certain  bool                // the call is on every path through its function
	quiet    []string            // rules ignore directives name at the call
}

// blockingCalls returns fn's static calls of functions that have, or may
// get, a may-block summary, in source order.
func (r summarizer) blockingCalls(fn *ssa.Function) []blockingCall {
	var out []blockingCall
	for _, ci := range r.staticCalls(fn) {
		if guardedSubmit(fn, ci, r.Role(ci.Common())) {
			continue
		}
		if ci.Common().IsInvoke() {
			out = append(out, blockingCall{dispatch: ci, certain: certainIn(r.Pass.TypesInfo, funcSyntax(fn), ci.Pos()), quiet: r.silencedAt(ci.Pos())})
			continue
		}
		callee := ci.Common().StaticCallee()
		if o := callee.Origin(); o != nil {
			callee = o
		}
		c := blockingCall{
			closure: callee.Parent() != nil,
			step:    r.step("calls "+code.CalleeName(r.Pass, ci.Common().StaticCallee()), ci.Pos()),
			certain: certainIn(r.Pass.TypesInfo, funcSyntax(fn), ci.Pos()),
			quiet:   r.silencedAt(ci.Pos()),
		}
		obj := code.FuncObj(callee)
		switch {
		case c.closure || obj != nil && obj.Pkg() == r.Pass.Pkg:
			c.callee = callee
		case obj != nil:
			if c.fact = r.importBlocks(obj); c.fact == nil {
				continue
			}
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// stepWhat is op as a step of a witness chain: "calls (*futures.Future).Result",
// "receives from a channel".
func stepWhat(op *Op) string {
	if op.step != "" {
		return op.step
	}
	return "calls " + op.What
}

// mayGiveUp reports whether op is a wait that ends when a context is done
// (ResultContext) with a context that may be done while the loop blocks:
// anything but context.Background() or the marker's Context().
func (r summarizer) mayGiveUp(op *Op) bool {
	if op.Row == nil || !op.Row.WaitsContext || op.Call == nil {
		return false
	}
	args := Args(op.Call)
	return !r.undone(args[len(args)-1])
}

// undone reports whether the context ctx is one that is never done while
// loop code blocks: context.Background() or TODO(), or the marker's
// Context().
func (r placer) undone(ctx ssa.Value) bool {
	ref := r.canon(ctx)
	call, ok := ref.root.(*ssa.Call)
	if !ok || ref.path != "" {
		return false
	}
	row := r.Role(&call.Call)
	return row != nil && row.Undone
}

// MayBlock returns the may-block summary of a function of this package.
func (b *Blocks) MayBlock(fn *ssa.Function) *BlocksFact { return b.blocks[fn] }

// timeout reports whether ch is the channel of a call such as
// time.After(d), which delivers once d has passed.
func (r summarizer) timeout(ch ssa.Value) bool {
	call, ok := ch.(*ssa.Call)
	if !ok {
		return false
	}
	row := r.Role(&call.Call)
	return row != nil && row.Timeout
}

// DoneOf returns f when ch is f.Done() for a future f, else nil.
func (r *Result) DoneOf(ch ssa.Value) ssa.Value {
	call, ok := ch.(*ssa.Call)
	if !ok {
		return nil
	}
	if row := r.Role(&call.Call); row != nil && row.Done {
		return Arg(&call.Call, 0)
	}
	return nil
}

// Settled reports whether the future f, used by instruction at in fn, is
// certainly settled when at runs: after a receive from f.Done(), in the body
// of a select case receiving from it, after f.Cancel(), after awaiting a task
// wrapping f, or
// in a Then callback of such a task. A Result there does not block, and an
// OnDone callback registered there runs at once, on the calling goroutine.
func (r *Result) Settled(fn *ssa.Function, f ssa.Value, at ssa.Instruction) bool {
	return summarize(r).settled(fn, f, at)
}

// settled reports whether the future f is certainly settled when at runs:
// at is dominated by a receive from f.Done(), by the body of a select case
// receiving from f.Done(), by f.Cancel(), or by an await of a task wrapping f.
func (r summarizer) settled(fn *ssa.Function, f ssa.Value, at ssa.Instruction) bool {
	ref := r.canon(f)
	same := func(v ssa.Value) bool { return r.canon(v) == ref }
	// A callback run once Wrap(L, f) settles (Then) runs after f settled.
	if p := r.places[r.ActivationRoot(fn)]; p != nil && len(p.Schedules) > 0 {
		after := true
		for _, s := range p.Schedules {
			w := r.wrapped(Arg(s.common(), 0))
			if !s.Arg.AfterSettle || w == nil || !same(w) {
				after = false
			}
		}
		if after {
			return true
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if instr == at {
				break
			}
			switch s := instr.(type) {
			case *ssa.UnOp:
				if s.Op == token.ARROW && dominates(s, at) {
					if d := r.DoneOf(s.X); d != nil && same(d) {
						return true
					}
				}
			case *ssa.Select:
				for i, st := range s.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					if d := r.DoneOf(st.Chan); d == nil || !same(d) {
						continue
					}
					if body := selectCase(s, i); body != nil && body.Dominates(at.Block()) {
						return true
					}
				}
			case *ssa.Call:
				row := r.Role(&s.Call)
				if row == nil || !dominates(s, at) {
					continue
				}
				if row.Settles && Arg(&s.Call, 0) != nil && same(Arg(&s.Call, 0)) {
					// f.Cancel(): a pending future is settled at once,
					// and false means it had settled already.
					return true
				}
				if !row.Suspends {
					continue
				}
				for _, arg := range Args(&s.Call) {
					if w := r.wrapped(arg); w != nil && same(w) {
						return true
					}
				}
			}
		}
	}
	return false
}

// wrapped returns f when t is Wrap(L, f), else nil.
func (r summarizer) wrapped(t ssa.Value) ssa.Value {
	if t == nil {
		return nil
	}
	call, ok := r.canon(t).root.(*ssa.Call)
	if !ok {
		return nil
	}
	if row := r.Role(&call.Call); row != nil {
		return Arg(&call.Call, row.WrapFuture.Index())
	}
	return nil
}

// selectCase returns the block that starts the body of case i of s.
func selectCase(s *ssa.Select, i int) *ssa.BasicBlock {
	for _, ref := range *s.Referrers() {
		ex, ok := ref.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, ref := range *ex.Referrers() {
			cmp, ok := ref.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			c, ok := cmp.Y.(*ssa.Const)
			if !ok || c.Int64() != int64(i) {
				continue
			}
			for _, ref := range *cmp.Referrers() {
				if iff, ok := ref.(*ssa.If); ok && iff.Cond == cmp {
					if body := iff.Block().Succs[0]; len(body.Preds) == 1 {
						return body
					}
				}
			}
		}
	}
	return nil
}

// dominates reports whether a executes before b on every path to b.
func dominates(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, instr := range ab.Instrs {
		if instr == a {
			return true
		}
		if instr == b {
			return false
		}
	}
	return false
}

// onOwnLoop reports whether call, with row, names in argument 0 the loop
// that fn, loop code, runs on, and the row says what that does (OwnLoop).
func (r summarizer) onOwnLoop(fn *ssa.Function, row *roles.Func, call *ssa.CallCommon) bool {
	l := Arg(call, 0)
	return row.OwnLoop != roles.NoOutcome && l != nil && r.places != nil && r.IsCurrentLoop(fn, l)
}
