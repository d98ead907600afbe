package code

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// How messages and witness chains name functions, in one place: as people
// write them (roles.Describe: pkg.F, (*pkg.T).M), without the package
// qualifier for functions of the package being analysed. A call as the
// source spells it is the engine's Written(ci).Callee().

// CallName names what a call calls, as people write it: (*futures.Loop).CallSoon
// for another package's method, (*T).m for one of this package, "a function
// value" for a dynamic call.
func CallName(pass *analysis.Pass, call *ssa.CallCommon) string {
	if call.IsInvoke() {
		return roles.Describe(call.Method)
	}
	if callee := call.StaticCallee(); callee != nil {
		return CalleeName(pass, callee)
	}
	return "a function value"
}

// CalleeName names a callee for messages: (*futures.Loop).CallSoon, after.
func CalleeName(pass *analysis.Pass, fn *ssa.Function) string {
	if obj := FuncObj(fn); obj != nil {
		return FuncName(pass, obj)
	}
	return fn.Name()
}

// localName names a function of the current package without qualifier.
func localName(obj *types.Func) string {
	d := roles.Describe(obj)
	prefix := obj.Pkg().Name() + "."
	return strings.Replace(d, prefix, "", 1)
}

// FuncName names a declared function: unqualified in this package.
func FuncName(pass *analysis.Pass, fn *types.Func) string {
	if fn.Pkg() == pass.Pkg {
		return localName(fn)
	}
	return roles.Describe(fn)
}

// FuncObj is the declared function of a callee, through instantiation to
// the generic origin; nil for closures, wrappers and thunks.
func FuncObj(fn *ssa.Function) *types.Func {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Parent() != nil {
		return nil
	}
	switch fn.Synthetic {
	case "", "from type information", "from type information (on demand)":
	default:
		return nil
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return nil
	}
	return obj.Origin()
}

// IsFunc reports whether t is a function type (its underlying type is a
// signature): a value of it can be called, stored and handed on.
func IsFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
