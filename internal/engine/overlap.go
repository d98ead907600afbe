package engine

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Overlap is a kind of site that two rules both see: Reports reports it,
// Quiet does not. Each finding is reported once, by the most specific
// rule.
type Overlap struct {
	Site    string // what the site is
	Reports string // the rule that reports it
	Quiet   string // the rule that stays quiet there
	// Needs are the analyzers sites reads the results of besides
	// Analyzer: the rule Quiet requires them.
	Needs []*analysis.Analyzer
	// sites returns the positions of the sites in pass's package, as Quiet
	// reports them: the operation's Pos for loopblock, the call's opening
	// parenthesis for dropped.
	sites func(pass *analysis.Pass, r *Result) []token.Pos
}

// Overlaps is where two rules see the same site, and which one reports
// it. No rule looks at another's findings: each asks Quieted for the
// sites this table takes from it.
var Overlaps = []Overlap{
	{
		Site:    "a wait for work submitted thread-safely to the loop the code runs on (Op.Submit)",
		Reports: "selfsubmit",
		Quiet:   "loopblock",
		Needs:   []*analysis.Analyzer{Blocking},
		sites: func(pass *analysis.Pass, r *Result) []token.Pos {
			var out []token.Pos
			b := pass.ResultOf[Blocking].(*Blocks)
			for _, fn := range r.LoopFuncs() {
				for _, op := range b.Ops(fn) {
					if op.Submit != nil {
						out = append(out, op.Pos)
					}
				}
			}
			return out
		},
	},
	{
		Site:    "the future of a thread-safe submit to the current loop, discarded (SelfSubmitCalls)",
		Reports: "selfsubmit",
		Quiet:   "dropped",
		sites: inLoopCode(func(r *Result, fn *ssa.Function, out []token.Pos) []token.Pos {
			for _, s := range r.SelfSubmitCalls(fn) {
				out = append(out, code.CallPos(s.Call))
			}
			return out
		}),
	},
	{
		Site:    "the future of a loop-only call made off the loop, discarded (OffLoopUses)",
		Reports: "offloop",
		Quiet:   "dropped",
		Needs:   []*analysis.Analyzer{OffLoop},
		sites: func(pass *analysis.Pass, _ *Result) []token.Pos {
			var out []token.Pos
			for _, u := range pass.ResultOf[OffLoop].(OffLoopUses) {
				if u.Row != nil {
					out = append(out, code.CallPos(u.Call))
				}
			}
			return out
		},
	},
	{
		Site:    "a future of a future, discarded: the nesting is the mistake (a coroutine or job returning a future)",
		Reports: "unwrapped",
		Quiet:   "dropped",
		sites:   nestedFutureCalls,
	},
}

// nestedFutureCalls returns the calls of pass's package whose result, or
// one of whose results, is a future or task of a future or task.
func nestedFutureCalls(pass *analysis.Pass, r *Result) []token.Pos {
	var out []token.Pos
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && nestsFuture(r.Roles, pass.TypesInfo.TypeOf(call)) {
				out = append(out, call.Lparen)
			}
			return true
		})
	}
	return out
}

// nestsFuture reports whether t, or one of the results of tuple t, is a
// future or task whose type argument is a future or task.
func nestsFuture(table *roles.Table, t types.Type) bool {
	if tuple, ok := t.(*types.Tuple); ok {
		for i := range tuple.Len() {
			if nestsFuture(table, tuple.At(i).Type()) {
				return true
			}
		}
		return false
	}
	if !futureOrTask(table, t) {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs() == nil {
		return false
	}
	for i := range n.TypeArgs().Len() {
		if futureOrTask(table, n.TypeArgs().At(i)) {
			return true
		}
	}
	return false
}

// futureOrTask reports whether t is a pointer to an executor future or a
// loop task.
func futureOrTask(table *roles.Table, t types.Type) bool {
	if _, ok := t.Underlying().(*types.Pointer); !ok {
		return false
	}
	return table.Is(t, roles.ExecutorFuture) || table.Is(t, roles.LoopTask)
}

// inLoopCode returns the sites that add appends for each function of the
// package's loop code.
func inLoopCode(add func(r *Result, fn *ssa.Function, out []token.Pos) []token.Pos) func(*analysis.Pass, *Result) []token.Pos {
	return func(_ *analysis.Pass, r *Result) []token.Pos {
		var out []token.Pos
		for _, fn := range r.LoopFuncs() {
			out = add(r, fn, out)
		}
		return out
	}
}

// Quieted returns the sites where the rule of pass stays quiet because the
// Overlaps table gives them to another rule.
func Quieted(pass *analysis.Pass, r *Result) map[token.Pos]bool {
	quiet := map[token.Pos]bool{}
	for _, o := range Overlaps {
		if o.Quiet == pass.Analyzer.Name {
			for _, pos := range o.sites(pass, r) {
				quiet[pos] = true
			}
		}
	}
	return quiet
}

// overlapNeeds returns what the rule name must require for Quieted.
func overlapNeeds(name string) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, o := range Overlaps {
		if o.Quiet == name {
			out = append(out, o.Needs...)
		}
	}
	return out
}
