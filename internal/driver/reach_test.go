package driver

import "testing"

// TestMayRunLoop: the driver's syntax check lets through every package
// whose shape internal/inferred may find a loop in (a go statement and a
// for statement draining a field or variable), and no package without a
// go statement, a channel or such a loop.
func TestMayRunLoop(t *testing.T) {
	cases := []struct {
		srcs []string
		want bool
	}{
		{[]string{"package p; type s struct{ q chan func() }; func (x *s) f() { go x.serve() }; func (x *s) serve() { for f := range x.q { f() } }"}, true},
		{[]string{"package p; var q = make(chan func())", "package p; func f() { go func() { for { fn := <-q; fn() } }() }"}, true},
		{[]string{"package p; var q chan func(); func f() { go func() { for { select { case fn := <-q: fn() } } }() }"}, true},
		{[]string{"package p; var c chan int; func f(q []func()) { go func() {}(); for _, f := range q { f() } }"}, false}, // runs the value, not the key
		{[]string{"package p; var c chan func(); func f(q []func()) { go func() {}(); for f := range q { f() } }"}, true},  // a range over a name: may be a channel
		{[]string{"package p; type m struct{ h func() }; var q chan m; func f() { go func() { for { x := <-q; x.h() } }() }"}, true},
		{[]string{"package p; var q chan func(); func f() { go func() { for f := range q { dispatch(f) } }() }; func dispatch(f func()) { f() }"}, true},
		{[]string{"package p; var t = struct{ C chan int }{}; func f() { go func() { for { select { case <-t.C: tick() } } }() }; func tick() {}"}, false}, // receives nothing it runs
		{[]string{"package p; var q chan int; func f() { go func() { for { n := <-q; _ = n + 1 } }() }"}, false},
		{[]string{"package p; func f(q chan func()) { for f := range q { f() } }"}, false},           // no go statement
		{[]string{"package p; func f(q chan func()) { go func() {}(); f := <-q; f() }"}, false},      // no loop
		{[]string{"package p; func f(n int) { go func() {}(); for i := range 3 { _ = i } }"}, false}, // no channel
		{[]string{"package p; func f(c chan int) { go func() {}(); for range g() { } }; func g() []int { return nil }"}, false},
		{[]string{"package p; func f() { go func() {}() }; var q chan int; func g() { for { <- q } }", "package p; func (x y) {"}, true}, // does not parse: yes
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
