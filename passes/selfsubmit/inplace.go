package selfsubmit

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/roles"
)

// runInPlace offers, for a submit that waits for its callback and is made
// from code already on that loop, to run the callback's body in place of
// the statement (the library's RunInPlace fix, as tview spells it):
//
//	app.QueueUpdate(func() { logs.Clear() })  ->  logs.Clear()
//
// Only where that is mechanical and compiles: the call is a statement of
// its own (its result unused, not deferred), the callback a function
// literal whose body has no return, defer or label (whose meaning would
// change) and declares nothing at its top level (which could clash with
// the enclosing scope).
func (sub *submit) runInPlace() []analysis.SuggestedFix {
	fix, _, ok := sub.res.Fix(sub.fn, sub.s.Row, sub.pos, roles.RunInPlace)
	if !ok {
		return nil
	}
	stmt, isExpr := sub.call.Stmt.(*ast.ExprStmt)
	if !isExpr || !sub.call.Statement() {
		return nil
	}
	lit, isLit := ast.Unparen(sub.call.Arg(sub.work.Arg)).(*ast.FuncLit)
	if !isLit || !inlinable(lit.Body) {
		return nil
	}
	body, ok := sub.text(lit.Body.Lbrace+1, lit.Body.Rbrace)
	if !ok {
		return nil
	}
	body = strings.TrimSpace(body)
	return []analysis.SuggestedFix{{
		Message:   fix.Message,
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(roles.Say(fix.Text, map[string]string{"body": body}))}},
	}}
}

// inlinable reports whether a function literal's body means the same in
// the enclosing block: no return, defer or labelled statement anywhere
// outside nested function literals, and no declaration at its top level.
func inlinable(body *ast.BlockStmt) bool {
	for _, s := range body.List {
		switch s := s.(type) {
		case *ast.DeclStmt:
			return false
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				return false
			}
		}
	}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.DeferStmt, *ast.LabeledStmt:
			ok = false
		}
		return ok
	})
	return ok
}

// text is the source between from and to, as the file has it.
func (sub *submit) text(from, to token.Pos) (string, bool) {
	tf := sub.res.Pass.Fset.File(from)
	if tf == nil {
		return "", false
	}
	src, err := sub.res.Pass.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	i, j := tf.Offset(from), tf.Offset(to)
	if i < 0 || j > len(src) || i > j {
		return "", false
	}
	return string(src[i:j]), true
}
