package engine

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/roles"
)

// How messages and witness chains name functions, in one place: as people
// write them (roles.Describe: pkg.F, (*pkg.T).M), without the package
// qualifier for functions of the package being analysed. A call as the
// source spells it is Written(ci).Callee().

// CallName names what a call calls, as people write it: (*futures.Loop).CallSoon
// for another package's method, (*T).m for one of this package, "a function
// value" for a dynamic call.
func (r *Result) CallName(call *ssa.CallCommon) string {
	if call.IsInvoke() {
		return roles.Describe(call.Method)
	}
	if callee := call.StaticCallee(); callee != nil {
		return r.CalleeName(callee)
	}
	return "a function value"
}

// CalleeName names a callee for messages: (*futures.Loop).CallSoon, after.
func (r *Result) CalleeName(fn *ssa.Function) string {
	if obj := funcObj(fn); obj != nil {
		return r.FuncName(obj)
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
func (r *Result) FuncName(fn *types.Func) string {
	if fn.Pkg() == r.Pass.Pkg {
		return localName(fn)
	}
	return roles.Describe(fn)
}
