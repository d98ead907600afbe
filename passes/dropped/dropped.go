package dropped

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/futurelint/futurelint/internal/engine"
)

//go:embed doc.go
var doc string

const name = "dropped"

// Analyzer reports futures and tasks that nobody keeps.
// Doc is its documentation, parsed from doc.go.
var Analyzer, Doc = engine.NewRule(name, doc, run)

// Severity is the rule's severity: the docs are generated from it.
var Severity = engine.Levels{Usual: engine.Warning}

func run(pass *analysis.Pass, res *engine.Result) error {
	quiet := engine.Quieted(pass, res)
	var found []analysis.Diagnostic
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt, *ast.DeferStmt:
				return false // their calls' results are discarded by the statement itself
			case *ast.ExprStmt:
				if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					if typ := futureResult(res, call, -1); typ != nil && !quiet[call.Lparen] {
						found = append(found, diagnostic(res, call, typ, "is discarded"))
					}
				}
			case *ast.AssignStmt:
				found = append(found, blanks(res, quiet, n.Lhs, n.Rhs)...)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				found = append(found, blanks(res, quiet, lhs, n.Values)...)
			}
			return true
		})
	}
	var all []engine.Finding
	for _, d := range found {
		all = append(all, engine.Finding{Diagnostic: d, Severity: Severity.Usual})
	}
	engine.NewReporter(pass, name).ReportAll(all)
	return nil
}

// blanks reports the futures assigned to _: _ = f(), or the future's place
// in _, err := f() or a, _ := f(), g().
func blanks(res *engine.Result, quiet map[token.Pos]bool, lhs, rhs []ast.Expr) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	blank := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && id.Name == "_"
	}
	check := func(e ast.Expr, index int) {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || quiet[call.Lparen] {
			return
		}
		if typ := futureResult(res, call, index); typ != nil {
			out = append(out, diagnostic(res, call, typ, "is assigned to _"))
		}
	}
	switch {
	case len(rhs) == 1 && len(lhs) > 1:
		for i, l := range lhs {
			if blank(l) {
				check(rhs[0], i)
			}
		}
	case len(lhs) == len(rhs):
		for i, l := range lhs {
			if blank(l) {
				check(rhs[i], -1)
			}
		}
	}
	return out
}

// futureResult returns the type of call's future result when it is a
// future or a task: its only result (index -1), or result index of a
// multi-value call; nil otherwise, and for conversions, getters of a
// future held elsewhere, results that are futures only by instantiation (T
// of futures.Run).
func futureResult(res *engine.Result, call *ast.CallExpr, index int) types.Type {
	info := res.Pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return nil // a conversion
	}
	if keptByCallee(res, call) {
		return nil
	}
	t := info.TypeOf(call)
	var declared types.Type // the result as the callee declares it
	if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
		if row := res.Roles.Lookup(fn); row != nil && row.FutureOf {
			return nil // the future of a promise: the promise holds it
		}
		if sig, ok := fn.Origin().Type().(*types.Signature); ok {
			declared = sig.Results()
			if declared.(*types.Tuple).Len() == 1 {
				declared = declared.(*types.Tuple).At(0).Type()
			}
		}
	}
	if t == nil {
		return nil
	}
	at := func(t types.Type, i int) types.Type {
		if tuple, ok := t.(*types.Tuple); ok {
			if i < tuple.Len() {
				return tuple.At(i).Type()
			}
			return nil
		}
		if i == 0 {
			return t
		}
		return nil
	}
	n := 1
	if tuple, ok := t.(*types.Tuple); ok {
		n = tuple.Len()
	}
	for i := 0; i < n; i++ {
		if index >= 0 && i != index {
			continue
		}
		r := at(t, i)
		if r == nil || !res.Roles.IsFuture(r) {
			continue
		}
		if declared != nil {
			if d := at(declared, i); d == nil || !res.Roles.IsFuture(d) {
				continue // a type parameter instantiated with a future
			}
		}
		return r
	}
	return nil
}
