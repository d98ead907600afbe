package roles_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

// TestLookupCallByReceiver checks that a method of an embedded interface is
// looked up by the interface the call goes through: a row for gnet's
// Conn.Write (declared by io.Writer) describes calls through a Conn and
// never those through an io.Writer or another interface embedding it.
func TestLookupCallByReceiver(t *testing.T) {
	const src = `package lib

import "io"

type Writer interface{ io.Writer; Flush() error }

type Conn interface{ Writer; Close() error }

type Other interface{ io.Writer }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "lib.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("example.com/lib", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	named := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	method := func(typ types.Type, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(typ, false, pkg, name)
		return obj.(*types.Func)
	}
	table := roles.Build(&roles.Library{Name: "lib", Funcs: []roles.Func{
		{Pkg: "example.com/lib", Recv: "Conn", Name: "Write", LoopAPI: roles.LoopAPI{LoopOnly: true}},
		{Pkg: "example.com/lib", Recv: "Writer", Name: "Flush", Blocker: roles.Blocker{Block: roles.BlockIO}},
	}})
	write := method(named("Conn"), "Write")
	if write.Pkg().Path() != "io" {
		t.Fatalf("Conn.Write is declared in %s; the test expects io", write.Pkg().Path())
	}
	if row := table.LookupCall(named("Conn"), write); row == nil || !row.LoopOnly {
		t.Errorf("Write through a Conn: row %+v, want the Conn row", row)
	}
	if row := table.LookupCall(types.NewPointer(named("Conn")), write); row == nil {
		t.Error("Write through a *Conn: no row")
	}
	for _, recv := range []types.Type{named("Other"), named("Writer"), write.Type().(*types.Signature).Recv().Type(), nil} {
		if row := table.LookupCall(recv, write); row != nil {
			t.Errorf("Write through %v: row %+v, want none", recv, row)
		}
	}
	// A method declared on an embedded interface of the package still
	// matches its declaring type's row, through any interface.
	if row := table.LookupCall(named("Conn"), method(named("Conn"), "Flush")); row == nil || row.Block != roles.BlockIO {
		t.Errorf("Flush through a Conn: row %+v, want the Writer row", row)
	}
}

// TestOffLoopRowsNeedNoSSA checks the cost gate: a package whose only
// scheduling rows run their function off the loop (time.AfterFunc, a
// goroutine pool's Submit) is no loop runtime, so code using it alone gets
// no SSA; one row running a callback on a loop makes it one.
func TestOffLoopRowsNeedNoSSA(t *testing.T) {
	table := roles.Build(&roles.Library{Name: "lib", Funcs: []roles.Func{
		{Pkg: "example.com/pool", Recv: "Pool", Name: "Submit", Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg1, Where: roles.OffLoop}}}},
		{Pkg: "example.com/loop", Recv: "Loop", Name: "Post", Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg1, Where: roles.OnLoop, Loop: roles.Arg0}}}},
	}})
	if table.LoopRuntime("example.com/pool") {
		t.Error("a pool whose jobs run off the loop is a loop runtime")
	}
	if !table.LoopRuntime("example.com/loop") {
		t.Error("a loop whose callbacks run on it is not a loop runtime")
	}
	for _, pkg := range []string{"time", "database/sql", "net", "io"} {
		if roles.Default().LoopRuntime(pkg) {
			t.Errorf("std package %s is a loop runtime: every package using it would get SSA", pkg)
		}
	}
}
