package dropped

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// diagnostic reports the dropped future of call, of type typ.
func diagnostic(res *engine.Result, call *ast.CallExpr, typ types.Type, how string) analysis.Diagnostic {
	pos, end := res.CallSpan(call.Lparen)
	return analysis.Diagnostic{Pos: pos, End: end, Message: message(res, call, typ, how)}
}

// message says what is lost and what to write instead.
func message(res *engine.Result, call *ast.CallExpr, typ types.Type, how string) string {
	callee := res.Source(ast.Unparen(call.Fun))
	name := types.TypeString(typ, func(p *types.Package) string { return p.Name() })
	keep := "keep it and take its outcome: wait for its result, or register a completion callback that handles the error"
	if res.Roles.Is(typ, roles.LoopTask) {
		keep = "keep it and take its outcome on the loop: await it in a coroutine, or continue in its Then callback, and handle the error there"
	}
	return fmt.Sprintf("the %s that %s returns %s: an error or a panic in its work is lost, and nobody can wait for the work or cancel it; %s", name, callee, how, keep)
}
