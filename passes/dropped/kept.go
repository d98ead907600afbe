package dropped

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/engine"
)

// keptByCallee reports whether call is to a function of this package that
// keeps every future it returns somewhere else too (a cache, a field, a
// registry) or returns one it keeps already: dropping the result drops no
// future (c.prefetch(k), which fills c.cache, called for its effect).
func keptByCallee(res *engine.Result, call *ast.CallExpr) bool {
	obj, ok := typeutil.Callee(res.Pass.TypesInfo, call).(*types.Func)
	if !ok || obj.Pkg() != res.Pass.Pkg {
		return false
	}
	fn := res.SSA.Prog.FuncValue(obj.Origin())
	if fn == nil || len(fn.Blocks) == 0 {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ret, ok := instr.(*ssa.Return)
			if !ok {
				continue
			}
			for _, v := range ret.Results {
				if !res.Roles.IsFuture(v.Type()) {
					continue
				}
				returns++
				if !heldElsewhere(v, 0) {
					return false
				}
			}
		}
	}
	return returns > 0
}

// heldElsewhere reports whether the future v is stored outside the
// function's locals, or was loaded from such storage.
func heldElsewhere(v ssa.Value, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return true // nil: no future
	case *ssa.UnOp:
		if v.Op == token.MUL {
			switch v.X.(type) {
			case *ssa.FieldAddr, *ssa.Global, *ssa.IndexAddr:
				return true
			}
		}
	case *ssa.Lookup:
		return true
	case *ssa.Extract:
		if _, ok := v.Tuple.(*ssa.Lookup); ok {
			return true
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !heldElsewhere(e, depth+1) {
				return false
			}
		}
		return true
	}
	for _, u := range *v.Referrers() {
		switch u := u.(type) {
		case *ssa.Store:
			if u.Val == v {
				switch u.Addr.(type) {
				case *ssa.FieldAddr, *ssa.Global, *ssa.IndexAddr:
					return true
				}
			}
		case *ssa.MapUpdate:
			if u.Value == v {
				return true
			}
		}
	}
	return false
}
