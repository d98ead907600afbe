package loopblock_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
)

// TestLibraryWords runs the rule on an engine whose table has one more
// library, a miniature of protoactor-go's actor package: its finding speaks
// that library's words, not the runtime's.
func TestLibraryWords(t *testing.T) {
	const actor = "futurelint.test/engine/actor"
	lib := &roles.Library{
		Name:    "actor",
		Paths:   []string{actor},
		Version: "v0.0.0",
		Preset:  true,
		Example: "f.Result() in Receive blocks the actor's mailbox",
		Words: roles.Words{
			Loop:          "the actor's mailbox",
			LoopGoroutine: "the actor's mailbox",
			AwaitFuture:   roles.Advice{Coroutine: "continue when it completes with {c}.ReenterAfter(f, fn)"},
		},
		Types: []roles.Type{{Pkg: actor, Name: "Context", Role: roles.Marker}, {Pkg: actor, Name: "Future", Role: roles.ExecutorFuture}},
		Funcs: []roles.Func{
			{Pkg: actor, Recv: "Context", Name: "ReenterAfter", Executor: roles.Executor{WrapLoop: roles.Arg0, WrapFuture: roles.Arg1},
				Scheduler: roles.Scheduler{Funcs: []roles.FuncArg{{Arg: roles.Arg2, Where: roles.OnLoop, Loop: roles.Arg0}}}},
			{Pkg: actor, Recv: "Future", Name: "Result", Blocker: roles.Blocker{Block: roles.BlockStall, Waits: roles.Arg0}, Instead: roles.AwaitWrap},
		},
	}
	table := roles.Build(append(roles.Libraries(), lib)...)
	rule := engine.WithEngine(loopblock.Analyzer, engine.New(table))
	_, found := testmodule.Analyze(t, []*analysis.Analyzer{rule}, "./engine/actoruse")
	var msgs []string
	for _, d := range found {
		msgs = append(msgs, d.Message)
		if len(d.SuggestedFixes) > 0 {
			t.Errorf("a fix the library does not spell: %v", d.SuggestedFixes)
		}
	}
	want := "(*actor.Future).Result blocks the actor's mailbox; continue when it completes with ctx.ReenterAfter(f, fn)"
	if len(msgs) == 0 || msgs[0] != want {
		t.Errorf("messages:\n%s\nwant first:\n%s", strings.Join(msgs, "\n"), want)
	}
	for _, m := range msgs {
		if strings.Contains(m, "futures.") {
			t.Errorf("an actor finding speaks the runtime's words: %s", m)
		}
	}
}
