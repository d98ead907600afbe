package engine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Implementations an importer hands in.
//
// A library's loop code calls a method of an interface on a value it is
// given: a parameter of an exported function (lib.Serve(l, store)), or a
// struct field set by its users or by an exported constructor or setter
// (&lib.Server{Store: s}, lib.New(s), srv.SetStore(s)). The
// implementations are the importer's, which the library cannot see, and
// facts flow only from a package to its importers: the library exports
// LoopMethodFacts saying which parameters and fields its loop code calls
// through which method, and the importer, which knows the concrete type it
// hands in, finds where that type's method certainly blocks (HandIns).

// LoopMethodFact is attached to an exported function whose interface-typed
// parameters, and to an exported struct field of interface type whose
// value, loop code of the function's package calls methods of.
type LoopMethodFact struct {
	Calls []LoopMethodCall
}

// LoopMethodCall is one method that loop code calls on a parameter or a field.
type LoopMethodCall struct {
	Param  int    // the parameter (receiver 0) of the function the fact is on; 0 on a field's fact
	Method string // the interface method called
	Pos    string // the call in loop code, as file base name and line: "lib.go:12"
	// Loop names the process-wide loop (its library's name) the calling
	// code runs on, or "" when that loop is not one per program.
	Loop string
	// Lib is the first import path of the library of the calling code's
	// loop, whose words a finding uses, or "".
	Lib string
}

func (*LoopMethodFact) AFact() {}

func (f *LoopMethodFact) String() string {
	var parts []string
	for _, c := range f.Calls {
		parts = append(parts, fmt.Sprintf("param %d .%s at %s", c.Param, c.Method, c.Pos))
	}
	return "loop calls: " + strings.Join(parts, "; ")
}

// exportLoopMethods exports LoopMethodFacts for the exported functions
// whose interface-typed parameters loop code of the package calls methods
// of (itself, in a closure it schedules, or after storing the parameter in
// a field), and for the exported fields whose value it calls them on. It
// reports whether it exported any: the package is then a loop API to its
// importers, which must find what they hand in.
func exportLoopMethods(r placer) bool {
	params := map[*ssa.Parameter][]LoopMethodCall{}
	fields := map[*types.Var][]LoopMethodCall{}
	for _, fn := range r.Funcs {
		p := r.places[r.ActivationRoot(fn)]
		if p == nil || !p.Loop || p.OffLoop {
			continue
		}
		for ci := range Calls(fn) {
			common := ci.Common()
			if !common.IsInvoke() || !common.Method.Exported() || r.Roles.LookupCall(common.Value.Type(), common.Method) != nil {
				continue
			}
			c := LoopMethodCall{Method: common.Method.Name(), Pos: code.Where(r.Pass, ci.Pos()), Loop: r.processLoopName(fn)}
			if lib := r.loopLibrary(fn, 0); lib != nil && len(lib.Paths) > 0 {
				c.Lib = lib.Paths[0]
			}
			if ref := r.canon(common.Value); ref.path == "" {
				if prm, ok := ref.root.(*ssa.Parameter); ok && exportedNamed(prm.Parent()) {
					params[prm] = appendCall(params[prm], c)
					continue
				}
			}
			if slot := r.slotOf(common.Value, 0); slot != nil && slot.Pkg() == r.Pass.Pkg && types.IsInterface(slot.Type()) {
				fields[slot] = appendCall(fields[slot], c)
			}
		}
	}
	if len(fields) > 0 {
		// Constructors and setters: a parameter stored into such a field,
		// or a field of an options struct copied into it (Server{cache:
		// opts.Cache}), whose users set the options' field.
		copied := map[*types.Var][]LoopMethodCall{}
		for _, fn := range r.Funcs {
			for st, fa := range fieldStores(fn) {
				calls := fields[fieldVar(fa.X.Type(), fa.Field)]
				if len(calls) == 0 {
					continue
				}
				if ref := r.canon(st.Val); ref.path == "" {
					if prm, ok := ref.root.(*ssa.Parameter); ok && exportedNamed(prm.Parent()) {
						for _, c := range calls {
							params[prm] = appendCall(params[prm], c)
						}
						continue
					}
				}
				if from := r.slotOf(st.Val, 0); from != nil && from.Pkg() == r.Pass.Pkg && types.IsInterface(from.Type()) {
					for _, c := range calls {
						copied[from] = appendCall(copied[from], c)
					}
				}
			}
		}
		for from, calls := range copied {
			for _, c := range calls {
				fields[from] = appendCall(fields[from], c)
			}
		}
	}
	byFunc := map[*ssa.Function]*LoopMethodFact{}
	for prm, calls := range params {
		fn := prm.Parent()
		i := slices.Index(fn.Params, prm)
		if byFunc[fn] == nil {
			byFunc[fn] = &LoopMethodFact{}
		}
		for _, c := range calls {
			c.Param = i
			byFunc[fn].Calls = append(byFunc[fn].Calls, c)
		}
	}
	for fn, f := range byFunc {
		slices.SortFunc(f.Calls, func(a, b LoopMethodCall) int { return a.Param - b.Param })
		r.Pass.ExportObjectFact(fn.Object(), f)
	}
	for slot, calls := range fields {
		if slot.Exported() {
			r.Pass.ExportObjectFact(slot, &LoopMethodFact{Calls: calls})
		}
	}
	return len(byFunc) > 0 || len(fields) > 0
}

// appendCall adds c unless a call of the same method is there already:
// one is enough to know that the method runs on the loop.
func appendCall(calls []LoopMethodCall, c LoopMethodCall) []LoopMethodCall {
	if slices.ContainsFunc(calls, func(d LoopMethodCall) bool { return d.Method == c.Method }) {
		return calls
	}
	return append(calls, c)
}

// HandIn is a value of a concrete type that the package hands to another
// package's parameter or field whose method that package's loop code
// calls (a LoopMethodFact), where the type's method certainly blocks.
type HandIn struct {
	Fn    *ssa.Function   // the function handing it in
	Instr ssa.Instruction // the call or the store
	Pos   token.Pos
	To    string      // the parameter's function or the field, as people write it: "lib.Serve", "lib.Server.Store"
	Impl  *types.Func // the method loop code runs
	Call  LoopMethodCall
	// Blocks is Impl's may-block summary, certain.
	Blocks *BlocksFact
	// Deadlock is set when Impl waits for the very process-wide loop
	// whose code calls it.
	Deadlock *Reason
	// Words are those of the library whose loop code calls Impl.
	Words roles.Words
	// Related is the finding's related information: the call of the
	// method in the other package's loop code, then Impl's witness chain
	// down to what blocks.
	Related []analysis.RelatedInformation
}

// HandIns returns the package's hand-ins of a type whose method certainly
// blocks to another package's loop code, in source order.
func (b *Blocks) HandIns() []*HandIn { return b.handIns }

// findHandIns fills r.handIns: arguments of calls of functions with a
// LoopMethodFact, and values stored into fields with one, converted to the
// interface from a concrete type right there (so the type is certain).
func (r summarizer) findHandIns() {
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					common := instr.Common()
					callee := common.StaticCallee()
					if callee == nil {
						continue
					}
					obj := code.FuncObj(callee)
					f := new(LoopMethodFact)
					if obj == nil || obj.Pkg() == nil || obj.Pkg() == r.Pass.Pkg || !r.Pass.ImportObjectFact(obj, f) {
						continue
					}
					done := map[int]bool{}
					for _, c := range f.Calls {
						if !done[c.Param] {
							done[c.Param] = r.handIn(fn, instr, instr.Pos(), Arg(common, c.Param), code.FuncName(r.Pass, obj), c)
						}
					}
				case *ssa.Store:
					fa, ok := instr.Addr.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					slot := fieldVar(fa.X.Type(), fa.Field)
					f := new(LoopMethodFact)
					if slot == nil || slot.Pkg() == nil || slot.Pkg() == r.Pass.Pkg || !r.Pass.ImportObjectFact(slot, f) {
						continue
					}
					to := slot.Pkg().Name() + "." + slot.Name()
					if n := namedOf(fa.X.Type()); n != nil {
						to = slot.Pkg().Name() + "." + n.Obj().Name() + "." + slot.Name()
					}
					for _, c := range f.Calls {
						if r.handIn(fn, instr, instr.Pos(), instr.Val, to, c) {
							break
						}
					}
				}
			}
		}
	}
	slices.SortStableFunc(r.handIns, func(a, b *HandIn) int { return int(a.Pos - b.Pos) })
}

// handIn records v, handed to to, when it is converted from a concrete
// type whose method c.Method certainly blocks; it reports whether it did.
func (r summarizer) handIn(fn *ssa.Function, instr ssa.Instruction, pos token.Pos, v ssa.Value, to string, c LoopMethodCall) bool {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(mi.X.Type(), true, nil, c.Method)
	m, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	m = m.Origin() // a method of a generic type: summarised once
	var f *BlocksFact
	if m.Pkg() == r.Pass.Pkg {
		if mfn := r.SSA.Prog.FuncValue(m); mfn != nil {
			f = r.blocks[mfn]
		}
	} else if m.Pkg() != nil {
		f = r.importBlocks(m)
	}
	if f == nil || !f.Certain {
		return false
	}
	if !pos.IsValid() {
		pos = mi.Pos()
	}
	h := &HandIn{Fn: fn, Instr: instr, Pos: pos, To: to, Impl: m, Call: c, Blocks: f, Words: roles.GenericWords}
	if lib := r.Roles.Library(c.Lib); c.Lib != "" && lib != nil {
		h.Words = lib.Words.Or(roles.GenericWords)
	}
	if f.Loop != "" && f.Loop == c.Loop {
		h.Deadlock = &Reason{Kind: ServesOwnLoop, Loop: h.Words.Loop}
	}
	h.Related = []analysis.RelatedInformation{{Pos: pos, Message: "its " + c.Method + " is called from loop code at " + c.Pos}}
	from := pos
	if at := f.Chain[0].at; at.IsValid() && code.File(r.Pass, at) != nil {
		from = at
	}
	h.Related = append(h.Related, r.Hops(f.Chain, from)...)
	r.handIns = append(r.handIns, h)
	return true
}
