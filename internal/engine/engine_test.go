package engine_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestFacts checks the facts exported for wrappers, blocking functions
// (SSA and syntax summaries) and packages, against the want comments.
func TestFacts(t *testing.T) {
	factsOfAll(t, []*analysis.Analyzer{engine.Analyzer, engine.Blocking}, "./engine/wrappers", "./engine/plain", "./engine/relay", "./engine/witness", "./engine/ifaces")
}

// factsOfAll checks the facts of several analyzers against one set of want
// comments: analysistest runs each alone, every fact each exports must be
// wanted, and every wanted fact must come from one of them (a fact type is
// declared by one analyzer, so no one run sees all the facts).
func factsOfAll(t *testing.T, as []*analysis.Analyzer, patterns ...string) {
	missed := map[string]int{}
	for _, a := range as {
		analysistest.Run(missing{t, missed}, testmodule.Dir(t), a, patterns...)
	}
	var errs []string
	for msg, n := range missed {
		if n == len(as) {
			errs = append(errs, msg)
		}
	}
	sort.Strings(errs)
	for _, msg := range errs {
		t.Error(msg)
	}
}

// missing passes analysistest's errors on to t, except a wanted fact no
// fact matched, which it counts in missed.
type missing struct {
	t      *testing.T
	missed map[string]int
}

func (m missing) Errorf(format string, args ...any) {
	m.t.Helper()
	msg := fmt.Sprintf(format, args...)
	if strings.Contains(msg, ": no fact was reported matching ") {
		m.missed[msg]++
		return
	}
	m.t.Error(msg)
}

// TestWrapperFactMakesLoopCode checks that the fact of a wrapper in one
// package makes a callback loop code in another, and the IsCurrentLoop
// specification in testdata/engine/use.
func TestWrapperFactMakesLoopCode(t *testing.T) {
	results := analysistest.Run(t, testmodule.Dir(t), engine.Analyzer, "./engine/use")
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1", len(results))
	}
	res := results[0].Result.(*engine.Result)
	if res.SSA == nil {
		t.Fatal("package use has no SSA")
	}
	anon := func(name string, i int) *ssa.Function {
		fn := res.SSA.Func(name)
		if fn == nil || i >= len(fn.AnonFuncs) {
			t.Fatalf("no closure %d in %s", i, name)
		}
		return fn.AnonFuncs[i]
	}
	after := anon("viaWrapper", 0)
	if !res.IsLoopCode(after) {
		t.Errorf("closure passed to wrappers.After is not loop code")
	} else if p := res.Place(after); !strings.Contains(p.Reason, "wrappers.After") {
		t.Errorf("reason %q does not name wrappers.After", p.Reason)
	}
	if off := anon("viaWrapper", 3); res.IsLoopCode(off) || !res.Place(off).OffLoop {
		t.Errorf("job passed to wrappers.Offload: loop code %v, off loop %v; want false, true", res.IsLoopCode(off), res.Place(off).OffLoop)
	}

	checked := 0
	for _, fn := range res.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := call.Call.StaticCallee()
				if callee == nil || (callee.Name() != "current" && callee.Name() != "other") {
					continue
				}
				want := callee.Name() == "current"
				if got := res.IsCurrentLoop(fn, call.Call.Args[0]); got != want {
					t.Errorf("%s: IsCurrentLoop = %v, want %v", res.Pass.Fset.Position(call.Pos()), got, want)
				}
				checked++
			}
		}
	}
	if checked < 20 {
		t.Errorf("checked %d current/other calls; the spec has more", checked)
	}
}

// TestOtherLibrary runs the engine with roles rows for a miniature of
// protoactor-go: its marker interface makes Receive loop code, ReenterAfter
// (an interface method) schedules its callback on the actor, and
// (*Future).Result is a stall.
func TestOtherLibrary(t *testing.T) {
	const actor = "futurelint.test/engine/actor"
	table := roles.New(append(append([]roles.Func{}, roles.Default().Funcs...),
		roles.Func{Pkg: actor, Recv: "Context", Name: "ReenterAfter", Executor: roles.Executor{WrapLoop: roles.Arg0, WrapFuture: roles.Arg1},
			Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg2, Where: roles.OnLoop, Loop: roles.Arg0}}}},
		roles.Func{Pkg: actor, Recv: "Future", Name: "Result", Blocker: roles.Blocker{Block: roles.BlockStall, Waits: roles.Arg0}},
	), append(append([]roles.Type{}, roles.Default().Types...),
		roles.Type{Pkg: actor, Name: "Context", Role: roles.Marker},
		roles.Type{Pkg: actor, Name: "Future", Role: roles.ExecutorFuture},
	))
	results := analysistest.Run(t, testmodule.Dir(t), engine.BlockingOn(engine.New(table)), "./engine/actoruse")
	blk := results[0].Result.(*engine.Blocks)
	res := blk.Placement()
	if res.SSA == nil {
		t.Fatal("actor code got no SSA")
	}
	var loop []string
	for _, fn := range res.LoopFuncs() {
		for _, op := range blk.Ops(fn) {
			if op.Kind != roles.BlockStall {
				t.Errorf("%s: kind %v, want a stall", op.What, op.Kind)
			}
			loop = append(loop, fn.Name()+": "+op.What)
		}
	}
	want := "Receive: (*actor.Future).Result; Receive$1: (*actor.Future).Result"
	if got := strings.Join(loop, "; "); got != want {
		t.Errorf("blocking ops in loop code:\n got %s\nwant %s", got, want)
	}
}

// TestSharedResult runs two rules reading one package's Result at once
// (drivers run them in parallel); go test -race checks they may.
func TestSharedResult(t *testing.T) {
	reader := func(name string) *analysis.Analyzer {
		return &analysis.Analyzer{
			Name:     name,
			Doc:      "reads every engine query",
			Requires: []*analysis.Analyzer{engine.Analyzer, engine.Blocking},
			Run: func(pass *analysis.Pass) (any, error) {
				res := pass.ResultOf[engine.Analyzer].(*engine.Result)
				blk := pass.ResultOf[engine.Blocking].(*engine.Blocks)
				for _, fn := range res.Funcs {
					for _, op := range blk.Ops(fn) {
						res.AwaitCtx(fn, op.Pos)
					}
					blk.SelfSubmits(fn)
					res.IsLoopCode(fn)
					blk.MayBlock(fn)
				}
				return nil, nil
			},
		}
	}
	both := &analysis.Analyzer{
		Name:     "both",
		Doc:      "requires two readers",
		Requires: []*analysis.Analyzer{reader("reader1"), reader("reader2")},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	analysistest.Run(t, testmodule.Dir(t), both, "./engine/use")
}

// TestSelfSubmits checks SelfSubmits against the "submit:" comments of
// testdata/engine/selfsub.
func TestSelfSubmits(t *testing.T) {
	results := analysistest.Run(t, testmodule.Dir(t), engine.Blocking, "./engine/selfsub")
	blk := results[0].Result.(*engine.Blocks)
	res := blk.Placement()
	want := map[int]string{}
	for _, f := range res.Pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if spec, ok := strings.CutPrefix(c.Text, "// submit: "); ok {
					want[res.Pass.Fset.Position(c.Pos()).Line] = spec
				}
			}
		}
	}
	got := map[int]string{}
	for _, fn := range res.LoopFuncs() {
		for _, s := range blk.SelfSubmits(fn) {
			deadlock := false
			for _, w := range s.Waits {
				if w.Submit != s.Call {
					t.Errorf("wait %s at %s is not marked as waiting for its submit", w.What, code.Where(res.Pass, w.Pos))
				}
				deadlock = deadlock || w.Deadlock != nil
			}
			got[res.Pass.Fset.Position(s.Call.Pos()).Line] = fmt.Sprintf("waits=%d deadlock=%v", len(s.Waits), deadlock)
		}
	}
	for line, w := range want {
		if got[line] != w {
			t.Errorf("line %d: got %q, want %q", line, got[line], w)
		}
	}
	for line, g := range got {
		if _, ok := want[line]; !ok {
			t.Errorf("line %d: unexpected self-submit %q", line, g)
		}
	}
	if len(want) < 5 {
		t.Errorf("only %d expectations found", len(want))
	}
}

// TestHandlerMethods checks a Handler row: the listed methods of types
// implementing the interface (directly or by embedding) are loop code on the
// loop of their Conn parameter; the interface's other methods, the type's
// own methods and look-alikes of types that do not implement it are not.
func TestHandlerMethods(t *testing.T) {
	const lib = "futurelint.test/engine/netloop"
	table := roles.Build(append(roles.Libraries(), &roles.Library{
		Name:  "netloop",
		Paths: []string{lib},
		Words: roles.Words{Loop: "the network loop"},
		Types: []roles.Type{{Pkg: lib, Name: "EventHandler", Role: roles.Handler, Methods: []string{"OnTraffic"}, Loop: roles.Arg1}},
	})...)
	results := analysistest.Run(t, testmodule.Dir(t), engine.BlockingOn(engine.New(table)), "./engine/handleruse")
	blk := results[0].Result.(*engine.Blocks)
	res := blk.Placement()
	if res.SSA == nil {
		t.Fatal("handler code got no SSA")
	}
	var got []string
	for _, fn := range res.LoopFuncs() {
		for _, op := range blk.Ops(fn) {
			got = append(got, fmt.Sprintf("%d %s", res.Pass.Fset.Position(op.Pos).Line, res.ActivationRoot(fn).Name()))
		}
		if p := res.Place(fn); p.Parent == nil && !strings.Contains(p.Reason, "OnTraffic method of") {
			t.Errorf("%s: reason %q", fn, p.Reason)
		}
		if w := res.Words(fn, nil); w.Loop != "the network loop" {
			t.Errorf("%s: words of loop %q, want the handler library's", fn, w.Loop)
		}
	}
	sort.Strings(got)
	want := "16 OnTraffic; 20 OnTraffic; 21 OnTraffic; 41 OnTraffic"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("blocking ops in loop code:\n got %s\nwant %s", g, want)
	}
	checked := 0
	for _, fn := range res.Funcs {
		for ci := range fn.Blocks[0].Instrs {
			call, ok := fn.Blocks[0].Instrs[ci].(*ssa.Call)
			if !ok || call.Call.StaticCallee() == nil {
				continue
			}
			switch name := call.Call.StaticCallee().Name(); name {
			case "current", "other":
				if got := res.IsCurrentLoop(fn, call.Call.Args[0]); got != (name == "current") {
					t.Errorf("%s: IsCurrentLoop = %v", res.Pass.Fset.Position(call.Pos()), got)
				}
				checked++
			}
		}
	}
	if checked != 2 {
		t.Errorf("checked %d current/other calls, want 2", checked)
	}
}
