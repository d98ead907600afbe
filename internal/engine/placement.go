package engine

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Place says where a function of the package runs.
type Place struct {
	Fn      *ssa.Function
	Loop    bool   // it runs on an event loop: it is loop code
	OffLoop bool   // it is known to run on another goroutine (go statement, executor job, OnDone)
	Reason  string // why, for messages: "it has a *futures.Ctx parameter", ...
	Pos     token.Pos

	// Parent is set for closures called in place or deferred, and for
	// range-over-func loop bodies: the function whose activation they are part of.
	Parent *ssa.Function
	// Marker is the function's own marker parameter (*futures.Ctx), if any.
	Marker *ssa.Parameter
	// Handler is set for a method the library calls on its loop because
	// its type implements the row's interface (gnet.EventHandler's
	// OnTraffic).
	Handler *roles.Type
	// LoopCalls is set for a handler method of its own package's type
	// that an inferred loop's function calls in place: a wait in it that
	// is not a deadlock is reported once, at that call, with the chain.
	LoopCalls bool
	// Schedules are the calls that hand this function to a loop.
	Schedules []*Schedule
	// CalledBy is the loop code that runs this function in place: through
	// a parameter its callee calls, or as a function value stored in a
	// field, map or slice it calls (stored.go).
	CalledBy []*ssa.Function
	// Kept is set for loop code that futurelint knows only from its own
	// inference: a function value stored or passed where loop code calls
	// it, or handed on inside a closure that calls it (stored.go), and
	// the body, handlers and posted functions of a loop nobody described
	// (bodies.go): its calls of helpers are reported only where the
	// helper certainly waits (certainIn: on every path but error exits).
	Kept bool

	always   loopCtx   // loopRefs denoting its loop whenever it runs on one
	contexts []loopCtx // per schedule: loopRefs denoting the loop it was scheduled on
}

// Schedule is a call that hands a function to a loop (or off it).
type Schedule struct {
	Call   ssa.CallInstruction // nil for a callback stored in a field (Store)
	Caller *ssa.Function
	Row    *roles.Func // the callee's role (table row or wrapper fact); for a field, made from its row
	Arg    roles.FuncArg
	// Store is the store of a callback into a function-typed field with a
	// roles row (button.OnTapped = f), when that is how it is handed over.
	Store *ssa.Store
}

// common is the scheduling call, or nil for a callback stored in a field.
func (s *Schedule) common() *ssa.CallCommon {
	if s.Call == nil {
		return nil
	}
	return s.Call.Common()
}

// Threadsafe reports whether the schedule is a thread-safe submit.
func (s *Schedule) Threadsafe() bool { return s.Arg.Threadsafe }

// placer works out where the package's code runs: it fills the Result's
// places and wrapper summaries (schedules), once, before anything reads
// them. Rules never see it; they read the answers on Result.
type placer struct{ *Result }

// Place returns where fn runs; nil for functions outside the package's
// source (or when the package has no SSA).
func (r *Result) Place(fn *ssa.Function) *Place { return r.places[fn] }

// IsLoopCode reports whether fn runs on an event loop.
func (r *Result) IsLoopCode(fn *ssa.Function) bool {
	p := r.places[fn]
	return p != nil && p.Loop
}

// LoopFuncs returns the package's loop code in source order.
func (r *Result) LoopFuncs() []*ssa.Function {
	var out []*ssa.Function
	for _, fn := range r.Funcs {
		if r.IsLoopCode(fn) {
			out = append(out, fn)
		}
	}
	return out
}

// ActivationRoot returns the function whose run fn is part of: fn itself,
// or for closures called in place, deferred or used as range-over-func
// bodies, the function they run within (transitively).
func (r *Result) ActivationRoot(fn *ssa.Function) *ssa.Function {
	for i := 0; i < 64; i++ {
		p := r.places[fn]
		if p == nil || p.Parent == nil {
			return fn
		}
		fn = p.Parent
	}
	return fn
}

// MarkerOf returns the marker parameter (*futures.Ctx) that fn can use to
// suspend: its own, or that of the function its activation belongs to. Nil
// for callbacks, which cannot suspend.
func (r *Result) MarkerOf(fn *ssa.Function) *ssa.Parameter {
	if p := r.places[r.ActivationRoot(fn)]; p != nil {
		return p.Marker
	}
	return nil
}

// target is a function value handed to a scheduling call; recv is the bound
// receiver of a method value.
type target struct {
	fn   *ssa.Function
	recv ssa.Value
}

// Target is a function of the package that a function value may denote,
// with the bound receiver when the value is a method value (s.m).
type Target struct {
	Fn   *ssa.Function
	Recv ssa.Value
}

// Targets resolves a function value (an argument of a scheduling call) to
// the functions of the package it may denote: a named function, a closure,
// a method value, directly or through a local or a phi. Empty when the value
// is dynamic or lies outside the package.
func (r *Result) Targets(v ssa.Value) []Target {
	var out []Target
	for _, t := range (placer{r}).targets(v, 0) {
		out = append(out, Target{Fn: t.fn, Recv: t.recv})
	}
	return out
}

// targets resolves a function-valued argument to the package functions it
// may denote.
func (r placer) targets(v ssa.Value, depth int) []target {
	if depth > 8 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Function:
		if o := v.Origin(); o != nil {
			v = o // an instance of a generic function: its body is the origin's
		}
		if r.places[v] != nil {
			return []target{{fn: v}}
		}
	case *ssa.MakeClosure:
		fn := v.Fn.(*ssa.Function)
		if strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
			if obj, ok := fn.Object().(*types.Func); ok {
				if m := r.SSA.Prog.FuncValue(obj.Origin()); m != nil && r.places[m] != nil {
					return []target{{fn: m, recv: v.Bindings[0]}}
				}
			}
			return nil
		}
		if r.places[fn] != nil {
			return []target{{fn: fn}}
		}
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			if s := onlyStore(a); s != nil {
				return r.targets(s.Val, depth+1)
			}
		}
	case *ssa.ChangeType:
		return r.targets(v.X, depth+1)
	case *ssa.Phi:
		var out []target
		for _, e := range v.Edges {
			out = append(out, r.targets(e, depth+1)...)
		}
		return out
	}
	return nil
}

// place classifies every function of the package.
func (r placer) place() {
	r.places = map[*ssa.Function]*Place{}
	for _, fn := range r.Funcs {
		r.places[fn] = &Place{Fn: fn, Pos: fn.Pos()}
	}
	// Marker parameters: the Go spelling of async def.
	for _, fn := range r.Funcs {
		p := r.places[fn]
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil && r.loopCode[obj] {
			p.Loop, p.Reason = true, "a //futurelint:loopcode directive says it runs on the loop"
		}
		for _, param := range fn.Params {
			if r.Roles.Is(param.Type(), roles.Marker) {
				p.Loop, p.Marker = true, param
				p.Reason = "it has a " + types.TypeString(param.Type(), pkgName) + " parameter"
				p.always = append(p.always, r.loopOf(param))
				break
			}
		}
	}
	r.placeHandlers()
	// In-place closures and range-over-func bodies belong to their parent.
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok {
					for _, t := range r.targets(g.Call.Value, 0) {
						p := r.places[t.fn]
						p.OffLoop = true
						if goLiteral(g) == t.fn {
							// A function literal run by a go statement runs
							// off the loop whatever its parameters are: a
							// marker argument (go func(c actor.Context){...}(ctx))
							// does not make it loop code.
							p.Loop, p.Marker, p.always, p.Reason = false, nil, nil, ""
						}
						if p.Reason == "" {
							p.Reason, p.Pos = "it is the body of a go statement at "+code.Where(r.Pass, instr.Pos()), instr.Pos()
						}
					}
					continue
				}
				ci, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				g, _ := ci.Common().Value.(*ssa.Function)
				if mc, ok := ci.Common().Value.(*ssa.MakeClosure); ok {
					g = mc.Fn.(*ssa.Function)
				}
				if g != nil && g.Parent() == fn && r.places[g] != nil && r.places[g].Parent == nil {
					how := "called in place"
					if _, ok := instr.(*ssa.Defer); ok {
						how = "deferred"
					}
					r.places[g].Parent = fn
					r.places[g].Reason = "it is " + how + " at " + code.Where(r.Pass, instr.Pos()) + ", within " + fn.Name()
					r.places[g].Pos = instr.Pos()
				}
			}
		}
		for _, anon := range fn.AnonFuncs {
			if anon.Synthetic == "range-over-func yield" && r.places[anon] != nil {
				r.places[anon].Parent = fn
				r.places[anon].Reason = "it is the body of a range-over-func loop within " + fn.Name()
			}
		}
	}
	r.placeLoopBodies()
	r.directCalls()
	r.registerFields()
	r.calledSlots = map[*types.Var][]*ssa.Function{}
	stored := r.storedValues()
	r.slots = stored
	r.placeImportedSlots(stored)
	inPlace := map[ssa.CallInstruction]bool{}
	// Scheduling calls, to a fixed point: a callback of Then runs on its
	// caller's loop, and closures inherit from the function they run in.
	// A Then whose caller is not (yet) known loop code waits for a later
	// round; once nothing else changes, it is placed on an unknown loop.
	scheduled := map[ssa.CallInstruction]bool{}
	r.lateThen = false
	for changed, round := true, 0; round < 64; round++ {
		if !changed {
			if r.lateThen {
				break
			}
			r.lateThen = true
		}
		changed = false
		for _, fn := range r.Funcs {
			p := r.places[fn]
			if p.Parent != nil {
				pp := r.places[p.Parent]
				if pp.Loop && !p.Loop {
					p.Loop, p.always, p.contexts = true, pp.always, pp.contexts
					changed = true
				} else if pp.Loop && (len(pp.always) != len(p.always) || len(pp.contexts) != len(p.contexts)) {
					p.always, p.contexts = pp.always, pp.contexts
					changed = true
				}
			}
			if r.placeCalledInPlace(fn, stored, inPlace) {
				changed = true
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					ci, ok := instr.(ssa.CallInstruction)
					if !ok || scheduled[ci] {
						continue
					}
					if r.schedule(fn, ci) {
						scheduled[ci] = true
						changed = true
					}
				}
			}
		}
	}
}

// goLiteral is the function literal a go statement runs (go func(...){...}(...)),
// or nil when it runs a named function or a function value.
func goLiteral(g *ssa.Go) *ssa.Function {
	v := g.Call.Value
	if mc, ok := v.(*ssa.MakeClosure); ok {
		v = mc.Fn
	}
	if fn, ok := v.(*ssa.Function); ok && fn.Parent() != nil && fn.Synthetic == "" {
		return fn
	}
	return nil
}

// directCalls gives every named function of the package that is called
// directly (not run in place) an unknown loop context: the caller may run on
// another loop or on no loop at all, so no loop is certain for it even when
// it is also scheduled.
func (r placer) directCalls() {
	for _, fn := range r.Funcs {
		for ci := range Calls(fn) {
			g := ci.Common().StaticCallee()
			if g == nil {
				continue
			}
			if o := g.Origin(); o != nil {
				g = o
			}
			if p := r.places[g]; p != nil && g.Parent() == nil && p.Parent == nil {
				p.contexts = append(p.contexts, loopCtx{})
			}
		}
	}
}

// schedule records the functions that call ci hands to a loop. It returns
// false when the call must wait for the caller's own placement (Then from
// code not yet known to be loop code) or schedules nothing.
func (r placer) schedule(caller *ssa.Function, ci ssa.CallInstruction) bool {
	common := ci.Common()
	row := r.Role(common)
	if row == nil || len(row.Funcs) == 0 {
		return false
	}
	cp := r.places[caller]
	for _, fa := range row.Funcs {
		if fa.Loop == roles.CallerLoop && !cp.Loop && !r.lateThen {
			return false
		}
	}
	did := false
	for _, fa := range row.Funcs {
		fnArg := Arg(common, fa.Arg.Index())
		if fnArg == nil {
			continue
		}
		for _, t := range r.targets(fnArg, 0) {
			did = true
			p := r.places[t.fn]
			s := &Schedule{Call: ci, Caller: caller, Row: row, Arg: fa}
			if fa.Where == roles.OffLoop {
				p.OffLoop = true
				if p.Reason == "" {
					p.Reason, p.Pos = "it is passed to "+code.CallName(r.Pass, common)+" at "+code.Where(r.Pass, ci.Pos())+", which runs it on another goroutine", ci.Pos()
				}
				continue
			}
			p.Schedules = append(p.Schedules, s)
			p.Kept = fa.Kept && (!p.Loop || p.Kept)
			if !p.Loop || p.Reason == "" || p.OffLoop && p.Marker == nil {
				role := "callback"
				if fa.Where == roles.Coroutine {
					role = "coroutine"
				}
				p.Reason, p.Pos = "it is the "+role+" of "+code.CallName(r.Pass, common)+" at "+code.Where(r.Pass, ci.Pos()), ci.Pos()
			}
			p.Loop = true
			var ctx loopCtx
			switch {
			case Arg(common, fa.Loop.Index()) != nil:
				ref := r.loopOf(Arg(common, fa.Loop.Index()))
				ctx = append(ctx, ref)
				if t.recv != nil {
					// A method value s.m scheduled on s.loop: inside m,
					// the loop is the receiver's .loop.
					rc := r.canon(t.recv)
					if ref.root == rc.root && strings.HasPrefix(ref.path, rc.path) && len(t.fn.Params) > 0 {
						ctx = append(ctx, loopRef{t.fn.Params[0], ref.path[len(rc.path):]})
					}
				}
			case fa.Loop == roles.CallerLoop:
				ctx = append(ctx, cp.always...)
				if len(cp.contexts) == 1 {
					ctx = append(ctx, cp.contexts[0]...)
				}
			case fa.Loop == roles.ProcessLoop:
				// One loop per program: the same whoever schedules it.
				ref, _ := r.funcArgLoop(row, fa)
				ctx = append(ctx, ref)
				p.contexts = append(p.contexts, ctx)
				continue
			}
			if len(ctx) > 0 && !exportedNamed(t.fn) {
				p.contexts = append(p.contexts, ctx)
			} else if len(ctx) == 0 || exportedNamed(t.fn) {
				// Unknown loop, or callable from other packages on
				// other loops: no context is certain.
				p.contexts = append(p.contexts, loopCtx{})
			}
		}
	}
	return did
}

// exportedNamed reports whether fn is a package-level function or method
// other packages may schedule too.
func exportedNamed(fn *ssa.Function) bool {
	return fn.Parent() == nil && fn.Object() != nil && fn.Object().Exported()
}

// pkgName qualifies types by package name, as people write them.
func pkgName(p *types.Package) string { return p.Name() }
