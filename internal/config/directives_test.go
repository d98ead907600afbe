package config

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

const directiveLib = `package lib

// Loop is a loop.
//
//futurelint:loop
type Loop struct{}

//futurelint:loopcode
type Ctx struct{}

type (
	// Future is a value computed elsewhere.
	//
	//futurelint:future
	Future struct{}
)

// Post runs fn on l.
//
//futurelint:callback fn loop=l threadsafe
func (l *Loop) Post(fn func(*Ctx)) {}

//futurelint:coroutine co loop=new
//futurelint:blocks runs
func Run(co func(*Ctx)) {}

//futurelint:callback fn loop=c
//futurelint:loop-only
func (c *Ctx) Later(fn func(*Ctx)) {}

//futurelint:current-loop
func (c *Ctx) Loop() *Loop { return nil }

//futurelint:suspends
func Await(c *Ctx, f *Future) {}

//futurelint:blocks deadlock waits=f
func (f *Future) Wait() int { return 0 }

//futurelint:blocks timeout
func (f *Future) WaitFor(ms int) int { return 0 }

//futurelint:goroutine cb settled
func (f *Future) OnReady(cb func(int)) {}

//futurelint:wraps f loop=l
//futurelint:callback cb loop=l settled
func Adopt(l *Loop, f *Future, cb func(*Ctx, int)) {}

//futurelint:loopcode
func handler() {}

type Getter interface {
	// Get fetches.
	//
	//futurelint:blocks io
	Get(key string) int
}

//futurelint:ignore loopblock not a role, left alone
func quiet() {}
`

func TestDirectives(t *testing.T) {
	fset, f, pkg := check(t, directiveLib)
	d, err := ParseDirectives(fset, pkg.Path(), []*ast.File{f})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.LoopCode) != 1 || d.LoopCode[0].Name.Name != "handler" {
		t.Errorf("loop code %v, want [handler]", d.LoopCode)
	}
	lib, err := d.Library.Rows("directives", pkg)
	if err != nil {
		t.Fatal(err)
	}
	const P = "example.com/lib"
	wantTypes := []roles.Type{{Pkg: P, Name: "Loop", Role: roles.LoopType}, {Pkg: P, Name: "Ctx", Role: roles.Marker}, {Pkg: P, Name: "Future", Role: roles.ExecutorFuture}}
	if !reflect.DeepEqual(lib.Types, wantTypes) {
		t.Errorf("types %+v, want %+v", lib.Types, wantTypes)
	}
	a := roles.ArgAt
	want := []roles.Func{
		{Pkg: P, Recv: "Loop", Name: "Post", Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: a(1), Where: roles.OnLoop, Loop: a(0), Threadsafe: true}}}, Submitter: roles.Submitter{SubmitLoop: a(0)}},
		{Pkg: P, Name: "Run", Blocker: roles.Blocker{Block: roles.BlockLoopRun}, Scheduler: roles.Scheduler{NewLoop: true, Funcs: []roles.FuncArg{{Arg: a(0), Where: roles.Coroutine}}}},
		{Pkg: P, Recv: "Ctx", Name: "Later", LoopAPI: roles.LoopAPI{LoopOnly: true}, Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: a(1), Where: roles.OnLoop, Loop: a(0)}}}},
		{Pkg: P, Recv: "Ctx", Name: "Loop", LoopAPI: roles.LoopAPI{CurrentLoop: true}},
		{Pkg: P, Name: "Await", LoopAPI: roles.LoopAPI{Suspends: true}},
		{Pkg: P, Recv: "Future", Name: "Wait", Blocker: roles.Blocker{Block: roles.BlockFuture, Waits: a(0)}},
		{Pkg: P, Recv: "Future", Name: "WaitFor", Blocker: roles.Blocker{Block: roles.BlockStall}},
		{Pkg: P, Recv: "Future", Name: "OnReady", Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: a(1), Where: roles.OffLoop, AfterSettle: true}}}},
		{Pkg: P, Name: "Adopt", Executor: roles.Executor{WrapLoop: a(0), WrapFuture: a(1)}, Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: a(2), Where: roles.OnLoop, Loop: a(0), AfterSettle: true}}}},
		{Pkg: P, Recv: "Getter", Name: "Get", Blocker: roles.Blocker{Block: roles.BlockIO}},
	}
	if !reflect.DeepEqual(lib.Funcs, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", lib.Funcs, want)
	}
}

// A malformed or misplaced directive is an error at its position; every
// error of a package is reported.
func TestDirectiveErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"//futurelint:blocks forever\nfunc F() {}", `lib.go:3:1: //futurelint:blocks: unknown kind "forever"; usage: //futurelint:blocks [deadlock|timeout|io|sleep|sync|process|runs] [waits=P]`},
		{"//futurelint:blocks io sleep\nfunc F() {}", `lib.go:3:1: //futurelint:blocks: unexpected "sleep"`},
		{"//futurelint:blocks waits=f waits=g\nfunc F() {}", `lib.go:3:1: //futurelint:blocks: waits= given twice`},
		{"//futurelint:blocks wait=f\nfunc F() {}", `lib.go:3:1: //futurelint:blocks: unknown option wait=`},
		{"//futurelint:callback\nfunc F(fn func()) {}", `lib.go:3:1: //futurelint:callback: name the parameter holding the function`},
		{"//futurelint:callback fn loop=l.x\nfunc F(fn func()) {}", `lib.go:3:1: //futurelint:callback: "l.x" is not a parameter name`},
		{"//futurelint:callback fn threadsafe\nfunc F(fn func()) {}", `lib.go:3:1: //futurelint:callback: threadsafe needs loop`},
		{"//futurelint:goroutine fn loop=l\nfunc F(fn func(), l int) {}", `lib.go:3:1: //futurelint:goroutine: a goroutine runs on no loop: drop loop`},
		{"//futurelint:wraps f\nfunc F(f int) {}", `lib.go:3:1: //futurelint:wraps: name the loop the completion is delivered on with loop=`},
		{"//futurelint:loop-only now\nfunc F() {}", `lib.go:3:1: //futurelint:loop-only: unexpected "now"`},
		{"//futurelint:loopcode please\nfunc F() {}", `lib.go:3:1: //futurelint:loopcode takes no arguments`},
		{"//futurelint:blocking\nfunc F() {}", `lib.go:3:1: //futurelint:blocking: unknown directive`},
		{"//futurelint:future\nfunc F() {}", `lib.go:3:1: //futurelint:future applies to a type, not a function`},
		{"//futurelint:blocks\ntype T struct{}", `lib.go:3:1: //futurelint:blocks does not apply to a type`},
		{"//futurelint:loop x\ntype T struct{}", `lib.go:3:1: //futurelint:loop on a type takes no arguments`},
		{"//futurelint:blocks\n\nfunc F() {}", `lib.go:3:1: //futurelint:blocks is not in the doc comment of a function, method or type`},
		{"func F() {\n\t//futurelint:blocks\n}", `lib.go:4:2: //futurelint:blocks is not in the doc comment`},
		{"type I interface {\n\t//futurelint:loopcode\n\tM()\n}", `lib.go:4:2: //futurelint:loopcode on an interface method is not supported`},
		{"//futurelint:blocks io\n//futurelint:blocking\nfunc F() {}\n\n//futurelint:blocks\nvar x int", "lib.go:4:1: //futurelint:blocking: unknown directive (known: blocks, callback, coroutine, goroutine, wraps, loop-only, suspends, current-loop, loopcode, not-a-loop, ignore)\nlib.go:7:1: //futurelint:blocks is not in the doc comment"},
	} {
		src := "package lib\n\n" + tc.src + "\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "lib.go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseDirectives(fset, "example.com/lib", []*ast.File{f})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant %s...", tc.src, err, tc.want)
		}
	}
}

// Parameters named in directives must exist: checked against the types.
func TestDirectiveUnknownParameter(t *testing.T) {
	fset, f, pkg := check(t, "package lib\n\n//futurelint:callback fn loop=m\nfunc F(fn func(), l int) {}\n")
	d, err := ParseDirectives(fset, pkg.Path(), []*ast.File{f})
	if err != nil {
		t.Fatal(err)
	}
	_, err = d.Library.Rows("directives", pkg)
	if want := "lib.go:3:1: F: loop: no parameter named m"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
