package config

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

// lib is the package the tests describe.
const lib = `package lib

type Loop struct{}
type Ctx struct{}
type Future struct{}
type Base struct{}
type Wrapper struct{ Base }
type Getter interface{ Get(key string) int }

func (b *Base) Promoted() {}
func (l *Loop) Post(fn func(*Ctx)) {}
func (l *Loop) Run() {}
func (f *Future) Wait() int { return 0 }
func (f Future) Peek() int { return 0 }
func Go(fn func() int) *Future { return nil }
func Adopt(l *Loop, f *Future, cb func(*Ctx, int)) {}
func Plain(n int) {}
`

func check(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "lib.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/lib", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, pkg
}

const good = `{
  "packages": {
    "example.com/lib": {
      "words": {"loop": "the lib loop", "wait": "lib.Adopt", "handBack": "l.Post"},
      "types": {"Ctx": "loopcode", "Loop": "loop", "Future": "future"},
      "functions": {
        "(*Loop).Post": {"runs": [{"arg": "fn", "as": "callback", "loop": "receiver", "threadsafe": true}]},
        "Loop.Run": {"blocks": "runs"},
        "(*Future).Wait": {"blocks": "deadlock", "waits": "receiver"},
        "(Future).Peek": {"loopOnly": true},
        "Getter.Get": {"blocks": "io"},
        "Go": {"runs": [{"arg": 0, "as": "goroutine"}]},
        "Adopt": {"wraps": {"loop": "l", "future": "f"}, "runs": [{"arg": "cb", "as": "callback", "loop": "l", "settled": true}]}
      }
    }
  }
}`

func TestParseGood(t *testing.T) {
	c, err := Parse("f.json", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Libraries) != 1 {
		t.Fatalf("%d libraries, want 1", len(c.Libraries))
	}
	l := c.Libraries[0]
	if want := (Words{Loop: "the lib loop", Wait: "lib.Adopt", HandBack: "l.Post"}); l.Words != want {
		t.Errorf("words %+v, want %+v", l.Words, want)
	}
	_, _, pkg := check(t, lib)
	rl, err := l.Rows("f.json", pkg)
	if err != nil {
		t.Fatal(err)
	}
	funcs, typs := rl.Funcs, rl.Types
	if rl.Name != "f.json" || !reflect.DeepEqual(rl.Paths, []string{"example.com/lib"}) || rl.Words.Loop != "the lib loop" || rl.Words.HandBack != "l.Post" || rl.Words.AwaitFuture.Callback != "lib.Adopt" || rl.Words.Marker != "*lib.Ctx" {
		t.Errorf("library %q %v words %+v", rl.Name, rl.Paths, rl.Words)
	}
	wantTypes := []roles.Type{{Pkg: "example.com/lib", Name: "Ctx", Role: roles.Marker}, {Pkg: "example.com/lib", Name: "Loop", Role: roles.LoopType}, {Pkg: "example.com/lib", Name: "Future", Role: roles.ExecutorFuture}}
	if !reflect.DeepEqual(typs, wantTypes) {
		t.Errorf("types %+v, want %+v", typs, wantTypes)
	}
	row := func(recv, name string) roles.Func {
		return roles.Func{Pkg: "example.com/lib", Recv: recv, Name: name}
	}
	post := row("Loop", "Post")
	post.Funcs = []roles.FuncArg{{Arg: roles.ArgAt(1), Where: roles.OnLoop, Loop: roles.Arg0, Threadsafe: true}}
	post.SubmitLoop = roles.Arg0
	run := row("Loop", "Run")
	run.Block = roles.BlockLoopRun
	wait := row("Future", "Wait")
	wait.Block, wait.Waits = roles.BlockFuture, roles.Arg0
	peek := row("Future", "Peek")
	peek.LoopOnly = true
	get := row("Getter", "Get")
	get.Block = roles.BlockIO
	goRow := row("", "Go")
	goRow.Funcs = []roles.FuncArg{{Arg: roles.Arg0, Where: roles.OffLoop}}
	adopt := row("", "Adopt")
	adopt.WrapLoop, adopt.WrapFuture = roles.Arg0, roles.ArgAt(1)
	adopt.Funcs = []roles.FuncArg{{Arg: roles.ArgAt(2), Where: roles.OnLoop, Loop: roles.Arg0, AfterSettle: true}}
	want := []roles.Func{post, run, wait, peek, get, goRow, adopt}
	if !reflect.DeepEqual(funcs, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", funcs, want)
	}
}

// Every kind of mistake is an error naming the file, line and column.
// TestParseAttach checks the attach key: paths given a preset module's
// rows, at its current version or at one named.
func TestParseAttach(t *testing.T) {
	c, err := Parse("f.json", []byte(`{
  "attach": {
    "example.com/forks/tview": "github.com/rivo/tview@v0.0.0-20200219135020-0ba8301b415c",
    "example.com/app/vendor/charm.land/bubbletea/v2": "charm.land/bubbletea/v2"
  }
}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []Attach{
		{Path: "example.com/app/vendor/charm.land/bubbletea/v2", Preset: "charm.land/bubbletea/v2", At: "f.json:4:5"},
		{Path: "example.com/forks/tview", Preset: "github.com/rivo/tview@v0.0.0-20200219135020-0ba8301b415c", At: "f.json:3:5"},
	}
	if !reflect.DeepEqual(c.Attach, want) {
		t.Errorf("Attach = %+v\nwant %+v", c.Attach, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"packages": {"x": {}}`, `f.json:1:23: malformed JSON: unexpected end of file`},
		{"{\n \"packages\": {\"x\": {\"functions\": {\"F\": {\"loopOnly\": tru}}}}}", `f.json:2:56: malformed JSON: invalid character '}' in literal true`},
		{"{\n  \"packages\": {\"x\" 1}}", `f.json:2:20: malformed JSON: invalid character '1' after object key`},
		{`[]`, `f.json:1:1: want an object, found a list`},
		{`{"package": {}}`, `f.json:1:2: unknown key "package" (known keys here: packages, attach)`},
		{`{"attach": []}`, `f.json:1:12: attach: want an object from import path to a preset's module path, found a list`},
		{`{"attach": {"a b": "github.com/rivo/tview"}}`, `f.json:1:13: "a b" is not an import path`},
		{`{"attach": {"example.com/tv": 1}}`, `f.json:1:31: want a string, found a number`},
		{`{"attach": {"example.com/tv": "github.com/rivo/tviewx"}}`, `f.json:1:31: "github.com/rivo/tviewx" is no module of a preset (futurelint help presets lists them)`},
		{`{"attach": {"example.com/tv": "tview"}}`, `f.json:1:31: "tview" is no module of a preset`},
		{`{"attach": {"example.com/tv": "github.com/rivo/tview@latest"}}`, `f.json:1:31: "latest" is not a module version`},
		{`{"packages": {}} {}`, `f.json:1:18: unexpected text after the top-level object`},
		{`{"packages": []}`, `f.json:1:14: packages: want an object from import path to description, found a list`},
		{`{"packages": {"a b": {}}}`, `f.json:1:15: "a b" is not an import path`},
		{`{"packages": {"x": {"function": {}}}}`, `f.json:1:21: unknown key "function" (known keys here: words, types, functions, inferLoops)`},
		{`{"packages": {"x": {"inferLoops": "no"}}}`, `f.json:1:35: want true or false, found a string`},
		{`{"packages": {"x": {}, "x": {}}}`, `f.json:1:24: "x" appears twice`},
		{`{"packages": {"x": {"words": {"loops": "a"}}}}`, `f.json:1:31: unknown key "loops"`},
		{`{"packages": {"x": {"words": {"loop": 1}}}}`, `f.json:1:39: want a string, found a number`},
		{`{"packages": {"x": {"types": {"Ctx": "marker"}}}}`, `f.json:1:38: unknown type role "marker" (known: future, loop, loopcode, promise, task)`},
		{`{"packages": {"x": {"types": {"*Ctx": "loop"}}}}`, `f.json:1:31: "*Ctx" is not a type name`},
		{`{"packages": {"x": {"functions": {"(*T.M": {}}}}}`, `f.json:1:35: "(*T.M" is not a function name: write F, T.M or (*T).M`},
		{`{"packages": {"x": {"functions": {"F": {"block": "io"}}}}}`, `f.json:1:41: unknown key "block" (known keys here: blocks, waits, runs, loopOnly, suspends, currentLoop, wraps)`},
		{`{"packages": {"x": {"functions": {"F": {"blocks": "forever"}}}}}`, `f.json:1:51: unknown kind of blocking "forever" (known: deadlock, io, process, runs, sleep, sync, timeout)`},
		{`{"packages": {"x": {"functions": {"F": {"blocks": true}}}}}`, `f.json:1:51: want a string, found true or false`},
		{`{"packages": {"x": {"functions": {"F": {"waits": "f"}}}}}`, `f.json:1:50: waits needs blocks`},
		{`{"packages": {"x": {"functions": {"F": {"loopOnly": "yes"}}}}}`, `f.json:1:53: want true or false, found a string`},
		{`{"packages": {"x": {"functions": {"F": {"runs": {"arg": "fn"}}}}}}`, `f.json:1:49: runs: want a list`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"as": "callback"}]}}}}}`, `f.json:1:50: missing arg`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": "fn"}]}}}}}`, `f.json:1:50: missing as: callback, coroutine or goroutine`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": "fn", "as": "job"}]}}}}}`, `f.json:1:70: unknown as "job" (known: callback, coroutine, goroutine)`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": "fn", "as": "callback", "thread": true}]}}}}}`, `f.json:1:82: unknown key "thread" (known keys here: arg, as, loop, threadsafe, settled)`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": -1, "as": "callback"}]}}}}}`, `f.json:1:58: parameter position -1: want 0 for the first parameter`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": 1.5, "as": "callback"}]}}}}}`, `f.json:1:58: parameter position 1.5`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": "a.b", "as": "callback"}]}}}}}`, `f.json:1:58: "a.b" is not a parameter name`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": "fn", "as": "callback", "threadsafe": true}]}}}}}`, `f.json:1:50: threadsafe needs loop`},
		{`{"packages": {"x": {"functions": {"F": {"runs": [{"arg": "fn", "as": "goroutine", "loop": "l"}]}}}}}`, `f.json:1:50: a goroutine runs on no loop: drop loop`},
		{`{"packages": {"x": {"functions": {"F": {"wraps": {"future": "f"}}}}}}`, `f.json:1:50: wraps needs loop`},
	} {
		_, err := Parse("f.json", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%s):\n got %v\nwant %s...", tc.src, err, tc.want)
		}
	}
}

// Names that the package does not declare are errors when the package is
// seen, at the line of the entry.
func TestRowsErrors(t *testing.T) {
	_, _, pkg := check(t, lib)
	for _, tc := range []struct{ functions, want string }{
		{`"Wiat": {"blocks": "io"}`, `f.json:2:2: package example.com/lib declares no function Wiat`},
		{`"(*Futur).Wait": {"blocks": "io"}`, `f.json:2:2: package example.com/lib declares no type Futur`},
		{`"(*Future).Wiat": {"blocks": "io"}`, `f.json:2:2: type example.com/lib.Future has no method Wiat`},
		{`"Wrapper.Promoted": {"blocks": "io"}`, `f.json:2:2: Wrapper.Promoted is promoted from an embedded type`},
		{`"(*Loop).Post": {"runs": [{"arg": "f", "as": "callback"}]}`, `f.json:2:2: Loop.Post: runs: no parameter named f`},
		{`"(*Loop).Post": {"runs": [{"arg": 1, "as": "callback"}]}`, `f.json:2:2: Loop.Post: runs: parameter position 1 is out of range: it has 1 parameters`},
		{`"Go": {"runs": [{"arg": "receiver", "as": "goroutine"}]}`, `f.json:2:2: Go: runs: a function has no receiver`},
		{`"Plain": {"runs": [{"arg": "n", "as": "goroutine"}]}`, `f.json:2:2: Plain: runs: n is not a function`},
		{`"(*Loop).Post": {"runs": [{"arg": "fn", "as": "callback", "loop": "m"}]}`, `f.json:2:2: Loop.Post: loop: no parameter named m`},
		{`"Adopt": {"wraps": {"loop": "loop"}}`, `f.json:2:2: Adopt: wraps loop: no parameter named loop`},
		{`"Adopt": {"wraps": {"loop": "l", "future": "g"}}`, `f.json:2:2: Adopt: wraps future: no parameter named g`},
		{`"(*Future).Wait": {"blocks": "deadlock", "waits": "g"}`, `f.json:2:2: Future.Wait: waits: no parameter named g`},
	} {
		src := "{\"packages\": {\"example.com/lib\": {\"functions\": {\n\t" + tc.functions + "}}}}"
		c, err := Parse("f.json", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", tc.functions, err)
			continue
		}
		_, err = c.Libraries[0].Rows("f.json", pkg)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant %s...", tc.functions, err, tc.want)
		}
	}
	c, err := Parse("f.json", []byte(`{"packages": {"example.com/lib": {"types": {"Ctxx": "loopcode"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Libraries[0].Rows("f.json", pkg); err == nil || err.Error() != "f.json:1:45: package example.com/lib declares no type Ctxx" {
		t.Errorf("unknown type: got %v", err)
	}
}
