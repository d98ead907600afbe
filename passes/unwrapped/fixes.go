package unwrapped

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// wrapThenFix rewrites f.OnDone(cb) to futures.Wrap(l, f).Then(cb), the
// table's loop-side replacement (WrapThen) as the loop's library spells it,
// when the current loop has a name at the call. Then takes the same
// func(T, error) as OnDone and both return nothing, so the callback and the
// statement stay as they are: the fix edits around f, before it and from
// its end to the called name.
func wrapThenFix(res *engine.Result, fn *ssa.Function, ci ssa.CallInstruction, row *roles.Func) []analysis.SuggestedFix {
	if row.Instead != roles.WrapThen {
		return nil
	}
	pos := code.CallPos(ci)
	fix, pkg, ok := res.Fix(fn, row, pos, roles.WrapThen)
	if !ok || pkg != "" && !code.ResolvesTo(res.Pass, pkg, pos, func(obj types.Object) bool { _, ok := obj.(*types.PkgName); return ok }) {
		return nil
	}
	before, after, ok := strings.Cut(fix.Text, "{f}")
	if !ok {
		return nil
	}
	call := res.Written(ci).Call
	if call == nil || len(call.Args) != 1 {
		return nil
	}
	sel := code.MethodCall(res.Pass, call)
	if sel == nil {
		return nil
	}
	x := sel.X
	loop := loopExpr(res, fn, pos)
	if loop == "" {
		return nil
	}
	vars := map[string]string{"pkg": pkg, "l": loop}
	return []analysis.SuggestedFix{{
		Message: fix.Message,
		TextEdits: []analysis.TextEdit{
			{Pos: x.Pos(), End: x.Pos(), NewText: []byte(roles.Say(before, vars))},
			{Pos: x.End(), End: sel.Sel.End(), NewText: []byte(roles.Say(after, vars))},
		},
	}}
}

// loopExpr spells the loop that code at pos in fn runs on, as an
// expression in scope there, or returns "": c.Loop() in a coroutine, else
// a variable, parameter or field path (l, s.loop, c.Loop()) that the engine
// knows denotes the current loop.
func loopExpr(res *engine.Result, fn *ssa.Function, pos token.Pos) string {
	if l := res.MarkerLoop(fn, pos); l != "" {
		return l
	}
	for _, ref := range res.CurrentLoops(fn) {
		if strings.Contains(ref.Path, "?") {
			continue
		}
		if name := nameAt(res, ref.Root, pos); name != "" {
			return name + ref.Path
		}
	}
	return ""
}

// nameAt spells root, a parameter or variable, by the name that denotes it
// at pos, or returns "" (a temporary, or a name shadowed at pos).
func nameAt(res *engine.Result, root ssa.Value, pos token.Pos) string {
	switch v := root.(type) {
	case *ssa.Parameter:
		if obj := v.Object(); obj != nil && code.ResolvesTo(res.Pass, obj.Name(), pos, func(o types.Object) bool { return o == obj }) {
			return obj.Name()
		}
	case *ssa.Global:
		// A package-level variable of this package.
		if obj := v.Object(); obj != nil && obj.Pkg() == res.Pass.Pkg && code.ResolvesTo(res.Pass, obj.Name(), pos, func(o types.Object) bool { return o == obj }) {
			return obj.Name()
		}
	case *ssa.Alloc:
		// A variable: go/ssa names it in Comment and places it at its
		// declaration.
		decl := v.Pos()
		if decl.IsValid() && v.Comment != "" && code.ResolvesTo(res.Pass, v.Comment, pos, func(o types.Object) bool { return o.Pos() == decl }) {
			return v.Comment
		}
	}
	return ""
}
