package engine

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// freshDepth bounds how deep helpers that return a fresh widget are followed.
const freshDepth = 2

// widgets answers offloop's question of whether a widget a goroutine calls
// is its own: made by it and not yet handed on.
type widgets struct{ *Result }

// freshWidget reports whether loop-only call ci (row its row) is a method
// of a loop-owned widget that the calling code made itself and has handed
// nowhere yet: a constructor of the widget's package (tview.NewTreeNode),
// or a helper of the package that returns such a widget unshared, made in
// ci's function, with no use of it that lets another goroutine reach it
// (attaching it to another widget, storing it, capturing it) able to run
// before ci with the same widget. Only this goroutine can reach it: setting
// it up before attaching it races with nothing; after, it does.
func (r widgets) freshWidget(ci ssa.CallInstruction, row *roles.Func) bool {
	if row == nil || ci.Common().Signature().Recv() == nil {
		return false
	}
	if ty := r.Roles.OwnedType(row.Pkg, row.Recv); ty == nil || !ty.Unshared {
		return false
	}
	made := r.madeWidget(Arg(ci.Common(), 0), row.Pkg, 0)
	if made == nil || made.Parent() != ci.Parent() {
		return false
	}
	for _, e := range r.widgetEscapes(made) {
		if sameValueAfter(e, ci, made) {
			return false
		}
	}
	return true
}

// madeWidget returns the call that made widget v, in v's function: a
// constructor (New*) of package pkg, or a helper of the package that
// returns a fresh widget; through embedded fields (a TextView's Box) and
// setters that return their receiver. Nil for anything else.
func (r widgets) madeWidget(v ssa.Value, pkg string, depth int) *ssa.Call {
	for i := 0; i < 16; i++ {
		switch x := v.(type) {
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); !ok || x.Op != token.MUL || !embeddedField(fa) {
				return nil
			}
			v = x.X
		case *ssa.FieldAddr:
			if !embeddedField(x) {
				return nil
			}
			v = x.X
		case *ssa.Call:
			if r.returnsReceiver(x) {
				v = Arg(&x.Call, 0)
				continue
			}
			if r.constructs(x, pkg, depth) {
				return x
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// constructs reports whether call c returns a widget nobody else holds: a
// New* function of the widget's package pkg, or a function of this
// package whose every return is one it made and handed nowhere else.
func (r widgets) constructs(c *ssa.Call, pkg string, depth int) bool {
	callee := c.Call.StaticCallee()
	if callee == nil || callee.Signature.Recv() != nil || callee.Object() == nil || callee.Object().Pkg() == nil {
		return false
	}
	if callee.Object().Pkg().Path() == pkg {
		return strings.HasPrefix(callee.Name(), "New")
	}
	if callee.Pkg != r.SSA || callee.Parent() != nil || depth >= freshDepth || len(callee.Blocks) == 0 || callee.Signature.Results().Len() != 1 {
		return false
	}
	returns := 0
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		returns++
		made := r.madeWidget(ret.Results[0], pkg, depth+1)
		if made == nil || made.Parent() != callee {
			return false
		}
		for _, e := range r.widgetEscapes(made) {
			if _, ok := e.(*ssa.Return); !ok {
				return false
			}
		}
	}
	return returns > 0
}

// returnsReceiver reports whether c is a loop-only method (a widget's
// setter) that returns its receiver's type: tview's setters return the
// widget they set, for chaining.
func (r widgets) returnsReceiver(c *ssa.Call) bool {
	row := r.Role(&c.Call)
	sig := c.Call.Signature()
	if row == nil || !row.LoopOnly || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), sig.Recv().Type())
}

// widgetEscapes returns the uses of widget made that may let another
// goroutine reach it: every use but as the receiver of a method call (and
// of the widget a chained setter returns, or an embedded field of it).
func (r widgets) widgetEscapes(made *ssa.Call) []ssa.Instruction {
	var out []ssa.Instruction
	seen := map[ssa.Value]bool{}
	aliases := []ssa.Value{made}
	for len(aliases) > 0 {
		v := aliases[len(aliases)-1]
		aliases = aliases[:len(aliases)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		for _, u := range *v.Referrers() {
			switch u := u.(type) {
			case *ssa.DebugRef:
				continue
			case *ssa.FieldAddr:
				if embeddedField(u) {
					aliases = append(aliases, u)
					continue
				}
			case *ssa.UnOp:
				if _, ok := v.(*ssa.FieldAddr); ok && u.Op == token.MUL {
					aliases = append(aliases, u)
					continue
				}
			case *ssa.Call:
				if onlyReceiver(&u.Call, v) {
					if r.returnsReceiver(u) {
						aliases = append(aliases, u)
					}
					continue
				}
			}
			out = append(out, u)
		}
	}
	return out
}

// onlyReceiver reports whether static method call c uses v only as its
// receiver.
func onlyReceiver(c *ssa.CallCommon, v ssa.Value) bool {
	if c.IsInvoke() || c.Signature().Recv() == nil || len(c.Args) == 0 || c.Args[0] != v {
		return false
	}
	for _, a := range c.Args[1:] {
		if a == v {
			return false
		}
	}
	return true
}

// embeddedField reports whether fa addresses an embedded field (a
// TextView's Box): the same widget, as its methods see it.
func embeddedField(fa *ssa.FieldAddr) bool {
	f := fieldVar(fa.X.Type(), fa.Field)
	return f != nil && f.Embedded()
}

// sameValueAfter reports whether instr may run after at while def, which
// both use, still holds the value at saw: instr follows at in its block, or
// a path from at reaches instr without running def again (a loop that
// makes a new widget each round).
func sameValueAfter(at, instr ssa.Instruction, def ssa.Instruction) bool {
	if at.Block() == instr.Block() && !precedes(instr, at) {
		return true
	}
	seen := map[*ssa.BasicBlock]bool{}
	blocks := append([]*ssa.BasicBlock(nil), at.Block().Succs...)
	for len(blocks) > 0 {
		b := blocks[len(blocks)-1]
		blocks = blocks[:len(blocks)-1]
		if seen[b] || b == def.Block() {
			continue
		}
		if b == instr.Block() {
			return true
		}
		seen[b] = true
		blocks = append(blocks, b.Succs...)
	}
	return false
}

// precedes reports whether a comes before b in their block.
func precedes(a, b ssa.Instruction) bool {
	for _, in := range a.Block().Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}
