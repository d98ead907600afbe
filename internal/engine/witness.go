package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
)

// A function that may block in several ways names one of them as its
// witness. Both summaries (blocking.go from SSA, astsummary.go from syntax)
// choose it the same way, with choose:
//
//   - a way no ignore directive silences before one that one does: an
//     ignored wait is the author's, the other is the finding's;
//   - then a wait that certainly happens before one that may not: a
//     chain whose every step lies on every path through its function
//     but its error exits (certainIn, errexit.go) really waits each time
//     the function is called and does not fail first, where a shorter
//     chain through an if may never run;
//   - then the one found first: the shortest chain, and among those the
//     first in source order.

// way is one way a function may block: the summary it makes, and the rules
// that reasoned //futurelint:ignore directives silence along it (at its
// first step, or all along the callee's ways).
type way struct {
	fact  *BlocksFact
	quiet []string
}

// rank orders ways: unsilenced first, then certain.
func (w way) rank() int {
	n := 0
	if len(w.quiet) == 0 {
		n += 2
	}
	if w.fact.Certain {
		n++
	}
	return n
}

// choose returns the summary of a function that may block in ways (nil if
// there are none): the best-ranked way, keeping the witness of old (the
// summary of the last round) among equals, so that a chain found in an
// earlier round, a shorter one, stays. Its Silenced are the rules silenced
// on every way.
func choose(ways []way, old *BlocksFact) *BlocksFact {
	if len(ways) == 0 {
		return nil
	}
	best := -1
	for i, w := range ways {
		switch {
		case best < 0 || w.rank() > ways[best].rank():
			best = i
		case w.rank() == ways[best].rank() && old != nil && sameStart(w.fact, old) && !sameStart(ways[best].fact, old):
			best = i
		}
	}
	f := *ways[best].fact
	f.Silenced = slices.Clone(ways[0].quiet)
	for _, w := range ways[1:] {
		f.Silenced = slices.DeleteFunc(f.Silenced, func(rule string) bool { return !slices.Contains(w.quiet, rule) })
	}
	if len(f.Silenced) == 0 {
		f.Silenced = nil
	}
	return &f
}

// maxRounds bounds the rounds of a summary over n functions. A chain
// grows by a call a round, and a function's witness changes only for a
// better one; the bound keeps a change in a cycle of calls from going
// round for ever.
func maxRounds(n int) int { return 4*n + 4 }

// sameStart reports whether two summaries start with the same step.
func sameStart(a, b *BlocksFact) bool {
	return len(a.Chain) > 0 && len(b.Chain) > 0 && a.Chain[0] == b.Chain[0]
}

// sameSummary reports whether two summaries say the same.
func sameSummary(a, b *BlocksFact) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Kind == b.Kind && a.Pkg == b.Pkg && a.Loop == b.Loop && a.Certain == b.Certain &&
		slices.Equal(a.Chain, b.Chain) && slices.Equal(a.Silenced, b.Silenced)
}

// through is the way of a call at pos, whose step is what, of a function
// summarised by f: the chain goes on with f's, certain when the call is
// and f's chain is, silenced for the rules directives name at the call
// and those f is silenced for.
func through(f *BlocksFact, step Step, certain bool, quiet []string) way {
	chain := append([]Step{step}, f.Chain...)
	return way{
		fact:  &BlocksFact{Kind: f.Kind, Chain: chain, Pkg: f.Pkg, Loop: f.Loop, Certain: certain && f.Certain},
		quiet: union(quiet, f.Silenced),
	}
}

// union returns the rules in a or b, sorted.
func union(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}

// silencedAt returns the rules that reasoned ignore directives name on the
// line of pos or the line above: the lines a finding there is silenced
// from.
func (r summarizer) silencedAt(pos token.Pos) []string {
	if len(r.ignores) == 0 || !pos.IsValid() {
		return nil
	}
	p := r.Pass.Fset.Position(pos)
	return union(r.ignores[lineKey{p.Filename, p.Line}], r.ignores[lineKey{p.Filename, p.Line - 1}])
}

// funcSyntax returns fn's declaration or literal, or nil.
func funcSyntax(fn *ssa.Function) ast.Node {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		return s
	}
	return nil
}

// certainIn reports whether the code at pos, in fn (a *ast.FuncDecl or
// *ast.FuncLit), runs on every path through fn that ends normally: it is
// not inside a branch, a loop body (but for the first round of a for loop
// without a condition, before anything that may break out of it), a case, a function literal not called
// in place, or the right operand of && or ||, and no statement before it
// may return first, but for an error exit (errorExit: if err != nil {
// return err }, if !ok { return fmt.Errorf(...) }): the wait happens
// unless something failed first, the near-certainty Go's error handling
// allows. The syntax says it the same for both summaries; an infinite
// loop, a panic or a log.Fatal before pos does not count as a way out.
func certainIn(info *types.Info, fn ast.Node, pos token.Pos) bool {
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	if body == nil || !within(body, pos) {
		return false
	}
	return certainty{info: info, sig: signature(info, fn)}.inList(body.List, pos)
}

// certainty is certainIn's walk of one function.
type certainty struct {
	info   *types.Info
	sig    *types.Signature // of the function, to tell its error exits
	inLoop bool             // in the first round of a for loop without a condition, which a break or continue leaves too
}

func (c certainty) inList(list []ast.Stmt, pos token.Pos) bool {
	for _, s := range list {
		if within(s, pos) {
			return c.inStmt(s, pos)
		}
		if s.Pos() > pos {
			break
		}
		if c.inLoop && branches(s) || mayLeave(s) && !c.errorExit(s) {
			return false
		}
	}
	return false
}

func (c certainty) inStmt(s ast.Stmt, pos token.Pos) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return c.inList(s.List, pos)
	case *ast.LabeledStmt:
		return c.inStmt(s.Stmt, pos)
	case *ast.IfStmt:
		if s.Init != nil && within(s.Init, pos) {
			return c.inStmt(s.Init, pos)
		}
		return within(s.Cond, pos) && c.inNode(s.Cond, pos)
	case *ast.ForStmt:
		if s.Init != nil && within(s.Init, pos) {
			return c.inStmt(s.Init, pos)
		}
		if s.Cond == nil && within(s.Body, pos) {
			// for { ... }: the first round runs up to what may leave it.
			c.inLoop = true
			return c.inList(s.Body.List, pos)
		}
		return s.Cond != nil && within(s.Cond, pos) && c.inNode(s.Cond, pos) // evaluated at least once
	case *ast.RangeStmt:
		// The range expression, and for a channel the first receive
		// (at For), happen before the body.
		return pos < s.Body.Pos() && (!within(s.X, pos) || c.inNode(s.X, pos))
	case *ast.SwitchStmt:
		if s.Init != nil && within(s.Init, pos) {
			return c.inStmt(s.Init, pos)
		}
		return s.Tag != nil && within(s.Tag, pos) && c.inNode(s.Tag, pos)
	case *ast.TypeSwitchStmt:
		if s.Init != nil && within(s.Init, pos) {
			return c.inStmt(s.Init, pos)
		}
		return within(s.Assign, pos) && c.inStmt(s.Assign, pos)
	case *ast.SelectStmt:
		// The select itself; its cases' communications are its own, their
		// bodies may not run.
		return pos == s.Select
	case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.SendStmt, *ast.IncDecStmt,
		*ast.DeferStmt, *ast.GoStmt, *ast.ReturnStmt:
		return c.inNode(s, pos)
	}
	return false
}

// inNode reports whether pos, within n, an expression or a simple
// statement reached on every path, is evaluated whenever n is.
func (c certainty) inNode(n ast.Node, pos token.Pos) bool {
	certain := true
	ast.Inspect(n, func(m ast.Node) bool {
		if m == nil || !certain || !within(m, pos) {
			return false
		}
		switch m := m.(type) {
		case *ast.BinaryExpr:
			if (m.Op == token.LAND || m.Op == token.LOR) && within(m.Y, pos) {
				certain = false
			}
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(m.Fun).(*ast.FuncLit); ok && within(lit, pos) {
				// Called in place: its body runs here.
				certain = certainIn(c.info, lit, pos)
				return false
			}
		case *ast.FuncLit:
			certain = false // runs when called, which is not here
		}
		return certain
	})
	return certain
}

// mayLeave reports whether s may end the function (a return, or a goto
// that may skip what follows), outside function literals.
func mayLeave(s ast.Stmt) bool {
	return code.Holds(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			return n.Tok == token.GOTO
		}
		return false
	})
}

// within reports whether pos lies in n.
func within(n ast.Node, pos token.Pos) bool { return n != nil && n.Pos() <= pos && pos < n.End() }
