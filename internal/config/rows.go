package config

import (
	"fmt"
	"go/types"

	"github.com/futurelint/futurelint/internal/roles"
)

// This file is the one place that turns a description into rows of the
// roles table: when the row type changes, only this file follows.

// Rows resolves the library's description against pkg, its type-checked
// package, and returns the roles library it stands for; source says where
// the description came from. A name that pkg does not declare, or a
// parameter its function does not have, is an error naming where it was
// written.
func (l *Library) Rows(source string, pkg *types.Package) (*roles.Library, error) {
	lib, err := l.rows(source, pkg)
	return lib, describeError(err)
}

func (l *Library) rows(source string, pkg *types.Package) (*roles.Library, error) {
	lib := &roles.Library{
		Name:  source,
		Paths: []string{pkg.Path()},
		Words: roles.Words{
			Loop:          l.Words.Loop,
			LoopGoroutine: l.Words.Loop,
			AwaitFuture:   roles.Advice{Coroutine: l.Words.Wait, Callback: l.Words.Wait},
			HandBack:      l.Words.HandBack,
		},
	}
	for _, t := range l.Types {
		if _, ok := pkg.Scope().Lookup(t.Name).(*types.TypeName); !ok {
			return nil, fmt.Errorf("%s: package %s declares no type %s", t.At, pkg.Path(), t.Name)
		}
		if t.Role == roles.Marker && lib.Words.Marker == "" {
			lib.Words.Marker = "*" + pkg.Name() + "." + t.Name
		}
		lib.Types = append(lib.Types, roles.Type{Pkg: pkg.Path(), Name: t.Name, Role: t.Role})
	}
	for i := range l.Funcs {
		row, err := FuncRow(pkg, &l.Funcs[i])
		if err != nil {
			return nil, err
		}
		lib.Funcs = append(lib.Funcs, row)
	}
	return lib, nil
}

// FuncRow resolves one function description against pkg.
func FuncRow(pkg *types.Package, s *FuncSpec) (roles.Func, error) {
	fn, err := lookupFunc(pkg, s)
	if err != nil {
		return roles.Func{}, fmt.Errorf("%s: %w", s.At, err)
	}
	sig := fn.Type().(*types.Signature)
	at := func(p Param, what string) (roles.Arg, error) {
		i, err := paramIndex(sig, p)
		if err != nil {
			return roles.NoArg, fmt.Errorf("%s: %s: %s: %w", s.At, s.Describe(), what, err)
		}
		return roles.ArgAt(i), nil
	}
	row := roles.Func{Pkg: pkg.Path(), Recv: s.Recv, Name: s.Name}
	row.Block = s.Blocks
	row.LoopOnly, row.Suspends, row.CurrentLoop = s.LoopOnly, s.Suspends, s.CurrentLoop
	if s.Waits.set() {
		if row.Waits, err = at(s.Waits, "waits"); err != nil {
			return row, err
		}
	}
	for _, run := range s.Runs {
		fa := roles.FuncArg{Where: run.Where, Threadsafe: run.Threadsafe, AfterSettle: run.Settled}
		if fa.Arg, err = at(run.Arg, "runs"); err != nil {
			return row, err
		}
		if _, ok := paramType(sig, fa.Arg.Index()).Underlying().(*types.Signature); !ok {
			return row, fmt.Errorf("%s: %s: runs: %s is not a function", s.At, s.Describe(), run.Arg)
		}
		switch run.Loop.Name {
		case NewLoop:
			row.NewLoop = true
		case CallerLoop:
			fa.Loop = roles.CallerLoop
			row.LoopOnly = true
		default:
			if run.Loop.set() {
				if fa.Loop, err = at(run.Loop, "loop"); err != nil {
					return row, err
				}
			}
		}
		if run.Threadsafe {
			row.SubmitLoop = fa.Loop
		}
		row.Funcs = append(row.Funcs, fa)
	}
	if w := s.Wraps; w != nil {
		if row.WrapLoop, err = at(w.Loop, "wraps loop"); err != nil {
			return row, err
		}
		if w.Future.set() {
			if row.WrapFuture, err = at(w.Future, "wraps future"); err != nil {
				return row, err
			}
		}
	}
	return row, nil
}

// lookupFunc finds the function or method s names in pkg.
func lookupFunc(pkg *types.Package, s *FuncSpec) (*types.Func, error) {
	if s.Recv == "" {
		fn, ok := pkg.Scope().Lookup(s.Name).(*types.Func)
		if !ok {
			return nil, fmt.Errorf("package %s declares no function %s", pkg.Path(), s.Name)
		}
		return fn, nil
	}
	tn, ok := pkg.Scope().Lookup(s.Recv).(*types.TypeName)
	if !ok {
		return nil, fmt.Errorf("package %s declares no type %s", pkg.Path(), s.Recv)
	}
	var typ types.Type = tn.Type()
	if !types.IsInterface(typ) {
		typ = types.NewPointer(typ)
	}
	obj, _, _ := types.LookupFieldOrMethod(typ, true, pkg, s.Name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil, fmt.Errorf("type %s.%s has no method %s", pkg.Path(), s.Recv, s.Name)
	}
	if recv := fn.Type().(*types.Signature).Recv(); recv == nil || !sameNamed(recv.Type(), tn) {
		// A method promoted from an embedded type belongs to that type's row.
		return nil, fmt.Errorf("%s.%s is promoted from an embedded type: describe it on the type that declares it", s.Recv, s.Name)
	}
	return fn, nil
}

func sameNamed(t types.Type, tn *types.TypeName) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	switch n := types.Unalias(t).(type) {
	case *types.Named:
		return n.Obj() == tn
	case *types.Interface:
		return types.IsInterface(tn.Type())
	}
	return false
}

// paramIndex turns a parameter reference into a roles argument index: the
// receiver of a method is argument 0, its parameters follow.
func paramIndex(sig *types.Signature, p Param) (int, error) {
	shift := 0
	if sig.Recv() != nil {
		shift = 1
	}
	if p.Name == Receiver {
		if sig.Recv() == nil {
			return 0, fmt.Errorf("a function has no receiver")
		}
		return 0, nil
	}
	params := sig.Params()
	if p.Index > 0 {
		if p.Index > params.Len() {
			return 0, fmt.Errorf("parameter position %d is out of range: it has %d parameters", p.Index-1, params.Len())
		}
		return p.Index - 1 + shift, nil
	}
	if sig.Recv() != nil && sig.Recv().Name() == p.Name {
		return 0, nil
	}
	for i := range params.Len() {
		if params.At(i).Name() == p.Name {
			return i + shift, nil
		}
	}
	return 0, fmt.Errorf("no parameter named %s", p.Name)
}

// paramType is the type of argument i (receiver first).
func paramType(sig *types.Signature, i int) types.Type {
	if sig.Recv() != nil {
		if i == 0 {
			return sig.Recv().Type()
		}
		i--
	}
	return sig.Params().At(i).Type()
}
