package engine_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestCurrentLoops checks the spellings of the current loop that fixes use,
// on the IsCurrentLoop specification in testdata/engine/use.
func TestCurrentLoops(t *testing.T) {
	results := analysistest.Run(t, testmodule.Dir(t), engine.Analyzer, "./engine/use")
	res := results[0].Result.(*engine.Result)
	spell := func(fn *ssa.Function) string {
		var out []string
		for _, ref := range res.CurrentLoops(fn) {
			name := "?"
			switch root := ref.Root.(type) {
			case *ssa.Parameter, *ssa.Global:
				name = root.Name()
			case *ssa.Alloc:
				name = root.Comment
			}
			out = append(out, name+ref.Path)
		}
		return strings.Join(out, " ")
	}
	fn := func(name string) *ssa.Function {
		f := res.SSA.Func(name)
		if f == nil {
			t.Fatalf("no function %s", name)
		}
		return f
	}
	method := func(typ, name string) *ssa.Function {
		for _, f := range res.Funcs {
			if f.Name() == name && f.Signature.Recv() != nil && strings.Contains(f.Signature.Recv().Type().String(), typ) {
				return f
			}
		}
		t.Fatalf("no method %s.%s", typ, name)
		return nil
	}
	for _, tc := range []struct {
		fn   *ssa.Function
		want string
	}{
		{fn("coroutine"), "c.Loop()"},
		{fn("coroutine").AnonFuncs[1], "c.Loop()"}, // l := c.Loop(); l.CallSoon(...)
		{fn("viaWrapper").AnonFuncs[0], "l"},
		{method("actor", "receive"), "a.loop a.loop"}, // the scheduler's a and the receiver
		{fn("tock"), "global"},
		{fn("tick"), ""},       // scheduled on two loops
		{fn("viaWrapper"), ""}, // not loop code
	} {
		if got := spell(tc.fn); got != tc.want {
			t.Errorf("CurrentLoops(%s) = %q, want %q", tc.fn.Name(), got, tc.want)
		}
	}
}
