package roles_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/roles"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestRowsExist checks every row of every library against the real
// packages at the versions the rows were checked against: the function or
// method exists, Lookup finds the row, and every argument the row names is
// an argument of it (function arguments are functions). The standard
// library and the runtime are loaded from this module; a preset's library
// from the nested module testdata/presets, which requires it at its
// pinned version.
func TestRowsExist(t *testing.T) {
	table := roles.Default()
	for _, lib := range expandedLibraries() {
		dir := "."
		oldPath := lib.Preset && lib.Version == "" // a path the proxy no longer serves
		var env []string
		paths := map[string]bool{}
		for _, row := range lib.Funcs {
			paths[row.Pkg] = true
		}
		for _, ty := range lib.Types {
			paths[ty.Pkg] = true
		}
		for _, f := range lib.Fields {
			paths[f.Pkg] = true
		}
		for p := range paths {
			if lib.Version != "" && !roles.IsStd(p) {
				dir = moduleDir(t, p)
			}
			if oldPath {
				dir = oldPathModule(t, p, slices.Sorted(maps.Keys(paths)))
			}
			if p == "syscall/js" {
				env = []string{"GOOS=js", "GOARCH=wasm"}
			}
		}
		pkgs := load(t, dir, env, slices.Sorted(maps.Keys(paths)))
		for _, row := range lib.Funcs {
			fn, recv := find(pkgs[row.Pkg], row.Recv, row.Name)
			if fn == nil {
				t.Errorf("%s: %s %s.%s: no such function", lib.Name, row.Pkg, row.Recv, row.Name)
				continue
			}
			if got := table.LookupCall(recv, fn); got == nil || got.Name != row.Name || got.Recv != row.Recv {
				t.Errorf("%s: Lookup(%s) = %v, want the row", lib.Name, fn, got)
			}
			checkIndices(t, fn, row)
		}
		for _, ty := range lib.Types {
			if ty.Role == roles.LoopOwned {
				checkOwned(t, table, lib, pkgs[ty.Pkg], ty)
				continue
			}
			obj := pkgs[ty.Pkg].Scope().Lookup(ty.Name)
			if obj == nil {
				t.Errorf("%s: type %s.%s does not exist", lib.Name, ty.Pkg, ty.Name)
				continue
			}
			if got := table.TypeOf(types.NewPointer(obj.Type())); got == nil || got.Role != ty.Role {
				t.Errorf("%s: TypeOf(*%s) = %v, want role %d", lib.Name, obj.Name(), got, ty.Role)
			}
			if ty.Role == roles.Handler {
				checkHandler(t, obj.Type(), ty)
			} else if len(ty.Methods) > 0 || ty.Loop.Valid() {
				t.Errorf("%s: %s names methods or a loop but is no handler", lib.Name, ty.Name)
			}
			if len(ty.ThreadSafe) > 0 && ty.Role != roles.LoopBound && ty.Role != roles.BoundValue {
				t.Errorf("%s: %s names thread-safe methods but is not loop-bound", lib.Name, ty.Name)
			}
			for _, name := range ty.ThreadSafe {
				if m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, obj.Pkg(), name); m == nil {
					t.Errorf("%s: %s has no method %s", lib.Name, ty.Name, name)
				}
			}
		}
	}
}

// moduleDir returns the nested testdata module that requires the module of
// package path pkg: testdata/presets, or testdata/presets/versions for the
// other paths and versions of the presets' libraries.
func moduleDir(t *testing.T, pkg string) string {
	t.Helper()
	for _, dir := range []string{filepath.Join("..", "..", "testdata", "presets"), filepath.Join("..", "..", "testdata", "presets", "versions")} {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && (f[0] == "require" && len(f) >= 3 && strings.HasPrefix(pkg, f[1]) || strings.HasPrefix(pkg, f[0]) && strings.HasPrefix(f[1], "v")) {
				return dir
			}
		}
	}
	t.Fatalf("no testdata module requires %s", pkg)
	return ""
}

// oldPathModule returns a module that requires the old module path of
// package pkg, made of the source of the module it became.
func oldPathModule(t *testing.T, pkg string, imports []string) string {
	t.Helper()
	ref, ok := roles.ModuleOf(pkg)
	if !ok || ref.Module.Of == "" {
		t.Fatalf("%s: no module of a preset, or not another path of one", pkg)
	}
	if oldPaths[ref.Module.Path] == "" {
		src := "package oldpath\n\nimport (\n"
		for _, p := range imports {
			src += "\t_ " + strconv.Quote(p) + "\n"
		}
		src += ")\n"
		oldPaths[ref.Module.Path] = testmodule.OldPath(t, moduleDir(t, ref.Module.Of), ref.Module.Of, ref.Module.Path, map[string]string{"oldpath.go": src})
	}
	return oldPaths[ref.Module.Path]
}

var oldPaths = map[string]string{}

// expandedLibraries returns the rows of every library in each of its
// modules.
func expandedLibraries() []*roles.Library {
	var out []*roles.Library
	for _, lib := range roles.Libraries() {
		out = append(out, lib.Expanded()...)
	}
	return out
}

// checkHandler checks a Handler row: an interface with the row's methods,
// whose Loop parameter exists in each of them.
func checkHandler(t *testing.T, typ types.Type, ty roles.Type) {
	iface, ok := typ.Underlying().(*types.Interface)
	if !ok {
		t.Errorf("handler %s.%s is not an interface", ty.Pkg, ty.Name)
		return
	}
	if len(ty.Methods) == 0 {
		t.Errorf("handler %s.%s lists no methods", ty.Pkg, ty.Name)
	}
	for _, name := range ty.Methods {
		obj, _, _ := types.LookupFieldOrMethod(iface, false, nil, name)
		fn, ok := obj.(*types.Func)
		if !ok {
			t.Errorf("handler %s.%s has no method %s", ty.Pkg, ty.Name, name)
			continue
		}
		// Arg0 is the receiver, so Arg1 is the first parameter.
		if ty.Loop.Valid() && ty.Loop != roles.Arg0 && ty.Loop.Index()-1 >= fn.Type().(*types.Signature).Params().Len() {
			t.Errorf("handler %s.%s: %s has no parameter %d", ty.Pkg, ty.Name, name, ty.Loop.Index())
		}
	}
}

// load type-checks the packages at paths from the module in dir, with env
// added to the environment (GOOS and GOARCH for syscall/js).
func load(t *testing.T, dir string, env, paths []string) map[string]*types.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir,
		Env: append(os.Environ(), append([]string{"CGO_ENABLED=0"}, env...)...)}
	list, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatalf("load %v in %s: %v", paths, dir, err)
	}
	out := map[string]*types.Package{}
	for _, p := range list {
		for _, e := range p.Errors {
			t.Fatalf("load %s in %s: %v", p.PkgPath, dir, e)
		}
		out[p.PkgPath] = p.Types
	}
	for _, p := range paths {
		if out[p] == nil {
			t.Fatalf("load %s in %s: not found", p, dir)
		}
	}
	return out
}

// find returns the function or method recv.name of pkg, and the type of a
// receiver a call of it goes through (nil for a function).
func find(pkg *types.Package, recv, name string) (*types.Func, types.Type) {
	if recv == "" {
		fn, _ := pkg.Scope().Lookup(name).(*types.Func)
		return fn, nil
	}
	tn, ok := pkg.Scope().Lookup(recv).(*types.TypeName)
	if !ok {
		return nil, nil
	}
	var recvType types.Type = types.NewPointer(tn.Type())
	if types.IsInterface(tn.Type()) {
		recvType = tn.Type()
	}
	obj, _, _ := types.LookupFieldOrMethod(recvType, true, pkg, name)
	fn, _ := obj.(*types.Func)
	return fn, recvType
}

// checkIndices checks that a row's argument indices (receiver first) fit
// the function's signature, and that function arguments are functions.
func checkIndices(t *testing.T, fn *types.Func, row roles.Func) {
	sig := fn.Type().(*types.Signature)
	var args []types.Type
	if sig.Recv() != nil {
		args = append(args, sig.Recv().Type())
	}
	for i := 0; i < sig.Params().Len(); i++ {
		args = append(args, sig.Params().At(i).Type())
	}
	in := func(a roles.Arg) bool { return a.Valid() && a.Index() < len(args) }
	for _, fa := range row.Funcs {
		if !in(fa.Arg) {
			t.Errorf("%s: function argument %d out of range", fn, fa.Arg.Index())
		} else if _, ok := args[fa.Arg.Index()].Underlying().(*types.Signature); !ok {
			t.Errorf("%s: argument %d is %s, not a function", fn, fa.Arg.Index(), args[fa.Arg.Index()])
		}
		if fa.Loop.Valid() && !in(fa.Loop) {
			t.Errorf("%s: loop argument %d out of range", fn, fa.Loop.Index())
		}
		if fa.Context.Valid() && !in(fa.Context) {
			t.Errorf("%s: context argument %d out of range", fn, fa.Context.Index())
		}
	}
	for _, a := range []roles.Arg{row.Waits, row.SubmitLoop, row.WrapLoop, row.WrapFuture, row.Pool} {
		if a.Valid() && !in(a) {
			t.Errorf("%s: argument index %d out of range", fn, a.Index())
		}
	}
}

// Other event-loop libraries fit the same table: rows only. The packages
// below are miniatures of protoactor-go's actor, syscall/js and tview with
// the real names and shapes.
const actorSrc = `package actor
type PID struct{}
type Context interface {
	Self() *PID
	ReenterAfter(f *Future, fn func(res interface{}, err error))
	RequestFuture(pid *PID, msg interface{}, timeout int64) *Future
}
type Future struct{}
func (f *Future) Result() (interface{}, error) { return nil, nil }
func (f *Future) Wait() error { return nil }
`

const jsSrc = `package js
type Value struct{}
type Func struct{ Value }
func FuncOf(fn func(this Value, args []Value) any) Func { return Func{} }
`

const tviewSrc = `package tview
type Application struct{}
type Event struct{}
func (a *Application) SetInputCapture(capture func(event *Event) *Event) *Application { return a }
func (a *Application) QueueUpdate(f func()) *Application { return a }
func (a *Application) QueueUpdateDraw(f func()) *Application { return a }
`

func TestOtherLibrariesFit(t *testing.T) {
	const (
		actor = "github.com/asynkron/protoactor-go/actor"
		js    = "syscall/js"
		tview = "github.com/rivo/tview"
	)
	rows := []roles.Func{
		// Receive(ctx actor.Context) is loop code by its marker; the
		// mailbox loop is "the current loop" of the marker (ctx.Self()).
		// ReenterAfter runs fn on the actor's loop: the receiver (0) is the
		// marker naming that loop.
		{Pkg: actor, Recv: "Context", Name: "ReenterAfter", Executor: roles.Executor{WrapLoop: roles.Arg0, WrapFuture: roles.Arg1},
			Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg2, Where: roles.OnLoop, Loop: roles.Arg0}}}},
		// RequestFuture: a thread-safe submit to another actor's mailbox.
		{Pkg: actor, Recv: "Context", Name: "RequestFuture", Submitter: roles.Submitter{SubmitLoop: roles.Arg1}},
		// Result and Wait give up after the request's timeout: a stall.
		{Pkg: actor, Recv: "Future", Name: "Result", Blocker: roles.Blocker{Block: roles.BlockStall, Waits: roles.Arg0}},
		{Pkg: actor, Recv: "Future", Name: "Wait", Blocker: roles.Blocker{Block: roles.BlockStall, Waits: roles.Arg0}},
		// js.FuncOf: fn runs on the one JS event loop, not an argument.
		{Pkg: js, Name: "FuncOf",
			Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg0, Where: roles.OnLoop}}}},
		// tview: callbacks run on the application's event loop (receiver).
		{Pkg: tview, Recv: "Application", Name: "SetInputCapture",
			Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg1, Where: roles.OnLoop, Loop: roles.Arg0}}}},
		{Pkg: tview, Recv: "Application", Name: "QueueUpdate", Submitter: roles.Submitter{SubmitLoop: roles.Arg0},
			Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg1, Where: roles.OnLoop, Loop: roles.Arg0, Threadsafe: true}}}},
		// QueueUpdateDraw queues f and waits for it: from the app's own
		// loop code that is a self-submit that is waited on (a deadlock).
		{Pkg: tview, Recv: "Application", Name: "QueueUpdateDraw", Blocker: roles.Blocker{Block: roles.BlockFuture}, Submitter: roles.Submitter{SubmitLoop: roles.Arg0},
			Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg1, Where: roles.OnLoop, Loop: roles.Arg0, Threadsafe: true}}}},
	}
	typ := []roles.Type{
		{Pkg: actor, Name: "Context", Role: roles.Marker},
		{Pkg: actor, Name: "Future", Role: roles.ExecutorFuture},
		{Pkg: actor, Name: "PID", Role: roles.LoopType},
		{Pkg: tview, Name: "Application", Role: roles.LoopType},
	}
	table := roles.New(rows, typ)

	for _, src := range []struct{ path, src string }{{actor, actorSrc}, {js, jsSrc}, {tview, tviewSrc}} {
		pkg := check(t, src.path, src.src)
		for _, row := range rows {
			if row.Pkg != src.path {
				continue
			}
			fn, _ := find(pkg, row.Recv, row.Name)
			if fn == nil {
				t.Fatalf("%s.%s missing from the miniature", row.Recv, row.Name)
			}
			got := table.Lookup(fn)
			if got == nil || got.Name != row.Name {
				t.Errorf("Lookup(%s) = %v", fn, got)
				continue
			}
			checkIndices(t, fn, row)
		}
		if !table.LoopRuntime(src.path) {
			t.Errorf("%s is not a loop runtime", src.path)
		}
		if src.path == actor {
			ctx := pkg.Scope().Lookup("Context").Type()
			if !table.Is(ctx, roles.Marker) {
				t.Errorf("actor.Context is not a marker")
			}
		}
	}
}

func check(t *testing.T, path, src string) *types.Package {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path+".go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{}).Check(path, fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func TestDescribe(t *testing.T) {
	pkg := check(t, "example.com/p", `package p
type T struct{}
func (*T) M() {}
func (T) V() {}
func F() {}
type I interface{ N() }
`)
	for name, want := range map[string]string{"M": "(*p.T).M", "V": "(p.T).V", "F": "p.F", "N": "p.I.N"} {
		var fn *types.Func
		switch name {
		case "F":
			fn = pkg.Scope().Lookup("F").(*types.Func)
		case "N":
			fn = pkg.Scope().Lookup("I").Type().Underlying().(*types.Interface).Method(0)
		default:
			fn, _ = find(pkg, "T", name)
		}
		if got := roles.Describe(fn); got != want {
			t.Errorf("Describe(%s) = %q, want %q", name, got, want)
		}
	}
}
