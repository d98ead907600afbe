package engine_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// lib is a library a package may come by channels through, or not.
const lib = `package lib

type Events chan string  // a named channel type
type Box[T any] struct{ V T }
type W struct {
	C <-chan int // a channel field
	N int
	inner
}
type inner struct{ Ready chan bool } // promoted through W

var Q Box[chan int] // an instance with a channel argument

func Ticks() <-chan int                { return nil }
func Now() int                         { return 0 }
func (w *W) Done() <-chan struct{}     { return nil }
func (w *W) After() bool               { return false }
func Each(xs []int, f func(int))       {}
`

func checkLib(t *testing.T) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "lib.go", lib, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/lib", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// TestChannelNames checks the names a package leads to channels by: its
// functions, variables and types whose types do, and the members that do
// of the types it declares, promoted ones included; not the others.
func TestChannelNames(t *testing.T) {
	pkgLevel, members := engine.ChannelNames(checkLib(t))
	if want := []string{"Events", "Q", "Ticks"}; !slices.Equal(pkgLevel, want) {
		t.Errorf("package-level names %v, want %v", pkgLevel, want)
	}
	// V, a T of Box, is a channel in Box[chan int].
	if want := []string{"C", "Done", "Ready", "V"}; !slices.Equal(members, want) {
		t.Errorf("members %v, want %v", members, want)
	}
}

// TestMayExport is the check's specification: each way a package with no
// loop code can export a fact, and the look-alikes that cannot.
func TestMayExport(t *testing.T) {
	libPkg := checkLib(t)
	closure := []*types.Package{libPkg, types.NewPackage("time", "time"), types.NewPackage("sync", "sync")}
	facts := []engine.FactName{
		{Pkg: "example.com/lib", Name: "Slow"},
		{Pkg: "example.com/lib", Name: "Fetch", Member: true},
	}
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		// The check reads tokens: sources need not type-check, and a
		// case holds one way to a fact alone.
		{"receive", `func f() int { return <-x.c }`, true},
		{"channel type", `var c chan int`, true},
		{"select", `func f() { select {} }`, true},
		{"go statement", `func f() { go g() }; func g() {}`, true},
		{"close", `func f() { close(x.c) }`, true},
		{"a Close method", `func f(t interface{ Close() }) { t.Close() }`, false},
		{"calls its parameter", `func Each(xs []int, f func(int)) { for _, x := range xs { f(x) } }`, true},
		{"calls its parameter in parentheses", `func Do(f func()) { (f)() }`, true},
		{"calls a grouped parameter", `func Do(a, b func()) { a() }`, true},
		{"calls its receiver", `type F func(); func (f F) Run() { f() }`, true},
		{"converts to a predeclared type", `func Len(s string, n int) int { return len(string(s)) + int(n) }`, false},
		{"converts to its own type", `type Lang int; func Parse(f func(Lang, int)) Lang { return Lang(1) }`, false},
		{"recurses", `func fact(n int) int { if n < 2 { return 1 }; return n * fact(n-1) }`, false},
		{"converts to a type parameter", `func Conv[T any, U ~int](x U) T { return T(x) }`, false},
		{"calls a parameter after an interface's", "func Do(x interface{\n\tM()\n\tN()\n}, f func()) { f() }", true},
		{"a blocking row", `import "time"; func f() { time.Sleep(1) }`, true},
		{"a blocking row, renamed", `import t "time"; func f() { t.Sleep(1) }`, true},
		{"a blocking row, dot-imported", `import . "time"; func f() { Sleep(1) }`, true},
		{"no blocking row", `import "time"; func f() { time.Now() }`, false},
		{"a method named as a function row", `type T struct{}; func (T) Sleep() {}; func f(x T) { x.Sleep() }`, false},
		{"a method row", `import "sync"; func f(wg *sync.WaitGroup) { wg.Wait() }`, true},
		{"a channel from a function", `import "example.com/lib"; func f() { for range lib.Ticks() {} }`, true},
		{"no channel from a function", `import "example.com/lib"; func f() int { return lib.Now() }`, false},
		{"a channel field", `import "example.com/lib"; func f(w *lib.W) { for range w.C {} }`, true},
		{"a promoted channel field", `import "example.com/lib"; func f(w *lib.W) { for range w.Ready {} }`, true},
		{"no channel field", `import "example.com/lib"; func f(w *lib.W) int { return w.N }`, false},
		{"a channel method", `import "example.com/lib"; func f(w *lib.W) { for range w.Done() {} }`, true},
		{"no channel method", `import "example.com/lib"; func f(w *lib.W) bool { return w.After() }`, false},
		{"a named channel type", `import "example.com/lib"; func f(e lib.Events) { for range e {} }`, true},
		{"an instance with a channel", `import "example.com/lib"; func f() { for range lib.Q.V {} }`, true},
		{"a function with a fact", `import "example.com/lib"; func f() { lib.Slow() }`, true},
		{"a method with a fact", `type C interface{ Fetch() }; func f(c C) { c.Fetch() }`, true},
		{"a library function handed a parameter", `import "example.com/lib"; func f(xs []int) { lib.Each(xs, nil) }`, false},
		{"does not scan", "var s = `unterminated", true},
	} {
		src := [][]byte{[]byte("package p\n\n" + tc.src + "\n")}
		if got := engine.NewExports(roles.Default()).May(src, closure, facts); got != tc.want {
			t.Errorf("%s: May = %v, want %v\n%s", tc.name, got, tc.want, tc.src)
		}
	}
}
