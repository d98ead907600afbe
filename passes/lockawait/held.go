package lockawait

import (
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
)

// held maps each lock certainly held to the call that took it.
type held map[engine.LoopRef]ssa.CallInstruction

// meet keeps the locks held on both paths.
func meet(a, b held) held {
	out := held{}
	for k, v := range a {
		if _, ok := b[k]; ok {
			out[k] = v
		}
	}
	return out
}

func same(a, b held) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}

// suspendsHolding returns, for each lock acquisition of fn, the first call
// that may suspend the coroutine while the lock is held on every path to
// it: locked before and not yet unlocked (a deferred unlock releases only
// as fn returns). Locks are told apart by the engine's Ref of the mutex
// (s.mu, a captured mu).
func suspendsHolding(res *engine.Result, blk *engine.Blocks, fn *ssa.Function) []*finding {
	if len(fn.Blocks) == 0 {
		return nil
	}
	out := map[*ssa.BasicBlock]held{}
	first := map[ssa.CallInstruction]*finding{}
	for changed, round := true, 0; changed && round < 64; round++ {
		changed = false
		for _, b := range fn.Blocks {
			var h held
			if b.Index == 0 {
				h = held{}
			}
			for _, p := range b.Preds {
				if o, ok := out[p]; ok {
					if h == nil {
						h = o
					} else {
						h = meet(h, o)
					}
				}
			}
			if h == nil {
				continue // not reached yet
			}
			cur := held{}
			for k, v := range h {
				cur[k] = v
			}
			for _, instr := range b.Instrs {
				ci, ok := instr.(*ssa.Call)
				if !ok {
					continue // go statements run elsewhere; defers run as fn returns
				}
				common := ci.Common()
				if row := res.Role(common); row != nil && (row.Holds || row.Releases) {
					if mu := engine.Arg(common, 0); mu != nil {
						if row.Holds {
							cur[res.Ref(mu)] = ci
						} else {
							delete(cur, res.Ref(mu))
						}
					}
					continue
				}
				if len(cur) == 0 {
					continue
				}
				if f := blk.CallSuspends(common); f != nil {
					for _, lock := range cur {
						pos := code.CallPos(ci)
						if prev := first[lock]; prev == nil || engine.Before(res.Pass.Fset, pos, prev.pos) {
							first[lock] = &finding{pos: pos, suspend: ci, chain: f, lock: lock}
						}
					}
				}
			}
			if o, ok := out[b]; !ok || !same(o, cur) {
				out[b] = cur
				changed = true
			}
		}
	}
	var found []*finding
	for _, f := range first {
		found = append(found, f)
	}
	return found
}
