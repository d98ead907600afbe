package engine

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Function values stored and called later, and parameters called in place.
//
// Loop code reaches more functions than those a loop API is handed: a
// helper calls its function parameter in place (m.forEachPane(func(p) {
// <-p.loaded })), so the argument runs on the caller's loop; a handler kept
// in a struct field, a map or a slice element (v.bindings[key] = save,
// app.reload = func() { ... }) is called there by loop code (h :=
// v.bindings[key]; h()), so every function stored there runs on that loop.
// Both are followed within the package; InPlaceFact carries the first to
// importers, and StoredCallFact the second for fields of exported types.

// InPlaceFact is attached to a function that calls some of its function
// parameters in place, on its caller's goroutine (directly, or through
// closures it calls in place and functions it calls): their arguments run
// wherever the call does. Indices count a method's receiver as 0.
type InPlaceFact struct {
	Params []int
}

func (*InPlaceFact) AFact() {}

func (f *InPlaceFact) String() string { return fmt.Sprintf("calls in place: params %v", f.Params) }

// StoredCallFact is attached to a struct field holding function values
// (itself, or as map or slice elements) that loop code of its package
// calls: a function stored there in any package runs on that loop.
type StoredCallFact struct {
	// Loop names the process-wide loop (its library's name) the calling
	// code runs on, or "" when that loop is not one per program.
	Loop string
}

func (*StoredCallFact) AFact() {}

func (f *StoredCallFact) String() string {
	if f.Loop == "" {
		return "called in loop code"
	}
	return "called in loop code of " + f.Loop
}

// summarizeInPlace finds, for every function of the package, the
// parameters (its own or those of functions enclosing it) it calls in
// place: a call of the parameter's value, not in a go statement, or of a
// function that calls its own parameter in place with it as argument, or of
// a closure that does.
func (r placer) summarizeInPlace() {
	r.inPlace = map[*ssa.Function][]*ssa.Parameter{}
	for changed, round := true, 0; changed && round < 16; round++ {
		changed = false
		for _, fn := range r.Funcs {
			for ci := range Calls(fn) {
				for _, v := range r.calledInPlace(ci) {
					ref := r.canon(v)
					p, ok := ref.root.(*ssa.Parameter)
					if ok && ref.path == "" && code.IsFunc(p.Type()) && !slices.Contains(r.inPlace[fn], p) {
						r.inPlace[fn] = append(r.inPlace[fn], p)
						changed = true
					}
				}
			}
		}
	}
}

// calledInPlace returns the function values call ci runs in place: the
// called value itself when the call is dynamic, the arguments a callee
// calls in place, and what a closure called in place calls of its captures.
func (r placer) calledInPlace(ci ssa.CallInstruction) []ssa.Value {
	common := ci.Common()
	if common.IsInvoke() {
		return nil
	}
	switch v := common.Value.(type) {
	case *ssa.Builtin:
		return nil
	case *ssa.MakeClosure:
		g := v.Fn.(*ssa.Function)
		var out []ssa.Value
		for _, p := range r.inPlace[g] {
			if p.Parent() != g {
				out = append(out, p) // a parameter of an enclosing function
			} else if i := slices.Index(g.Params, p); i < len(common.Args) {
				out = append(out, common.Args[i])
			}
		}
		return out
	case *ssa.Function:
		var out []ssa.Value
		for _, i := range r.inPlaceParams(v) {
			if a := Arg(common, i); a != nil {
				out = append(out, a)
			}
		}
		return out
	}
	return []ssa.Value{common.Value}
}

// inPlaceParams returns the indices of the parameters callee calls in
// place, from this package's summary or an imported InPlaceFact.
func (r placer) inPlaceParams(callee *ssa.Function) []int {
	if o := callee.Origin(); o != nil {
		callee = o
	}
	if callee.Pkg == r.SSA {
		var out []int
		for i, p := range callee.Params {
			if slices.Contains(r.inPlace[callee], p) {
				out = append(out, i)
			}
		}
		return out
	}
	obj := code.FuncObj(callee)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == r.Pass.Pkg {
		return nil
	}
	f := new(InPlaceFact)
	if !r.Pass.ImportObjectFact(obj, f) {
		return nil
	}
	return f.Params
}

// calledParams returns the indices of wrapper fn's function parameters
// that the function value v (a closure fn makes) calls in place: a closure
// that calls fn's parameter, handed on to a loop, makes that parameter run
// there too.
func (r placer) calledParams(fn *ssa.Function, v ssa.Value) []int {
	// Wrappers are summarised before functions are placed: targets does
	// not know the closures yet.
	mc, ok := v.(*ssa.MakeClosure)
	if !ok {
		return nil
	}
	var out []int
	for _, p := range r.inPlace[mc.Fn.(*ssa.Function)] {
		if i := slices.Index(fn.Params, p); i >= 0 && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// slotOf returns the struct field a function value was read from: s.f,
// an element of a map or slice held in s.f (s.m[k], a range over s.m), or
// a local that holds one of those; nil otherwise.
func (r placer) slotOf(v ssa.Value, depth int) *types.Var {
	if depth > 8 {
		return nil
	}
	d := depth + 1
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return fieldVar(x.X.Type(), x.Field)
		case *ssa.IndexAddr:
			return r.slotOf(x.X, d)
		case *ssa.Alloc:
			if s := onlyStore(x); s != nil {
				return r.slotOf(s.Val, d)
			}
		}
	case *ssa.Field:
		return fieldVar(v.X.Type(), v.Field)
	case *ssa.Lookup:
		return r.slotOf(v.X, d)
	case *ssa.Index:
		return r.slotOf(v.X, d)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Lookup:
			return r.slotOf(t.X, d)
		case *ssa.Next:
			if rg, ok := t.Iter.(*ssa.Range); ok {
				return r.slotOf(rg.X, d)
			}
		}
	case *ssa.ChangeType:
		return r.slotOf(v.X, d)
	case *ssa.Slice:
		return r.slotOf(v.X, d)
	}
	return nil
}

// storedValue is a function value put into a slot, and where.
type storedValue struct {
	val ssa.Value
	at  ssa.Instruction
	fn  *ssa.Function
}

// storedValues maps each struct field of the package's code that holds
// function values to the values stored there: assigned to the field
// (s.f = g, &T{f: g}), put into a map or slice it holds (s.m[k] = g, a map
// or slice literal assigned to it, append), or handed to a function of the
// package that stores its parameter there (a setter).
func (r placer) storedValues() *slots {
	sl := &slots{vals: map[*types.Var][]storedValue{}, callers: map[*types.Var][]*ssa.Function{}, goCalled: map[*types.Var]bool{}, params: map[*ssa.Parameter][]*types.Var{}}
	out, params := sl.vals, sl.params
	add := func(slot *types.Var, v ssa.Value, at ssa.Instruction) {
		if slot == nil {
			return
		}
		for _, e := range elements(v, 0) {
			if p, ok := e.(*ssa.Parameter); ok && !slices.Contains(params[p], slot) {
				params[p] = append(params[p], slot)
			}
			out[slot] = append(out[slot], storedValue{val: e, at: at, fn: at.Parent()})
		}
	}
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					switch a := instr.Addr.(type) {
					case *ssa.FieldAddr:
						add(fieldVar(a.X.Type(), a.Field), instr.Val, instr)
					case *ssa.IndexAddr:
						add(r.slotOf(a.X, 0), instr.Val, instr)
					}
				case *ssa.MapUpdate:
					add(r.slotOf(instr.Map, 0), instr.Value, instr)
				case *ssa.Go:
					if slot := r.slotOf(instr.Call.Value, 0); slot != nil {
						sl.goCalled[slot] = true
					}
				case ssa.CallInstruction:
					if slot := r.slotOf(instr.Common().Value, 0); slot != nil && !instr.Common().IsInvoke() {
						sl.callers[slot] = append(sl.callers[slot], fn)
					}
				}
			}
		}
	}
	// A function that hands its own parameter to a setter is a setter too
	// (NewKeyAction(d, a) calls NewKeyActionWithOpts(d, a, opts)).
	for changed, round := true, 0; changed && round < 8; round++ {
		changed = false
		for p, h := range handedParams(r.Funcs, r.SSA) {
			a, ok := h.val.(*ssa.Parameter)
			if !ok {
				continue
			}
			for _, slot := range params[p] {
				if !slices.Contains(params[a], slot) {
					params[a] = append(params[a], slot)
					changed = true
				}
			}
		}
	}
	// Setters: a call of a function that stores its parameter in a field
	// stores the argument there.
	for p, h := range handedParams(r.Funcs, r.SSA) {
		for _, slot := range params[p] {
			if h.val != nil {
				out[slot] = append(out[slot], h)
			}
		}
	}
	return sl
}

// handedParams yields, for each call in funcs of a function of pkg, each
// parameter of the callee with what the call hands it: the argument (nil
// if none), the call and the calling function.
func handedParams(funcs []*ssa.Function, pkg *ssa.Package) iter.Seq2[*ssa.Parameter, storedValue] {
	return func(yield func(*ssa.Parameter, storedValue) bool) {
		for _, fn := range funcs {
			for ci := range Calls(fn) {
				callee := ci.Common().StaticCallee()
				if callee == nil || callee.Pkg != pkg {
					continue
				}
				for i, p := range callee.Params {
					if !yield(p, storedValue{val: Arg(ci.Common(), i), at: ci, fn: fn}) {
						return
					}
				}
			}
		}
	}
}

// slots are the struct fields of the package's code that hold function
// values: what is stored in each, and who calls what is stored.
type slots struct {
	vals     map[*types.Var][]storedValue
	callers  map[*types.Var][]*ssa.Function  // functions that call a value read from the field
	goCalled map[*types.Var]bool             // a value read from it is run by a go statement
	params   map[*ssa.Parameter][]*types.Var // parameters stored into fields: setters
}

// onLoop reports whether every call of a function read from slot is made
// by loop code, and none by a go statement: then what is stored there runs
// on the loop. A field some calls of which run elsewhere (a job queue that
// loop code and workers both drain) says nothing certain.
func (r placer) onLoop(sl *slots, slot *types.Var) bool {
	if sl.goCalled[slot] {
		return false
	}
	for _, c := range sl.callers[slot] {
		if p := r.places[r.ActivationRoot(c)]; p == nil || !p.Loop || p.OffLoop {
			return false
		}
	}
	return true
}

// elements returns the function values a value stored into a slot holds:
// itself, or the elements of a map or slice literal or of an append.
func elements(v ssa.Value, depth int) []ssa.Value {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.MakeMap:
		var out []ssa.Value
		for _, u := range *v.Referrers() {
			if mu, ok := u.(*ssa.MapUpdate); ok && mu.Map == v {
				out = append(out, elements(mu.Value, depth+1)...)
			}
		}
		return out
	case *ssa.Slice:
		if a, ok := v.X.(*ssa.Alloc); ok {
			var out []ssa.Value
			for _, u := range *a.Referrers() {
				ia, ok := u.(*ssa.IndexAddr)
				if !ok {
					continue
				}
				for _, w := range *ia.Referrers() {
					if st, ok := w.(*ssa.Store); ok && st.Addr == ia {
						out = append(out, elements(st.Val, depth+1)...)
					}
				}
			}
			return out
		}
		return nil
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(v.Call.Args) == 2 {
			return elements(v.Call.Args[1], depth+1)
		}
		return nil
	}
	if code.IsFunc(v.Type()) {
		return []ssa.Value{v}
	}
	return nil
}

// placeCalledInPlace runs once per round of place's fixed point: it makes
// loop code of the functions that loop code fn runs in place through a
// parameter of a callee or a stored function value, on fn's loop. It
// reports whether anything changed.
func (r placer) placeCalledInPlace(fn *ssa.Function, stored *slots, done map[ssa.CallInstruction]bool) bool {
	cp := r.places[r.ActivationRoot(fn)]
	if cp == nil || !cp.Loop || cp.OffLoop {
		return false
	}
	changed := false
	for ci := range Calls(fn) {
		if done[ci] {
			continue
		}
		common := ci.Common()
		if common.IsInvoke() {
			continue
		}
		var what string
		var vals []storedValue
		switch callee := common.Value.(type) {
		case *ssa.Builtin, *ssa.MakeClosure:
			continue
		case *ssa.Function:
			for _, i := range r.inPlaceParams(callee) {
				if a := Arg(common, i); a != nil {
					vals = append(vals, storedValue{val: a, at: ci, fn: fn})
				}
			}
			what = "it is called in place by " + code.CalleeName(r.Pass, callee) + ", called from loop code at " + code.Where(r.Pass, ci.Pos())
		default:
			slot := r.slotOf(callee, 0)
			if slot == nil || !r.onLoop(stored, slot) {
				continue // another round may find its other callers on the loop
			}
			r.calledSlots[slot] = append(r.calledSlots[slot], fn)
			vals = stored.vals[slot]
			what = "it is stored in " + slot.Name() + " and called from loop code at " + code.Where(r.Pass, ci.Pos())
		}
		done[ci] = true
		for _, sv := range vals {
			for _, t := range r.targets(sv.val, 0) {
				changed = r.runInPlace(t.fn, fn, cp, what, ci.Pos()) || changed
			}
		}
	}
	return changed
}

// runInPlace makes g loop code run by loop code fn (whose activation's
// place is cp), on fn's loop.
func (r placer) runInPlace(g, fn *ssa.Function, cp *Place, reason string, pos token.Pos) bool {
	p := r.places[g]
	if p == nil || g == fn || slices.Contains(p.CalledBy, fn) {
		return false
	}
	p.CalledBy = append(p.CalledBy, fn)
	if !p.Loop || p.Reason == "" || p.OffLoop && p.Marker == nil {
		p.Reason, p.Pos = reason, pos
	}
	p.Kept = !p.Loop || p.Kept
	p.Loop = true
	var ctx loopCtx
	ctx = append(ctx, cp.always...)
	if len(cp.contexts) == 1 {
		ctx = append(ctx, cp.contexts[0]...)
	}
	if exportedNamed(g) {
		ctx = nil // other packages may call it on other loops
	}
	p.contexts = append(p.contexts, ctx)
	return true
}

// registerSetters makes wrappers of the package's setters whose parameter
// is stored in a field that loop code calls (SetKeyboardChar(c, fn, help)
// stores fn in w.charMap, which the input handler calls): importers that
// hand them a function put it on that loop, as with After. Their
// SchedulesFacts carry it.
func (r placer) registerSetters() {
	if r.slots == nil {
		return
	}
	for _, fn := range r.Funcs {
		if fn.Parent() != nil || !exportedNamed(fn) {
			continue
		}
		for i, p := range fn.Params {
			for _, slot := range r.slots.params[p] {
				callers := r.calledSlots[slot]
				if len(callers) == 0 || r.scheds[fn] != nil && has(r.scheds[fn].Params, i) {
					continue
				}
				fa := roles.FuncArg{Arg: roles.ArgAt(i), Where: roles.OnLoop, Kept: true}
				if name := r.processLoopName(callers[0]); name != "" {
					if lib := r.loopLibrary(callers[0], 0); lib != nil && lib.Name == name && len(lib.Paths) > 0 {
						fa.Loop, fa.Via = roles.ProcessLoop, lib.Paths[0]
					}
				}
				if r.scheds[fn] == nil {
					r.scheds[fn] = &SchedulesFact{}
				}
				r.scheds[fn].Params = append(r.scheds[fn].Params, fa)
			}
		}
	}
}

// exportStoredFacts exports InPlaceFacts for the package's functions that
// call parameters in place, and StoredCallFacts for the fields of its
// types that its loop code calls stored functions from.
func (r *Result) exportStoredFacts() {
	pl := placer{r}
	for _, fn := range r.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || fn.Synthetic != "" {
			continue
		}
		if ps := pl.inPlaceParams(fn); len(ps) > 0 {
			r.Pass.ExportObjectFact(obj, &InPlaceFact{Params: ps})
		}
	}
	for slot, callers := range r.calledSlots {
		if slot.Pkg() != r.Pass.Pkg || !slot.Exported() {
			continue
		}
		loop := pl.processLoopName(callers[0])
		for _, c := range callers[1:] {
			if pl.processLoopName(c) != loop {
				loop = ""
			}
		}
		r.Pass.ExportObjectFact(slot, &StoredCallFact{Loop: loop})
	}
}

// processLoopName is the name of the process-wide loop loop code fn
// certainly runs on, or "".
func (r placer) processLoopName(fn *ssa.Function) string {
	p := r.places[r.ActivationRoot(fn)]
	if p == nil {
		return ""
	}
	for _, ref := range p.always {
		if ref.isProcess() {
			return strings.TrimPrefix(ref.path, processPrefix)
		}
	}
	if len(p.contexts) > 0 {
		for _, ref := range p.contexts[0] {
			if ref.isProcess() && r.isCurrentRef(p, ref) {
				return strings.TrimPrefix(ref.path, processPrefix)
			}
		}
	}
	return ""
}

// placeImportedSlots makes loop code of the functions the package stores
// into fields of imported types whose StoredCallFact says loop code of
// their own package calls them.
func (r placer) placeImportedSlots(stored *slots) {
	// In a stable order: the first reason found is the one given.
	keys := slices.SortedFunc(maps.Keys(stored.vals), func(a, b *types.Var) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, slot := range keys {
		vals := stored.vals[slot]
		if slot.Pkg() == nil || slot.Pkg() == r.Pass.Pkg {
			continue
		}
		f := new(StoredCallFact)
		if !r.Pass.ImportObjectFact(slot, f) {
			continue
		}
		for _, sv := range vals {
			for _, t := range r.targets(sv.val, 0) {
				p := r.places[t.fn]
				if !p.Loop || p.Reason == "" || p.OffLoop && p.Marker == nil {
					p.Reason, p.Pos = "it is stored in "+slot.Name()+" at "+code.Where(r.Pass, sv.at.Pos())+", which loop code of package "+slot.Pkg().Path()+" calls", sv.at.Pos()
				}
				p.Kept = !p.Loop || p.Kept
				p.Loop = true
				ctx := loopCtx{}
				if f.Loop != "" {
					ctx = loopCtx{{path: processPrefix + f.Loop}}
				}
				p.contexts = append(p.contexts, ctx)
			}
		}
	}
}

// exportASTInPlace exports InPlaceFacts for a package that references no
// loop runtime (no SSA): a helper such as func Each(xs []T, f func(T)) is
// called from loop code elsewhere. Only functions with a function-typed
// parameter are walked, and only their own statements: calls of the
// parameter, and arguments to callees that call theirs in place, outside
// go statements and closures.
func (r placer) exportASTInPlace() {
	info := r.Pass.TypesInfo
	type decl struct {
		fd  *ast.FuncDecl
		obj *types.Func
	}
	var decls []decl
	params := map[*types.Var]int{} // function-typed parameters, by index (receiver 0)
	for fd, obj := range funcDecls(info, r.Pass.Files) {
		sig := obj.Signature()
		off := 0
		if sig.Recv() != nil {
			off = 1
		}
		has := false
		for i := range sig.Params().Len() {
			if p := sig.Params().At(i); code.IsFunc(p.Type()) {
				params[p] = i + off
				has = true
			}
		}
		if has && fd.Body != nil {
			decls = append(decls, decl{fd, obj})
		}
	}
	if len(decls) == 0 {
		return
	}
	inPlace := map[*types.Func][]int{}
	paramOf := func(obj *types.Func, e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := params[v]
		return i, ok && v.Parent() == obj.Scope()
	}
	calleeParams := func(callee *types.Func) []int {
		if callee.Pkg() == r.Pass.Pkg {
			return inPlace[callee]
		}
		f := new(InPlaceFact)
		if callee.Pkg() != nil && r.Pass.ImportObjectFact(callee, f) {
			return f.Params
		}
		return nil
	}
	for changed, round := true, 0; changed && round < 8; round++ {
		changed = false
		for _, d := range decls {
			ast.Inspect(d.fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.GoStmt, *ast.FuncLit:
					return false
				case *ast.CallExpr:
					var found []int
					if i, ok := paramOf(d.obj, n.Fun); ok {
						found = append(found, i)
					} else if callee := typeutil.StaticCallee(info, n); callee != nil && !isInterfaceMethod(callee) {
						args := n.Args
						if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && callee.Signature().Recv() != nil {
							if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
								args = append([]ast.Expr{sel.X}, args...)
							}
						}
						for _, k := range calleeParams(callee) {
							if k < len(args) {
								if i, ok := paramOf(d.obj, args[k]); ok {
									found = append(found, i)
								}
							}
						}
					}
					for _, i := range found {
						if !slices.Contains(inPlace[d.obj], i) {
							inPlace[d.obj] = append(inPlace[d.obj], i)
							changed = true
						}
					}
				}
				return true
			})
		}
	}
	for _, d := range decls {
		if ps := inPlace[d.obj]; len(ps) > 0 && d.obj.Exported() {
			slices.Sort(ps)
			r.Pass.ExportObjectFact(d.obj, &InPlaceFact{Params: ps})
		}
	}
}
