package roles

import (
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Library is one library's rows and words: the futures runtime, the
// standard library, or a preset (an actor library, a network or UI loop).
// Each lives in a file of its own in this package, as a plain literal
// registered from that file's init function:
//
//	var actorLibrary = Library{
//		Name:    "protoactor",
//		Paths:   []string{"github.com/asynkron/protoactor-go/actor"},
//		Version: "v0.0.0-20240413045429-76c172a71a16",
//		Preset:  true,
//		Example: "fut.Result() in Receive blocks the actor's mailbox",
//		Words:   Words{Loop: "the actor's mailbox", ...},
//		Types:   []Type{{Pkg: "...", Name: "Context", Role: Marker}},
//		Funcs:   []Func{{Pkg: "...", Recv: "Future", Name: "Result", Block: BlockStall, Waits: Arg0}},
//	}
//
//	func init() { Register(&actorLibrary) }
//
// The zero value of every field means "none".
type Library struct {
	// Name is the short name users turn a preset off by ("protoactor").
	Name string
	// Paths are the import paths whose APIs the rows describe; a finding
	// about loop code of one of them is worded with Words.
	Paths []string
	// Clients are those of Paths that use the library's loop rather than
	// implement it (protoactor's cluster, whose grains are actors): their
	// own code is analysed like any user's, with their rows applying at
	// calls. The code of the other Paths is described by the rows alone.
	Clients []string
	// Version is the module version the rows were checked against ("" for
	// the standard library and the runtime, which come with futurelint).
	Version string
	// Example is one line showing the mistake the rows let futurelint find.
	Example string
	// Preset is set for a library's rows that users may turn off (a
	// third-party library); the runtime and the standard library are
	// always on.
	Preset bool

	// Modules are the module paths the rows hold for, the one they name
	// first, then its other major versions, old paths and forks with the
	// same API. A library that lists none has one: Paths[0] at Version.
	Modules []Module
	// Older are rows that differ in earlier versions of a module: the
	// version a package builds against picks them.
	Older []Older

	Words  Words
	Funcs  []Func
	Types  []Type
	Fields []Field

	// NeedsLoop lists packages whose network calls (BlockIO rows) need
	// this library's loop to complete: made from its loop code they never
	// return. syscall/js: net/http is implemented with the JavaScript
	// fetch API, whose callbacks run on the JavaScript event loop.
	NeedsLoop []string
	// OnlyDrains says nobody waits on the loop (an inferred dispatcher
	// whose callers only hand it values): blocking is its job, and only
	// the certain deadlocks of its code are findings.
	OnlyDrains bool
	// Owner, for an inferred loop, is the named type ("path.Bus") whose
	// fields it drains: each value of it runs a loop of its own, and a
	// call waits for the current one only when made on that very value.
	// "" for a loop that is one per process.
	Owner string
}

// TypeName names the named type t is or points to, "path.Name"; "" for
// any other type.
func TypeName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Path() + "." + n.Obj().Name()
	}
	return ""
}

// Needs reports whether I/O of package path needs lib's loop (NeedsLoop).
func (lib *Library) Needs(path string) bool {
	return lib != nil && slices.Contains(lib.NeedsLoop, path)
}

// Words are a library's vocabulary: what findings about its loop code call
// things, what they advise, and the text of its mechanical fixes. Advice
// and fix texts are templates whose placeholders rules fill in (Say):
//
//	{pkg} the name under which the file imports the library (futures)
//	{c}   the marker in scope (c, or a placeholder in advice)
//	{l}   the loop as written (l, s.loop, c.Loop()), or a placeholder
//	{f}   the future as written
//	{co}  the coroutine, {fn} the callback, as written or a placeholder
//	{0}, {1}, ...  the arguments of the rewritten call as written
//
// An empty field means the library has no such spelling: rules then give
// their advice in general terms, and offer no fix.
type Words struct {
	// Loop is what the loop is called: "the event loop", "the actor's
	// mailbox", "the UI goroutine".
	Loop string
	// LoopGoroutine is the goroutine running the loop: "the event loop
	// goroutine".
	LoopGoroutine string
	// Marker is the marker type as code spells it ("*futures.Ctx"): the
	// parameter that lets a function wait without blocking.
	Marker string
	// WaitSelf is the advice for a call that waits for the loop running
	// the calling code ({l}.Stop() on its own loop), or that panics there
	// ({l}.Run): what to call instead.
	WaitSelf string

	// What loop code writes instead of blocking, by what blocks.
	AwaitFuture Advice // a wait for a future: "await it with ..."
	Offload     Advice // a blocking call: run it elsewhere and take the result on the loop
	OffloadCall Advice // a call of a function that may block
	Sleep       Advice // a sleep
	Receive     Advice // a channel wait for a value from elsewhere
	LoopSettled Advice // a wait for what only this loop's own code settles
	Spawn       Advice // running a coroutine on a new loop (asyncio.run inside a coroutine)
	RunOther    Advice // running another loop on this loop's goroutine
	// RunSelf is the advice for running, from its own code, the loop that
	// is running already.
	RunSelf string

	// What code on a loop writes instead of a thread-safe submit to its
	// own loop: when nothing waits for the work (SubmitCallback for a
	// callback, SubmitCoroutine for a coroutine), and when the code then
	// waits for it (WaitCallback, WaitCoroutine).
	SubmitCallback  string
	SubmitCoroutine Advice
	WaitCallback    string
	WaitCoroutine   Advice

	// HandBack is how a callback run on another goroutine hands a result
	// back to the loop ("use futures.Wrap({l}, {f}).Then(fn)").
	HandBack string
	// LoopOnly says what goes wrong when a loop-only call is made from
	// another goroutine ("it races with the loop, or panics"), and
	// OffLoopFix what to write instead; {loop} is Loop.
	LoopOnly   string
	OffLoopFix string
	// NestedTask and NestedFuture are how a coroutine returns the value of
	// the task or future it would otherwise return nested.
	NestedTask   string
	NestedFuture string

	// Fixes are the texts of the mechanical rewrites rows name (Instead).
	Fixes map[Rewrite]Fix
}

// Advice is a piece of advice in its two forms: for a coroutine, which
// holds a marker and can suspend, and for a callback, which cannot.
type Advice struct {
	Coroutine, Callback string
}

// In returns the form for code that is a coroutine or not.
func (a Advice) In(coroutine bool) string {
	if coroutine {
		return a.Coroutine
	}
	return a.Callback
}

// Fix is the text of one mechanical rewrite: Message for the suggested
// fix, Text a template for the replacement (for a rename, the new name).
type Fix struct {
	Message, Text string
}

// Say fills the placeholders of template t with vars ("c" -> "ctx").
// Placeholders without a value stay as written.
func Say(t string, vars map[string]string) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		name := t[i+1 : i+j]
		if !isPlaceholder(name) {
			// A brace of the advice's code ("func() { ...; {c}.Send() }"):
			// keep it and look for placeholders after it.
			b.WriteByte('{')
			t = t[i+1:]
			continue
		}
		if v, ok := vars[name]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(t[i : i+j+1])
		}
		t = t[i+j+1:]
	}
}

// isPlaceholder reports whether name may name a placeholder of Say: a
// non-empty run of letters and digits.
func isPlaceholder(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// registered holds the libraries of this package, by name.
var registered = map[string]*Library{}

// Register adds a library to the ones futurelint ships. Each library's file
// calls it from init. A duplicate or unnamed library panics at init.
func Register(lib *Library) {
	if lib.Name == "" {
		panic("roles: Register: a library without a name")
	}
	if registered[lib.Name] != nil {
		panic("roles: Register: library " + lib.Name + " registered twice")
	}
	registered[lib.Name] = lib
}

// Libraries returns the libraries futurelint ships, sorted by name.
func Libraries() []*Library {
	var out []*Library
	for _, name := range slices.Sorted(maps.Keys(registered)) {
		out = append(out, registered[name])
	}
	return out
}

// Presets returns the libraries a user may turn off, sorted by name.
func Presets() []*Library {
	var out []*Library
	for _, lib := range Libraries() {
		if lib.Preset {
			out = append(out, lib)
		}
	}
	return out
}

// Config chooses the effective table of a run.
type Config struct {
	// Disable names presets to leave out (Library.Name).
	Disable []string
	// Extra are rows that futurelint does not ship: from the user's
	// configuration file or the golangci-lint settings. Each is a Library
	// (its Name says where the rows came from, in errors and listings).
	// Their rows are added after the shipped ones; a row for a function
	// that already has one replaces it.
	Extra []*Library
}

// Effective builds the table of a run: the shipped libraries, less the
// presets cfg disables, plus cfg's extra rows. Naming a library that is
// not a preset is an error, so a typo never silently changes what runs.
func Effective(cfg Config) (*Table, error) {
	off := map[string]bool{}
	for _, name := range cfg.Disable {
		lib := registered[name]
		if lib == nil || !lib.Preset {
			return nil, fmt.Errorf("unknown preset %q (the presets are: %s)", name, presetNames())
		}
		off[name] = true
	}
	var libs []*Library
	for _, lib := range Libraries() {
		if !off[lib.Name] {
			libs = append(libs, lib)
		}
	}
	return Build(append(libs, cfg.Extra...)...), nil
}

func presetNames() string {
	var names []string
	for _, lib := range Presets() {
		names = append(names, lib.Name)
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// Build indexes the rows of libs into a Table, in order: a later row for the
// same function or type replaces an earlier one.
func Build(libs ...*Library) *Table {
	var funcs []Func
	var types []Type
	var fields []Field
	var all []*Library
	for _, lib := range libs {
		all = append(all, lib.Expanded()...)
	}
	libs = all
	for _, lib := range libs {
		funcs = append(funcs, lib.Funcs...)
		types = append(types, lib.Types...)
		fields = append(fields, lib.Fields...)
	}
	t := New(funcs, types)
	t.Fields = fields
	for i := range fields {
		f := &fields[i]
		t.fields[key{f.Pkg, f.Type, f.Name}] = f
		t.pkgs[f.Pkg] = true
	}
	for _, lib := range libs {
		for _, p := range lib.Paths {
			t.libs[p] = lib
		}
		for _, p := range lib.Clients {
			t.clients[p] = true
		}
	}
	return t
}

// With returns a table with the rows of t and then those of libs: the hook
// for rows that arrive during a run (from facts of //futurelint:
// directives in a library's own source).
func (t *Table) With(libs ...*Library) *Table {
	if len(libs) == 0 {
		return t
	}
	old := &Library{Funcs: t.Funcs, Types: t.Types, Fields: t.Fields}
	nt := Build(append([]*Library{old}, libs...)...)
	for p, lib := range t.libs {
		if nt.libs[p] == nil {
			nt.libs[p] = lib
		}
	}
	maps.Copy(nt.clients, t.clients)
	return nt
}

// Library returns the library whose rows describe package path, or nil.
func (t *Table) Library(path string) *Library { return t.libs[path] }

// Default is the table futurelint ships: every registered library, presets
// included. Runs use the effective table (Effective) instead.
var Default = sync.OnceValue(func() *Table { return Build(Libraries()...) })

// GenericWords are the words for loop code of a library that has none of
// its own (an API described only by a user's rows, a wrapper's fact): they
// advise in general terms, and offer no fix.
var GenericWords = Words{
	Loop:          "the loop",
	LoopGoroutine: "the loop's goroutine",
	Marker:        "the loop's context parameter",
	WaitSelf:      "ask it to stop, or hand it work, without waiting",

	AwaitFuture: Advice{
		Coroutine: "wait for it without blocking, with the loop's own await",
		Callback:  "have the result delivered to the loop in a callback instead of waiting for it",
	},
	Offload: Advice{
		Coroutine: "run it on another goroutine and await its result without blocking",
		Callback:  "run it on another goroutine and hand the result back to the loop",
	},
	OffloadCall: Advice{
		Coroutine: "run it on another goroutine and await its result without blocking",
		Callback:  "run it on another goroutine and hand the result back to the loop",
	},
	Sleep: Advice{
		Coroutine: "suspend with the loop's own sleep",
		Callback:  "schedule the rest on the loop with a timer",
	},
	Receive: Advice{
		Coroutine: "receive on another goroutine and hand the value back to the loop",
		Callback:  "deliver the value to the loop with a thread-safe submit instead of waiting for it",
	},
	LoopSettled: Advice{
		Coroutine: "continue in the callback that sends or closes",
		Callback:  "continue in the callback that sends or closes",
	},
	Spawn: Advice{
		Coroutine: "run the coroutine on the current loop instead",
		Callback:  "run the coroutine on the current loop instead",
	},
	RunOther: Advice{
		Coroutine: "run that loop on a goroutine of its own and hand it work with its thread-safe submit",
		Callback:  "run that loop on a goroutine of its own and hand it work with its thread-safe submit",
	},
	RunSelf: "hand {l} work instead of running it again",

	SubmitCallback: "schedule it on the loop directly",
	SubmitCoroutine: Advice{
		Coroutine: "call or await the coroutine directly",
		Callback:  "start it on this loop directly",
	},
	WaitCallback: "do the callback's work here, directly",
	WaitCoroutine: Advice{
		Coroutine: "call or await the coroutine directly",
		Callback:  "start it on this loop directly and continue when it is done",
	},

	HandBack:     "hand the result back to the loop with its thread-safe submit",
	LoopOnly:     "it races with the loop, or panics",
	OffLoopFix:   "make the call on {loop}, through a thread-safe submit",
	NestedTask:   "await the task and return its value",
	NestedFuture: "await the inner work and return its value",
}

// Or returns w with every empty text taken from d: a library's words, with
// generic ones where it has none. Fixes are not filled in: a library
// without a fix text has no fix.
func (w Words) Or(d Words) Words {
	str := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	adv := func(a *Advice, d Advice) {
		str(&a.Coroutine, d.Coroutine)
		str(&a.Callback, d.Callback)
	}
	str(&w.Loop, d.Loop)
	str(&w.LoopGoroutine, d.LoopGoroutine)
	str(&w.Marker, d.Marker)
	str(&w.WaitSelf, d.WaitSelf)
	adv(&w.AwaitFuture, d.AwaitFuture)
	adv(&w.Offload, d.Offload)
	adv(&w.OffloadCall, d.OffloadCall)
	adv(&w.Sleep, d.Sleep)
	adv(&w.Receive, d.Receive)
	adv(&w.LoopSettled, d.LoopSettled)
	adv(&w.Spawn, d.Spawn)
	adv(&w.RunOther, d.RunOther)
	str(&w.RunSelf, d.RunSelf)
	str(&w.SubmitCallback, d.SubmitCallback)
	adv(&w.SubmitCoroutine, d.SubmitCoroutine)
	str(&w.WaitCallback, d.WaitCallback)
	adv(&w.WaitCoroutine, d.WaitCoroutine)
	str(&w.HandBack, d.HandBack)
	str(&w.LoopOnly, d.LoopOnly)
	str(&w.OffLoopFix, d.OffLoopFix)
	str(&w.NestedTask, d.NestedTask)
	str(&w.NestedFuture, d.NestedFuture)
	return w
}
