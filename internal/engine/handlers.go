package engine

import (
	"go/types"
	"slices"

	"github.com/futurelint/futurelint/internal/roles"
)

// placeHandlers makes loop code of the methods that a library calls on its
// loop because their type implements one of its Handler interfaces
// (roles.Handler: gnet.EventHandler's OnOpen, OnTraffic and OnClose), with
// the loop named by the row's Loop parameter. The value need not be seen
// reaching the library: a type implementing the interface exists to be
// handed to it, and only the row's methods count, not the type's others.
// A row naming a concrete type (an inferred loop's handler methods) covers
// that type's own methods.
func (r placer) placeHandlers() {
	type handler struct {
		row   *roles.Type
		named *types.Named
		iface *types.Interface // nil for a concrete type
	}
	var hs []handler
	for _, row := range r.Roles.Handlers() {
		if named := lookupNamed(r.Pass.Pkg, row.Pkg, row.Name); named != nil {
			iface, _ := named.Underlying().(*types.Interface)
			hs = append(hs, handler{row, named, iface})
		}
	}
	if len(hs) == 0 {
		return
	}
	for _, fn := range r.Funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || fn.Signature.Recv() == nil || len(fn.Params) == 0 {
			continue
		}
		named := namedOf(fn.Signature.Recv().Type())
		if named == nil || named.TypeParams().Len() > 0 {
			continue
		}
		for _, h := range hs {
			if !slices.Contains(h.row.Methods, obj.Name()) {
				continue
			}
			if h.iface == nil && named.Obj() != h.named.Obj() ||
				h.iface != nil && !types.Implements(named, h.iface) && !types.Implements(types.NewPointer(named), h.iface) {
				continue
			}
			p := r.places[fn]
			p.Loop, p.Handler, p.LoopCalls = true, h.row, h.iface == nil && h.row.Via != ""
			p.Kept = h.row.Via != "" // an inferred loop's handler: known from the engine's own inference
			if h.iface == nil {
				p.Reason = "it is called by " + r.processName(h.row.Via) + " on what it receives"
			} else {
				p.Reason = "it is the " + obj.Name() + " method of " + types.TypeString(named, pkgName) +
					", a " + h.row.Name + " of package " + h.row.Pkg + ", which runs it on its loop"
			}
			if i := h.row.Loop.Index(); i >= 0 && i < len(fn.Params) {
				p.always = append(p.always, r.loopOf(fn.Params[i]))
			} else if h.row.Loop == roles.ProcessLoop {
				via := h.row.Via
				if via == "" {
					via = h.row.Pkg
				}
				p.always = append(p.always, r.processRef(via))
			}
			break
		}
	}
}

// lookupNamed finds the named type pkg.name in package in or
// among the packages it imports, or nil.
func lookupNamed(in *types.Package, pkg, name string) *types.Named {
	for _, p := range append([]*types.Package{in}, in.Imports()...) {
		if p.Path() != pkg {
			continue
		}
		if tn, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
			if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
				return named
			}
		}
	}
	return nil
}

// namedOf is the named type of a receiver type T or *T, or nil.
func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}
