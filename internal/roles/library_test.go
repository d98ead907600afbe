package roles_test

import (
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

// TestZeroMeansNone checks that a row written as a plain literal that names
// no argument has none: no wait, submit or wrap, and no loop runtime.
func TestZeroMeansNone(t *testing.T) {
	row := roles.Func{Pkg: "example.com/lib", Name: "F"}
	for name, a := range map[string]roles.Arg{"Waits": row.Waits, "SubmitLoop": row.SubmitLoop, "WrapLoop": row.WrapLoop, "WrapFuture": row.WrapFuture} {
		if a.Valid() || a.Index() != -1 {
			t.Errorf("zero %s: Valid %v, Index %d; want no argument", name, a.Valid(), a.Index())
		}
	}
	if fa := (roles.FuncArg{}); fa.Arg.Valid() || fa.Loop.Valid() || fa.Context.Valid() {
		t.Errorf("zero FuncArg names an argument: %+v", fa)
	}
	table := roles.Build(&roles.Library{Name: "lib", Funcs: []roles.Func{row}})
	if table.LoopRuntime("example.com/lib") {
		t.Error("a row with no role makes its package a loop runtime")
	}
	if !table.DescribedOnly("example.com/lib") {
		t.Error("the row's package is analysed, not described by its row")
	}
	for i, want := range []roles.Arg{roles.Arg0, roles.Arg1, roles.Arg2} {
		if got := roles.ArgAt(i); got != want || got.Index() != i {
			t.Errorf("ArgAt(%d) = %v (index %d), want %v", i, got, got.Index(), want)
		}
	}
	if roles.ArgAt(-1) != roles.NoArg {
		t.Errorf("ArgAt(-1) = %v, want NoArg", roles.ArgAt(-1))
	}
	// The loops no argument names are neither positions nor each other.
	for _, a := range []roles.Arg{roles.CallerLoop, roles.ProcessLoop} {
		if a.Valid() || a.Index() != -1 || a == roles.NoArg {
			t.Errorf("%v: Valid %v, Index %d; want a loop that names no argument", a, a.Valid(), a.Index())
		}
	}
	if !roles.CallerLoop.IsCallerLoop() || roles.CallerLoop.IsProcessLoop() || !roles.ProcessLoop.IsProcessLoop() || roles.ProcessLoop.IsCallerLoop() {
		t.Error("CallerLoop and ProcessLoop do not answer for themselves alone")
	}
	for _, a := range []roles.Arg{roles.NoArg, roles.Arg0, roles.Arg1} {
		if a.IsCallerLoop() || a.IsProcessLoop() {
			t.Errorf("%v is taken for a loop no argument names", a)
		}
	}
}

// TestLibraries checks the shipped libraries: named, with their rows in
// the default table, presets with the version they were checked against
// and their words.
func TestLibraries(t *testing.T) {
	libs := roles.Libraries()
	names := map[string]bool{}
	for _, lib := range libs {
		names[lib.Name] = true
		if lib.Example == "" {
			t.Errorf("%s: no example", lib.Name)
		}
		if lib.Preset && (lib.Version == "" || len(lib.Paths) == 0 || lib.Words.Loop == "") {
			t.Errorf("%s: a preset needs a version, import paths and the name of its loop", lib.Name)
		}
		for _, p := range lib.Paths {
			if got := roles.Default().Library(p); got != lib {
				t.Errorf("Library(%s) = %v, want %s", p, got, lib.Name)
			}
		}
		for _, p := range lib.Clients {
			if !slices.Contains(lib.Paths, p) {
				t.Errorf("%s: client %s is not one of its paths", lib.Name, p)
			}
		}
	}
	for _, want := range []string{"futures", "std"} {
		if !names[want] {
			t.Errorf("library %s is not registered", want)
		}
	}
	n := 0
	for _, lib := range libs {
		for _, l := range lib.Expanded() {
			n += len(l.Funcs)
		}
	}
	if len(roles.Default().Funcs) != n {
		t.Errorf("the default table has %d rows, the libraries %d", len(roles.Default().Funcs), n)
	}
}

// TestDescribedOnly checks whose code the rows alone describe: a loop
// runtime's and the standard library's rowed packages, but not a client of
// a runtime (protoactor's cluster, whose actors are user-like code), nor a
// package without rows.
func TestDescribedOnly(t *testing.T) {
	table := roles.Default()
	for pkg, want := range map[string]bool{
		roles.FuturesPkg:   true,
		roles.ActorPkg:     true,
		roles.GnetPkg:      true,
		roles.GojaLoopPkg:  true,
		"time":             true,
		roles.ClusterPkg:   false,
		roles.GojaPkg:      false, // the runtime is loop-bound, not a loop
		"example.com/user": false,
	} {
		if got := table.DescribedOnly(pkg); got != want {
			t.Errorf("DescribedOnly(%s) = %v, want %v", pkg, got, want)
		}
	}
	if !table.LoopRuntime(roles.ClusterPkg) {
		t.Errorf("LoopRuntime(%s) = false: its importers need SSA for grain methods", roles.ClusterPkg)
	}
}

// TestEffective checks the effective table: presets can be turned off by
// name only, and extra rows are added, replacing a shipped row for the same
// function.
func TestEffective(t *testing.T) {
	if _, err := roles.Effective(roles.Config{Disable: []string{"no-such-preset"}}); err == nil || !strings.Contains(err.Error(), `unknown preset "no-such-preset"`) {
		t.Errorf("unknown preset: err = %v", err)
	}
	if _, err := roles.Effective(roles.Config{Disable: []string{"futures"}}); err == nil {
		t.Error("the runtime's rows were turned off as a preset")
	}
	for _, p := range roles.Presets() {
		table, err := roles.Effective(roles.Config{Disable: []string{p.Name}})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Paths) > 0 && table.Library(p.Paths[0]) != nil {
			t.Errorf("preset %s is still in the table once disabled", p.Name)
		}
	}
	const pkg = "example.com/team/loop"
	extra := &roles.Library{
		Name:  "config",
		Paths: []string{pkg},
		Types: []roles.Type{{Pkg: pkg, Name: "Ctx", Role: roles.Marker}},
		Funcs: []roles.Func{
			{Pkg: pkg, Name: "Wait", Blocker: roles.Blocker{Block: roles.BlockFuture, Waits: roles.Arg0}},
			{Pkg: "time", Name: "Sleep", Blocker: roles.Blocker{Block: roles.BlockStall}},
		},
	}
	table, err := roles.Effective(roles.Config{Extra: []*roles.Library{extra}})
	if err != nil {
		t.Fatal(err)
	}
	if table.Library(pkg) != extra || !table.LoopRuntime(pkg) {
		t.Error("the extra library's package is not in the table")
	}
	sleep := types.NewFunc(0, types.NewPackage("time", "time"), "Sleep", types.NewSignatureType(nil, nil, nil, nil, nil, false))
	if row := table.Lookup(sleep); row == nil || row.Block != roles.BlockStall {
		t.Errorf("Lookup(time.Sleep) = %+v, want the extra row", row)
	}
	if row := roles.Default().Lookup(sleep); row == nil || row.Block != roles.BlockSleep {
		t.Errorf("the default table changed: Lookup(time.Sleep) = %+v", row)
	}
	with := roles.Default().With(extra)
	if with.Library(pkg) != extra || with.Library(roles.FuturesPkg) == nil || with.Lookup(sleep).Block != roles.BlockStall {
		t.Error("With does not add the library to the table's own")
	}
}

func TestSay(t *testing.T) {
	for _, tc := range []struct{ tmpl, want string }{
		{"await it with futures.Await({c}, futures.Wrap({c}.Loop(), f))", "await it with futures.Await(ctx, futures.Wrap(ctx.Loop(), f))"},
		{"{l}.CallSoon({fn})", "s.loop.CallSoon({fn})"},
		{"no placeholders", "no placeholders"},
		{"unclosed {c", "unclosed {c"},
		// Braces of the advice's own code are kept; placeholders in them filled.
		{"go func() { ...; {c}.Send(self, result) }()", "go func() { ...; ctx.Send(self, result) }()"},
		{"func() {}; {l}", "func() {}; s.loop"},
		{"", ""},
	} {
		if got := roles.Say(tc.tmpl, map[string]string{"c": "ctx", "l": "s.loop"}); got != tc.want {
			t.Errorf("Say(%q) = %q, want %q", tc.tmpl, got, tc.want)
		}
	}
}
