package engine

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// registerFields places the functions stored into function-typed fields
// that register a callback (a roles.Field row: Fyne's button.OnTapped = f,
// &widget.Entry{OnSubmitted: f}): assignments and composite-literal fields
// alike are a store to the field's address in SSA.
func (r placer) registerFields() {
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if field := r.fieldRow(st); field != nil {
						r.registerField(fn, st, field)
					}
				}
			}
		}
	}
}

// fieldRow is the row of the field st stores into: a roles.Field row, or
// one made from a GoroutineFieldFact (a field its package calls only on
// goroutines of its own). Nil for any other store.
func (r placer) fieldRow(st *ssa.Store) *roles.Field {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	if len(r.Roles.Fields) > 0 {
		if field := r.Roles.FieldOf(fa.X.Type(), FieldName(fa.X.Type(), fa.Field)); field != nil {
			return field
		}
	}
	return r.goroutineField(fa)
}

// registerField places the functions the store st puts into field.
func (r placer) registerField(caller *ssa.Function, st *ssa.Store, field *roles.Field) {
	arg := roles.FuncArg{Where: field.Where, Loop: field.Loop}
	row := &roles.Func{Pkg: field.Pkg, Recv: field.Type, Name: field.Name, Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{arg}}}
	for _, t := range r.targets(st.Val, 0) {
		p := r.places[t.fn]
		what := "(" + pkgNameOf(r.Pass.Pkg, field.Pkg) + field.Type + ")." + field.Name
		if field.Where == roles.OffLoop {
			p.OffLoop = true
			if p.Reason == "" {
				p.Reason, p.Pos = "it is stored in "+what+" at "+code.Where(r.Pass, st.Pos())+", whose package calls it on another goroutine", st.Pos()
			}
			continue
		}
		p.Schedules = append(p.Schedules, &Schedule{Caller: caller, Row: row, Arg: arg, Store: st})
		if !p.Loop || p.Reason == "" || p.OffLoop && p.Marker == nil {
			p.Reason, p.Pos = "it is the callback stored in "+what+" at "+code.Where(r.Pass, st.Pos()), st.Pos()
		}
		p.Loop, p.Kept = true, false
		if ref, ok := r.funcArgLoop(row, arg); ok {
			p.contexts = append(p.contexts, loopCtx{ref})
		} else {
			p.contexts = append(p.contexts, loopCtx{})
		}
	}
}

// pkgNameOf is the name of the package at path with a dot ("widget."), as
// pkg imports it; "" when it does not.
func pkgNameOf(pkg *types.Package, path string) string {
	for _, p := range pkg.Imports() {
		if p.Path() == path {
			return p.Name() + "."
		}
	}
	return ""
}

// registeredParams returns the function parameters of fn, not among have,
// that fn registers by storing them, or a closure that calls them, into a
// field with a roles.Field row (b.OnTapped = func() { f(); log() }): fn is
// a wrapper of the field's kind.
func (r placer) registeredParams(fn *ssa.Function, have []roles.FuncArg) []roles.FuncArg {
	if len(r.Roles.Fields) == 0 {
		return nil
	}
	var out []roles.FuncArg
	for st, fa := range fieldStores(fn) {
		field := r.Roles.FieldOf(fa.X.Type(), FieldName(fa.X.Type(), fa.Field))
		if field == nil {
			continue
		}
		ks := []int{r.paramIndex(fn, r.canon(st.Val), false)}
		kept := false
		if ks[0] < 0 {
			ks, kept = r.calledParams(fn, st.Val), true // through a closure that calls it
		}
		for _, k := range ks {
			if k < 0 || has(have, k) || has(out, k) {
				continue
			}
			loop := roles.NoArg
			if field.Loop == roles.ProcessLoop {
				loop = field.Loop
			}
			out = append(out, roles.FuncArg{Arg: roles.ArgAt(k), Where: field.Where, Loop: loop, Via: field.Pkg, Kept: kept})
		}
	}
	return out
}
