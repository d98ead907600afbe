package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/inferred"
	"github.com/futurelint/futurelint/internal/roles"
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

// selfSends returns the sends of loop code fn to an unbuffered queue of
// the inferred loop it runs on: only that loop takes from the queue, and
// it is busy running fn, so the send never returns, whether or not it
// sits behind a condition. A send from a goroutine fn starts, or to a
// buffered queue, is not one.
func (r summarizer) selfSends(fn *ssa.Function) []*Op {
	p := r.places[fn]
	if p == nil || !p.Loop || p.OffLoop {
		return nil
	}
	var ops []*Op
	for i := range r.bodies {
		b := &r.bodies[i]
		if len(b.Unbuffered) == 0 || !r.isCurrentRef(p, r.processRef(b.Via)) {
			continue
		}
		for _, blk := range fn.Blocks {
			for _, instr := range blk.Instrs {
				send, ok := instr.(*ssa.Send)
				if !ok || !slices.Contains(b.Unbuffered, queueOf(send.Chan)) || !(valueOf{r.placer}).onOwnValue(fn, b.Via, queueHolder(send.Chan)) {
					continue
				}
				what, conditional := "a send to its queue", false
				if s, stack := sendAt(r.Pass, send.Pos()); s != nil {
					what, conditional = "a send to "+types.ExprString(s.Chan), underCondition(stack)
				}
				op := &Op{Fn: fn, Instr: send, Pos: send.Pos(), Kind: roles.BlockLoopServe, What: what}
				if conditional {
					op.What += ", which only this loop takes from," // a warning: it deadlocks when taken
				} else {
					op.Deadlock = &Reason{Kind: SendsOwnQueue}
				}
				ops = append(ops, op)
			}
		}
	}
	return ops
}

// queueOf is the struct field or package-level variable a channel value
// was loaded from (s.jobs, jobs), or nil.
func queueOf(v ssa.Value) types.Object {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	switch x := load.X.(type) {
	case *ssa.Global:
		return x.Object()
	case *ssa.FieldAddr:
		return fieldObj(x)
	}
	return nil
}

// sendAt is the send statement whose arrow is at pos, with the nodes
// enclosing it; nil if none.
func sendAt(pass *analysis.Pass, pos token.Pos) (*ast.SendStmt, []ast.Node) {
	var found *ast.SendStmt
	var path []ast.Node
	if f := code.File(pass, pos); f != nil {
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			if s, ok := n.(*ast.SendStmt); ok && s.Arrow == pos {
				found, path = s, stack
			}
			return found == nil && n.Pos() <= pos && pos < n.End()
		})
	}
	return found, path
}

// underCondition reports whether the innermost function of stack runs
// its last node only when an if or switch says so: a send taken only
// sometimes. A select's cases are the work the loop takes, not a
// condition.
func underCondition(stack []ast.Node) bool {
	return code.InFunc(stack, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.IfStmt, *ast.CaseClause:
			return true
		}
		return false
	})
}
