package engine

import "golang.org/x/tools/go/ssa"

// LoopRef names the loop a function runs on: Root followed by Path, a
// chain of field selections (".loop") and, for a marker's loop, ".Loop()".
// Root is a parameter, a variable (*ssa.Alloc) or another value of some
// function of the package, after following closure captures outwards.
type LoopRef struct {
	Root ssa.Value
	Path string
}

// CurrentLoops returns the LoopRefs that denote the loop fn runs on in
// every context in which fn is known to run on a loop, in a stable order;
// nil when fn is not loop code or its loop is not evident. A fix that must
// name the current loop spells one of them, if its root has a name in scope.
func (r *Result) CurrentLoops(fn *ssa.Function) []LoopRef {
	p := r.places[fn]
	if p == nil || !p.Loop {
		return nil
	}
	var out []LoopRef
	seen := map[loopRef]bool{}
	add := func(ref loopRef) {
		if ref.root != nil && !seen[ref] {
			seen[ref] = true
			out = append(out, LoopRef{Root: ref.root, Path: ref.path})
		}
	}
	for _, ref := range p.always {
		add(ref)
	}
	if len(p.contexts) > 0 {
	refs:
		for _, ref := range p.contexts[0] {
			for _, c := range p.contexts[1:] {
				if !c.has(ref) {
					continue refs
				}
			}
			add(ref)
		}
	}
	return out
}
