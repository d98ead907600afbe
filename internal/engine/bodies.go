package engine

import (
	"go/ast"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/inferred"
)

// placeLoopBodies makes loop code of what the loops inferred in the
// package run themselves: the function running each (its drain, see
// loopBody), and the function literals the package sends to its queues.
// The go statement starting a loop's function does not put it off the
// loop: it is the loop.
func (r placer) placeLoopBodies() {
	if len(r.bodies) == 0 {
		return
	}
	for _, fn := range r.Funcs {
		b := r.bodies.runBy(fn)
		if b == nil {
			continue
		}
		p := r.places[fn]
		if b.Func == fn.Syntax() {
			p.Reason, p.Pos = "it runs "+b.Name, fn.Pos()
		} else {
			p.Reason, p.Pos = "it is sent to the queue of "+b.Name+" at "+code.Where(r.Pass, fn.Pos())+", which runs it", fn.Pos()
		}
		p.Loop, p.OffLoop, p.Parent, p.Kept = true, false, nil, true
		p.always = append(p.always, r.processRef(b.Via))
	}
}

func isSent(b *inferred.Body, n ast.Node) bool {
	for _, lit := range b.Sent {
		if lit == n {
			return true
		}
	}
	return false
}

// loopBodies are what the loops inferred in a package run.
type loopBodies []inferred.Body

// runBy is the inferred loop that runs fn as its own function or as a
// function literal its package sends to its queue, or nil.
func (bodies loopBodies) runBy(fn *ssa.Function) *inferred.Body {
	syntax := fn.Syntax()
	for i := range bodies {
		if b := &bodies[i]; syntax != nil && (b.Func == syntax || isSent(b, syntax)) {
			return b
		}
	}
	return nil
}

// loopBody is the inferred loop fn runs itself, or nil.
func (bodies loopBodies) loopBody(fn *ssa.Function) *inferred.Body {
	if len(bodies) == 0 {
		return nil
	}
	for i := range bodies {
		if bodies[i].Func == fn.Syntax() {
			return &bodies[i]
		}
	}
	return nil
}

// inLoopBody drops, from the operations of fn that runs an inferred loop,
// the loop's own receives taking work, which are the loop waiting for
// work, not blocking it, and those outside the for statements draining its
// queues (setting up and tearing down the loop), but for deadlocks: there
// the loop does not serve at all.
func (bodies loopBodies) inLoopBody(fn *ssa.Function, ops []*Op) []*Op {
	b := bodies.loopBody(fn)
	if b == nil {
		return ops
	}
	out := ops[:0]
	for _, op := range ops {
		if !inferred.Has(b.Takes, op.Pos) && (op.Deadlock != nil || inferred.Has(b.Loops, op.Pos)) {
			out = append(out, op)
		}
	}
	return out
}
