package inferred

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/futurelint/futurelint/internal/roles"
)

// Fact is a package fact: the loops a package runs, with the rows of its
// posts and invokes, so that its importers see them as a library's rows.
type Fact struct {
	Loops []Loop
}

// Loop is one inferred loop.
type Loop struct {
	// Name is how findings call it: the function running it and the
	// channel it drains, "(*EventLoop).serve draining e.jobs".
	Name string
	// Via tells it apart from every other loop (its package path and
	// name): the roles.FuncArg.Via of its rows and its library's path.
	Via   string
	Funcs []roles.Func
	// Types are the Handler rows of the methods it hands what it
	// receives to (a dispatcher).
	Types []roles.Type
	// OnlyDrains says nobody waits on it: its rows are only its sends to
	// its unbuffered queue, which deadlock from its handlers.
	OnlyDrains bool
	// Owner is the named type ("path.Bus") whose fields are its queues:
	// each value of it runs a loop of its own. "" when a queue is a
	// package-level variable or a channel of the loop's own making.
	Owner string
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var names []string
	for _, l := range f.Loops {
		names = append(names, l.Name)
	}
	return "inferred loops: " + strings.Join(names, "; ")
}

// library is the roles library of l: its rows, worded with its name.
func (l *Loop) library() *roles.Library {
	w := roles.Words{Loop: l.Name, LoopGoroutine: "the goroutine of " + l.Name}
	if len(l.Types) > 0 {
		w.WaitCallback = "do the work here, directly: the loop is busy running this code"
	}
	return &roles.Library{
		Name:  l.Name,
		Paths: []string{l.Via},
		Words: w,
		Funcs: l.Funcs,
		Types: l.Types,

		OnlyDrains: l.OnlyDrains,
		Owner:      l.Owner,
	}
}

// Body is what an inferred loop runs in its own package: its function,
// whose for statements draining its queues are loop code (but for the
// receives with which the loop takes work: that is it waiting for work,
// not blocking), and the function literals the package sends to its
// queues, which only the loop runs.
type Body struct {
	Func  ast.Node // *ast.FuncDecl or *ast.FuncLit
	Loops []Span   // the for statements draining its queues
	Takes []Span   // the receives and selects taking work, within Loops
	Sent  []*ast.FuncLit
	// Unbuffered are its unbuffered queues (struct fields or package-level
	// variables): a send to one from its own code never returns.
	Unbuffered []types.Object
	// Queues are all its queues.
	Queues []types.Object
	Via    string // the loop's Via
	Name   string // the loop's Name
}

// Span is a source range [Pos, End).
type Span struct{ Pos, End token.Pos }

// Has reports whether pos is within one of spans.
func Has(spans []Span, pos token.Pos) bool {
	for _, s := range spans {
		if pos >= s.Pos && pos < s.End {
			return true
		}
	}
	return false
}
