package driver

import (
	"go/token"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/inferred"
)

// TestMayRunLoop: the driver's syntax check lets through every package
// whose shape internal/inferred may find a loop with rows in (a go
// statement, a for statement draining a field or variable, a function
// sending one of its parameters to it), and no package without a go
// statement, a channel, such a loop or such a post.
func TestMayRunLoop(t *testing.T) {
	cases := []struct {
		srcs []string
		want bool
	}{
		{[]string{"package p; type s struct{ q chan func() }; func (x *s) f() { go x.serve() }; func (x *s) serve() { for f := range x.q { f() } }; func (x *s) post(f func()) { x.q <- f }"}, true},
		{[]string{"package p; var q = make(chan func())", "package p; func f() { go func() { for { fn := <-q; fn() } }() }", "package p; func post(g func()) { q <- func() { g() } }"}, true},
		{[]string{"package p; var q chan func(); func f() { go func() { for { select { case fn := <-q: fn() } } }() }; func post(f func()) { if f != nil { q <- f } }"}, true},
		{[]string{"package p; var c chan int; func f(q []func()) { go func() {}(); for _, f := range q { f() } }"}, false},                                 // runs the value, not the key
		{[]string{"package p; var c chan func(); func f(q []func()) { go func() {}(); for f := range q { f() } }; func post(f func()) { c <- f }"}, false}, // drains q, posts to c
		{[]string{"package p; var q chan func(); func f() { go func() {}(); for f := range q { f() } }; func post(f func()) { q <- f }"}, true},
		{[]string{"package p; type m struct{ h func() }; var q chan m; func f() { go func() { for { x := <-q; x.h() } }() }; func post(f func()) { q <- m{h: f} }"}, true},
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { dispatch(f) } }() }; func dispatch(f func()) { f() }; func post(f func()) { q <- f }"}, true},
		{[]string{"package p; var t = struct{ C chan int }{}; func f() { go func() { for { select { case <-t.C: tick() } } }() }; func tick() {}"}, false}, // receives nothing it runs
		{[]string{"package p; var q chan int; func f() { go func() { for { n := <-q; _ = n + 1 } }() }"}, false},
		{[]string{"package p; func f(q chan func()) { for f := range q { f() } }"}, false},           // no go statement
		{[]string{"package p; func f(q chan func()) { go func() {}(); f := <-q; f() }"}, false},      // no loop
		{[]string{"package p; func f(n int) { go func() {}(); for i := range 3 { _ = i } }"}, false}, // no channel
		{[]string{"package p; func f(c chan int) { go func() {}(); for range g() { } }; func g() []int { return nil }"}, false},
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { f() } }() }; func post() { q <- func() {} }"}, false},                 // sends no parameter
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { f() } }() }; func post(f func()) { go func() { q <- f }() }"}, false}, // only from a closure
		{[]string{"package p; type task func(); var q chan task; func f() { go func() { for f := range q { f() } }() }; func post(t task) { q <- t }"}, true},
		{[]string{"package p; type s struct{ q chan string }; func (x *s) f() { go x.loop() }; func (x *s) loop() { for m := range x.q { x.handle(m) } }; func (x *s) handle(m string) {}; func (x *s) Send(m string) { x.q <- m }"}, true}, // a dispatcher's request, sent as it is
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { f() } }() }; func post(s string) { q <- func() { println(s) } }"}, false},                                                                        // a string is no func
		{[]string{"package p; type string func(); var q chan string; func f() { go func() { for f := range q { f() } }() }", "package p; func post(s string) { q <- s }"}, true},
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { f() } }() }; func post(c chan func(), f func()) { c <- f }"}, false},                        // to a parameter
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { f() } }() }; func post(f ...func()) { q <- f[0] }"}, false},                                 // a slice is no func
		{[]string{"package p; func f() { go func() {}() }; var q chan int; func g() { for { <- q } }", "package p; func (x y) { q <-"}, true},                                          // does not parse: yes
		{[]string{"package p; var call func(func()); func Main(main func()) { q := make(chan func()); call = func(f func()) { q <- f }; go main(); for f := range q { f() } }"}, true}, // a closure kept in a variable posts
	}
	for _, c := range cases {
		var srcs [][]byte
		for _, s := range c.srcs {
			srcs = append(srcs, []byte(s))
		}
		if got := mayRunLoop(srcs); got != c.want {
			t.Errorf("mayRunLoop(%q) = %v, want %v", c.srcs, got, c.want)
		}
	}
}

// TestInferLoops: on every package outside std of the testdata module's
// graph, the syntax check lets through each package in which
// internal/inferred finds a loop with rows (the loops' importers would
// otherwise miss findings), and the second, typed look says yes for the
// loops' packages and no for the worker pools the syntax check lets
// through.
func TestInferLoops(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: graphMode, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	sh := newShallow(token.NewFileSet())
	infers, passes := map[string]bool{}, map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		n := &node{pkg: p, std: isStd(p)}
		if n.std || len(p.Errors) > 0 {
			return
		}
		if err := n.readFiles(); err != nil {
			t.Fatal(err)
		}
		fset, files, pkg, info, errs := typeCheck(n, sh.fset, sh, nil)
		if errs != nil {
			t.Fatalf("%s: %v", p.ID, errs)
		}
		infers[p.PkgPath] = inferred.Infers(fset, files, pkg, info)
		passes[p.PkgPath] = n.mayInfer
		if infers[p.PkgPath] && !n.mayInfer && !n.declaresRows {
			t.Errorf("%s: internal/inferred finds a loop with rows, the syntax check none", p.ID)
		}
	})
	for path, want := range map[string]bool{
		"futurelint.test/inferred/evloop": true, "futurelint.test/inferred/mainq": true, "futurelint.test/inferred/mainq2": true,
		"futurelint.test/inferred/service": true, "futurelint.test/inferred/pools": false,
	} {
		if got, ok := infers[path]; !ok || got != want {
			t.Errorf("%s: inferred loops %v (seen %v), want %v", path, got, ok, want)
		}
		if !passes[path] {
			t.Errorf("%s: the syntax check sees no loop: nothing left to the second look", path)
		}
	}
}

// TestMaySend: the byte check behind mayRunLoop's order finds every send
// statement, and passes over receives and channel types.
func TestMaySend(t *testing.T) {
	for src, want := range map[string]bool{
		"x.q <- f":                  true,
		"\tq[i]\t<- f":              true,
		"(q) <- f":                  true,
		"case e.jobs <- j:":         true,
		"élan <- f":                 true,
		"x.q /* c */ <- f":          true,
		"v := <-q":                  false,
		"case <-ctx.Done():":        false,
		"return <-q":                false,
		"var c chan<- int":          false,
		"func f(c <-chan int) {}":   false,
		"select {\ncase v := <-q:}": false,
		"<-done":                    false,
		"q <-chanOfWork":            true,
	} {
		if got := maySend([]byte(src)); got != want {
			t.Errorf("maySend(%q) = %v, want %v", src, got, want)
		}
	}
}
