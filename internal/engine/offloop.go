package engine

import (
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// OffLoopStart is a function of the package that certainly runs on a
// goroutine that is no loop's: the body of a go statement, an executor job,
// a function a row runs on a goroutine of its own (time.AfterFunc),
// the completion callback (OnDone) of an executor future registered by code
// that is not loop code, or a function of the package called only from such
// code. Nothing else refers to the function: it does not also run on a loop
// or on its caller's goroutine.
type OffLoopStart struct {
	Fn   *ssa.Function
	Recv ssa.Value // the receiver bound in a method value, or passed to a method run by a go statement
	// At is the go statement or call that hands Fn to another goroutine,
	// or for a function called only from off-loop code, one of those calls.
	At     ssa.Instruction
	Caller *ssa.Function
	// Why says where Fn runs, for messages: "in a goroutine", "in an
	// executor job", "in a function time.AfterFunc runs on a goroutine of
	// its own"; At is where.
	Why string
	// Job is set for an executor job: its writes reach whoever takes its
	// result from its future. Not for a function run on a goroutine of its
	// own (time.AfterFunc): no future hands its writes on.
	Job bool
}

// OffLoopUse is something off-loop code does that belongs on a loop: a
// loop-only call, or a write of state that loop code owns.
type OffLoopUse struct {
	Start *OffLoopStart
	Pos   token.Pos
	// Call is the loop-only call (Row its row) made directly in the
	// off-loop code; for a use through a called function of the package,
	// Call is the call into it and Row is nil.
	Call ssa.CallInstruction
	Row  *roles.Func
	// Bound is set for a call on a loop-bound value (the *goja.Runtime a
	// loop callback is given), made directly in the off-loop code: the
	// loop code it is bound to (LoopBound). Row is nil then.
	Bound *ssa.Function
	// What says what the code does, as seen from Start: "calls
	// loop-only (*futures.Loop).CallSoon", "writes loop-owned s.items",
	// "calls s.record, which writes loop-owned s.items".
	What  string
	Write bool
}

// OffLoopUses are the loop-only calls (rows with LoopOnly, and methods
// called on a loop-bound value: BoundCall) and loop-owned writes of code
// that certainly runs off any loop, in reporting order: the result of
// OffLoop. Not included: code that drives a loop (a goroutine that calls
// the loop's Run runs loop-only calls before and after it on the loop's
// own goroutine), loops made by the off-loop code itself, widgets it made
// itself and has not attached anywhere yet (freshWidget), writes published
// to the loop by a lock, a channel send or close, an atomic or a
// thread-safe submit (precision first: which writes they publish is not
// worked out), and completion callbacks registered from loop code (the
// unwrapped rule's).
type OffLoopUses []*OffLoopUse

// OffLoop finds what code that certainly runs off any loop does that
// belongs on a loop (OffLoopUses). The offloop rule reports it; the
// overlap table quiets other rules' findings at its calls. Only the rules
// that require it pay for it.
var OffLoop = newPart("futurelintoffloop", "loop-only calls and loop-owned writes in code that certainly runs off the loop", func(r *Result) OffLoopUses { return offLoop{summarize(r)}.offLoopUses() })

// offLoop is the part of the engine that OffLoop runs: the Result, and
// the methods that find off-loop code and what it does.
type offLoop struct{ summarizer }

// offLoopUses finds the off-loop starts and what they do.
func (r offLoop) offLoopUses() OffLoopUses {
	var out OffLoopUses
	starts := r.offLoopStarts()
	fields := r.loopFields()
	for _, s := range starts {
		acts := r.Activation(s.Fn)
		drives := false
		for _, g := range acts {
			for _, row := range r.RoleCalls(g) {
				if row.Block == roles.BlockLoopRun && !row.NewLoop {
					drives = true // this goroutine runs a loop: its loop-only calls are that loop's setup
				}
			}
		}
		sc := &scanner{res: r.Result, seen: map[*ssa.Function]bool{}, fields: fields}
		sc.local = func(root ssa.Value) bool { return r.sharedLocal(s, root) }
		if s.Job {
			sc.skip = func(root ssa.Value) bool { return r.capturedValue(root) }
		}
		sc.apiOK = func(ci ssa.CallInstruction, row *roles.Func, depth int) bool {
			return depth == 0 && !drives && !r.ownLoop(s, ci.Common(), row) && !(widgets{r.Result}).freshWidget(ci, row) && !onReported(r.Result, sc.apis, ci.Common())
		}
		owned := r.startOwned(s)
		for _, g := range acts {
			sc.scan(g, owned, 0)
		}
		use := func(t *Touch) *OffLoopUse {
			u := &OffLoopUse{Start: s, Pos: t.Pos, Call: t.Call, Row: t.Row, Bound: t.Bound, What: t.What, Write: !t.API}
			if t.API && (t.Row != nil || t.Bound != nil) {
				u.What = "calls " + code.CallName(r.Pass, t.Call.Common())
			}
			return u
		}
		for _, t := range sc.apis {
			out = append(out, use(t))
		}
		if sc.write != nil && !sc.synced {
			out = append(out, use(sc.write))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return Before(r.Pass.Fset, out[i].Pos, out[j].Pos) })
	return out
}

// offLoopStarts finds the functions that certainly run off any loop.
func (r offLoop) offLoopStarts() []*OffLoopStart {
	var starts []*OffLoopStart
	byFn := map[*ssa.Function]*OffLoopStart{}
	candidate := map[*ssa.Function][]*OffLoopStart{}
	add := func(s *OffLoopStart) { candidate[s.Fn] = append(candidate[s.Fn], s) }
	handed := map[ssa.Instruction]bool{} // instructions that hand a function off the loop
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok {
					handed[g] = true
					for _, t := range r.targets(g.Call.Value, 0) {
						s := &OffLoopStart{Fn: t.fn, Recv: t.recv, At: g, Caller: fn, Why: "in a goroutine"}
						if t.recv == nil && t.fn.Signature.Recv() != nil && len(g.Call.Args) > 0 {
							s.Recv = g.Call.Args[0] // go s.m()
						}
						add(s)
					}
					continue
				}
				if st, ok := instr.(*ssa.Store); ok {
					if field := r.fieldRow(st); field != nil && field.Where == roles.OffLoop {
						handed[st] = true
						why := "in " + pkgNameOf(r.Pass.Pkg, field.Pkg) + field.Type + "'s " + field.Name + ", run on its own goroutine"
						for _, t := range r.targets(st.Val, 0) {
							add(&OffLoopStart{Fn: t.fn, Recv: t.recv, At: st, Caller: fn, Why: why})
						}
					}
					continue
				}
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				row := r.Role(ci.Common())
				if row == nil {
					continue
				}
				for _, fa := range row.Funcs {
					if fa.Where != roles.OffLoop {
						continue
					}
					why := "in an executor job"
					if fa.OwnGoroutine {
						why = "in a function " + code.CallName(r.Pass, ci.Common()) + " runs on its own goroutine"
					}
					if fa.AfterSettle {
						if !r.executorCompletion(fn, ci) {
							continue
						}
						why = "in the completion callback of an executor future"
					}
					handed[instr] = true
					for _, t := range r.targets(Arg(ci.Common(), fa.Arg.Index()), 0) {
						add(&OffLoopStart{Fn: t.fn, Recv: t.recv, At: instr, Caller: fn, Why: why, Job: !fa.AfterSettle && !fa.OwnGoroutine})
					}
				}
			}
		}
	}
	refs := r.FunctionRefs()
	for _, fn := range r.Funcs {
		ss := candidate[fn]
		if len(ss) == 0 || !r.SurelyOff(fn, refs[fn], handed) {
			continue
		}
		byFn[fn] = ss[0]
		starts = append(starts, ss[0])
	}
	// Functions of the package called only from off-loop code.
	for changed, round := true, 0; changed && round < 8; round++ {
		changed = false
		for _, fn := range r.Funcs {
			if byFn[fn] != nil || fn.Parent() != nil || !private(r.Pass, fn) || r.places[fn] == nil || r.places[fn].Loop {
				continue
			}
			uses := refs[fn]
			if len(uses) == 0 {
				continue
			}
			var via *OffLoopStart
			for _, u := range uses {
				ci, ok := u.(ssa.CallInstruction)
				_, isGo := u.(*ssa.Go)
				if !ok || isGo || ci.Common().StaticCallee() == nil || byFn[r.ActivationRoot(u.Parent())] == nil {
					via = nil
					break
				}
				if via == nil {
					via = byFn[r.ActivationRoot(u.Parent())]
				}
			}
			if via == nil {
				continue
			}
			s := &OffLoopStart{Fn: fn, At: uses[0], Caller: uses[0].Parent(), Why: "in " + code.CalleeName(r.Pass, fn) + ", called only off the loop"}
			byFn[fn] = s
			starts = append(starts, s)
			changed = true
		}
	}
	return starts
}

// executorCompletion reports whether completion callback call ci (OnDone),
// made in fn, certainly runs on a worker: fn is not loop code (from loop
// code it is the unwrapped rule's), the future is that of an executor job
// queued here, and it is not already settled at ci (then the callback runs
// at once, in fn).
func (r offLoop) executorCompletion(fn *ssa.Function, ci ssa.CallInstruction) bool {
	if r.IsLoopCode(fn) {
		return false
	}
	fut := Arg(ci.Common(), 0)
	if fut == nil || r.settled(fn, fut, ci) {
		return false
	}
	ref := r.canon(fut)
	call, ok := ref.root.(*ssa.Call)
	if !ok || ref.path != "" {
		return false
	}
	return QueuesJob(r.Role(&call.Call))
}

// QueuesJob reports whether row queues a job on an executor's workers
// (Submit): its result settles on a worker.
func QueuesJob(row *roles.Func) bool {
	if row == nil {
		return false
	}
	for _, fa := range row.Funcs {
		if fa.Where == roles.OffLoop && !fa.AfterSettle && !fa.OwnGoroutine {
			return true
		}
	}
	return false
}

// SurelyOff reports whether fn, handed off the loop, runs nowhere else:
// it is not loop code, and every reference to it hands it off.
func (r *Result) SurelyOff(fn *ssa.Function, uses []ssa.Instruction, handed map[ssa.Instruction]bool) bool {
	p := r.places[fn]
	if p == nil || p.Loop || p.Marker != nil || p.Parent != nil {
		return false
	}
	if fn.Parent() == nil && !private(r.Pass, fn) {
		return false // other packages may call it anywhere
	}
	for _, u := range uses {
		if !handed[u] {
			return false
		}
	}
	return len(uses) > 0
}

// private reports whether a package-level function or method can be used
// only by this package: it is unexported, or the package is a command.
func private(pass *analysis.Pass, fn *ssa.Function) bool {
	if fn.Object() == nil {
		return false
	}
	return !fn.Object().Exported() || pass.Pkg.Name() == "main"
}

// FunctionRefs maps each function of the package to the instructions that
// use it as a value or call it: through a closure, a bound method value,
// and a local variable assigned once.
func (r *Result) FunctionRefs() map[*ssa.Function][]ssa.Instruction {
	refs := map[*ssa.Function][]ssa.Instruction{}
	var uses func(fn *ssa.Function, v ssa.Value, depth int)
	uses = func(fn *ssa.Function, v ssa.Value, depth int) {
		for _, u := range *v.Referrers() {
			switch u := u.(type) {
			case *ssa.DebugRef:
			case *ssa.Store:
				if a, ok := u.Addr.(*ssa.Alloc); ok && u.Val == v && depth < 4 && onlyStore(a) == u {
					for _, l := range *a.Referrers() {
						if ld, ok := l.(*ssa.UnOp); ok && ld.Op == token.MUL {
							uses(fn, ld, depth+1)
						}
					}
					continue
				}
				refs[fn] = append(refs[fn], u)
			case *ssa.ChangeType:
				uses(fn, u, depth+1)
			default:
				refs[fn] = append(refs[fn], u)
			}
		}
	}
	for _, g := range r.Funcs {
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					fn := mc.Fn.(*ssa.Function)
					if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
						if m := r.SSA.Prog.FuncValue(obj.Origin()); m != nil {
							fn = m // a bound method value s.m
						}
					}
					uses(fn, mc, 0)
					continue
				}
				var ops []*ssa.Value
				for _, op := range instr.Operands(ops) {
					fn, ok := (*op).(*ssa.Function)
					if !ok {
						continue
					}
					if o := fn.Origin(); o != nil {
						fn = o
					}
					if r.places[fn] == nil {
						continue
					}
					if ci, ok := instr.(ssa.CallInstruction); ok && ci.Common().Value == fn {
						refs[fn] = append(refs[fn], instr)
						continue
					}
					// A function value: what is done with it.
					refs[fn] = append(refs[fn], instr)
				}
			}
		}
	}
	return refs
}

// loopFields returns the struct fields that loop code of the package reads
// or writes, itself or in the functions of the package it calls (a View
// that reads m.status through m.render): state that loop code owns.
func (r offLoop) loopFields() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	depth := map[*ssa.Function]int{}
	var work []*ssa.Function
	for _, fn := range r.Funcs {
		p := r.places[r.ActivationRoot(fn)]
		if p != nil && p.Loop && !p.OffLoop {
			depth[fn] = 0
			work = append(work, fn)
		}
	}
	for len(work) > 0 {
		fn := work[0]
		work = work[1:]
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.FieldAddr:
					out[fieldVar(instr.X.Type(), instr.Field)] = true
				case *ssa.Field:
					out[fieldVar(instr.X.Type(), instr.Field)] = true
				case *ssa.Go:
				case ssa.CallInstruction:
					// Helpers of loop code run on the loop too.
					g := instr.Common().StaticCallee()
					if g == nil || g.Pkg != r.SSA || depth[fn] >= helperDepth {
						continue
					}
					if o := g.Origin(); o != nil {
						g = o
					}
					if _, seen := depth[g]; !seen && r.places[g] != nil {
						depth[g] = depth[fn] + 1
						work = append(work, g)
						for _, anon := range r.Activation(g)[1:] {
							depth[anon] = depth[g]
							work = append(work, anon)
						}
					}
				}
			}
		}
	}
	return out
}

// helperDepth bounds how far calls from loop code are followed to find the
// state it owns.
const helperDepth = 4

func fieldVar(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i)
	}
	return nil
}

// startOwned is what the start's own code sees as loop-owned: variables it
// captured from the loop code that started it, and the receiver of a
// method value bound there (or of a method a go statement runs).
func (r offLoop) startOwned(s *OffLoopStart) ownedFunc {
	p := r.places[r.ActivationRoot(s.Caller)]
	if p == nil || !p.Loop || p.OffLoop {
		return func(ssa.Value) (string, bool) { return "", false }
	}
	return func(root ssa.Value) (string, bool) {
		switch v := root.(type) {
		case *ssa.FreeVar:
			if v.Parent() == s.Fn {
				return v.Name(), true
			}
		case *ssa.Parameter:
			if s.Recv != nil && v.Parent() == s.Fn && len(s.Fn.Params) > 0 && s.Fn.Params[0] == v {
				return v.Name(), true
			}
		}
		return "", false
	}
}

// capturedValue reports whether root is a captured variable that holds a
// value (a struct, a number, a slice header), not a pointer to shared
// state: a job that writes it hands the write to whoever takes the job's
// result from its future, as the code that made the job does.
func (r offLoop) capturedValue(root ssa.Value) bool {
	v := r.capturedAlloc(root)
	if v == nil {
		return false
	}
	_, ptr := v.Type().(*types.Pointer).Elem().Underlying().(*types.Pointer)
	return !ptr
}

// capturedAlloc returns the local variable that root, a captured variable,
// stands for, through closures nested in closures; nil if root is not one.
func (r offLoop) capturedAlloc(root ssa.Value) *ssa.Alloc {
	fv, ok := root.(*ssa.FreeVar)
	if !ok {
		return nil
	}
	for b := r.Binding(fv); b != nil; {
		switch v := b.(type) {
		case *ssa.FreeVar:
			b = r.Binding(v)
			continue
		case *ssa.Alloc:
			return v
		}
		return nil
	}
	return nil
}

// sharedLocal reports whether a write through root (with no field on the
// way) writes state loop code uses: root is a variable captured from loop
// code that loop code also reads, or a parameter standing for one.
func (r offLoop) sharedLocal(s *OffLoopStart, root ssa.Value) bool {
	v := r.capturedAlloc(root)
	if v == nil {
		return false
	}
	for _, u := range *v.Referrers() {
		switch u := u.(type) {
		case *ssa.UnOp:
			// A read in the function starting the goroutine races
			// with it only if it may run after the start.
			if u.Op == token.MUL && r.IsLoopCode(u.Parent()) && (s.At == nil || u.Parent() != s.At.Parent() || mayRunAfter(s.At, u)) {
				return true
			}
		case *ssa.MakeClosure:
			if fn := u.Fn.(*ssa.Function); fn != s.Fn && r.IsLoopCode(fn) && !r.places[fn].OffLoop {
				return true
			}
		}
	}
	return false
}

// onReported reports whether a call is made on the result of a loop-only
// call reported already (Wrap(l, f).Then(cb)): one finding per problem.
func onReported(r *Result, reported []*Touch, call *ssa.CallCommon) bool {
	for _, a := range Args(call) {
		if c, ok := (placer{r}).canon(a).root.(*ssa.Call); ok {
			for _, u := range reported {
				if u.Call == c {
					return true
				}
			}
		}
	}
	return false
}

// ownLoop reports whether a loop-only call is on a loop that the off-loop
// code made itself (a loop it sets up before running or handing it on).
func (r offLoop) ownLoop(s *OffLoopStart, call *ssa.CallCommon, row *roles.Func) bool {
	if row == nil {
		return false // a call on a loop-bound value: that loop's, never the off-loop code's own
	}
	var l ssa.Value
	for _, fa := range row.Funcs {
		if fa.Loop.Valid() {
			l = Arg(call, fa.Loop.Index())
		}
	}
	if l == nil {
		l = Arg(call, row.WrapLoop.Index())
	}
	if l == nil || !r.Roles.Is(l.Type(), roles.LoopType) {
		return false
	}
	made, ok := r.canon(l).root.(*ssa.Call)
	return ok && r.ActivationRoot(made.Parent()) == s.Fn
}

// mayRunAfter reports whether instr, in the same function as at, may run
// after at: later in at's block, or in a block reachable from it (a loop
// around at reaches the instructions before it too).
func mayRunAfter(at, instr ssa.Instruction) bool {
	from, to := at.Block(), instr.Block()
	if from == to {
		for _, in := range from.Instrs {
			if in == at {
				break
			}
			if in == instr {
				return reaches(from.Succs, to)
			}
		}
		return true
	}
	return reaches(from.Succs, to)
}

// reaches reports whether block to is reachable from any of blocks.
func reaches(blocks []*ssa.BasicBlock, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	for len(blocks) > 0 {
		b := blocks[len(blocks)-1]
		blocks = blocks[:len(blocks)-1]
		if b == to {
			return true
		}
		if !seen[b] {
			seen[b] = true
			blocks = append(blocks, b.Succs...)
		}
	}
	return false
}
