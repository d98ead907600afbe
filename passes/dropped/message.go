package dropped

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// diagnostic reports the dropped future of call, of type typ.
func diagnostic(res *engine.Result, call *ast.CallExpr, typ types.Type, how string) analysis.Diagnostic {
	pos, end := code.CallSpan(res.Pass, call.Lparen)
	return analysis.Diagnostic{Pos: pos, End: end, Message: message(res, call, typ, how)}
}

// message says what is lost and what to write instead.
func message(res *engine.Result, call *ast.CallExpr, typ types.Type, how string) string {
	callee := code.Source(res.Pass, ast.Unparen(call.Fun))
	name := types.TypeString(typ, func(p *types.Package) string { return p.Name() })
	keep := "wait for it or take the error in a callback"
	if res.Roles.Is(typ, roles.LoopTask) {
		keep = "await it or take the error in its Then callback"
	}
	return fmt.Sprintf("the %s from %s %s: its error is lost; %s", name, callee, how, keep)
}
