package roles

// GojaLoopPkg is the import path of goja_nodejs's event loop, and GojaPkg
// that of the goja runtime its callbacks are given.
const (
	GojaLoopPkg = "github.com/dop251/goja_nodejs/eventloop"
	GojaPkg     = "github.com/dop251/goja"
)

func init() { Register(&gojaLoopLibrary) }

// gojaLoopLibrary is goja_nodejs's eventloop: a Node-style loop running
// JavaScript on one goroutine, which hands every callback the loop's
// *goja.Runtime. Lines are of eventloop/eventloop.go at the pinned version
// (goja itself at v0.0.0-20250309171923-bcd7cc6bf64c).
var gojaLoopLibrary = Library{
	Name:    "gojaloop",
	Paths:   []string{GojaLoopPkg},
	Version: "v0.0.0-20260212111938-1f56ff5bcf14",
	Preset:  true,
	Modules: []Module{{Path: "github.com/dop251/goja_nodejs", Checked: "v0.0.0-20260212111938-1f56ff5bcf14"}},
	Example: "loop.Stop() in a RunOnLoop or SetTimeout callback deadlocks the event loop: loop.StopNoWait()",
	Words:   gojaLoopWords,
	Types: []Type{
		// The runtime a loop callback is given: "The instance of
		// goja.Runtime that is passed to the function and any Values
		// derived from it must not be used outside the function"
		// (eventloop.go:159-160, 187-189, 228-229, 316-317); goja's
		// README.md:99-103, "An instance of goja.Runtime can only be used
		// by a single goroutine at a time". A runtime from goja.New() is
		// bound to no loop. Interrupt is made for other goroutines: it
		// takes a lock and sets an atomic flag (vm.go:685-690), and the
		// README's "Interrupting" example calls it from time.AfterFunc.
		{Pkg: GojaPkg, Name: "Runtime", Role: LoopBound, ThreadSafe: []string{"Interrupt"}},
	},
	Funcs: []Func{
		// Callbacks run "in the context of the loop": RunOnLoop :314-319
		// (in call order), SetTimeout :156-163, SetInterval :184-192, all
		// "safe to call inside or outside the loop" (so not a mistake on
		// the loop; waiting there for what the callback does is one).
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "RunOnLoop",
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0, Ordered: true}}}},
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "SetTimeout",
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0}}}},
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "SetInterval",
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0}}}},

		// Run(fn) :226-236 calls fn with the loop's runtime and then runs
		// the loop on the calling goroutine until no job is left;
		// StartInForeground :244-252 runs it there until Stop. Both, and
		// Start :238-243, panic when the loop is already started (setRunning,
		// :213-218; "If the loop is already started it will panic").
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "Run", Blocker: Blocker{Block: BlockLoopRun}, OwnLoop: OwnLoopPanic,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0}}}},
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "StartInForeground", Blocker: Blocker{Block: BlockLoopRun}, OwnLoop: OwnLoopPanic},
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "Start", OwnLoop: OwnLoopPanic},

		// Stop :254-271: "It is not allowed to call Stop() from the loop,
		// because it is synchronous and cannot complete until the loop is
		// not running any jobs. Use StopNoWait() instead." Terminate
		// :283-289 calls Stop first. Stopping another loop waits for it.
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "Stop", Blocker: Blocker{Block: BlockDrain}, OwnLoop: OwnLoopDeadlock, Instead: NoWait},
		{Pkg: GojaLoopPkg, Recv: "EventLoop", Name: "Terminate", Blocker: Blocker{Block: BlockDrain}, OwnLoop: OwnLoopDeadlock},
	},
}

// gojaLoopWords are goja_nodejs's: "the loop" of its docs, whose code
// hands slow work to a goroutine and queues the result back with RunOnLoop.
var gojaLoopWords = Words{
	Loop:          "the event loop",
	LoopGoroutine: "the event loop",

	AwaitFuture: Advice{
		Callback: "wait on a goroutine and hand the result back with loop.RunOnLoop(fn)",
	},
	Offload: Advice{
		Callback: "do it on a goroutine and hand the result back with loop.RunOnLoop(fn)",
	},
	OffloadCall: Advice{
		Callback: "call it on a goroutine and hand the result back with loop.RunOnLoop(fn)",
	},
	Sleep: Advice{
		Callback: "schedule the rest with loop.SetTimeout(fn, d)",
	},
	Receive: Advice{
		Callback: "receive on a goroutine and hand the value back with loop.RunOnLoop(fn)",
	},
	LoopSettled: Advice{
		Callback: "continue in the callback instead of waiting for it",
	},
	WaitSelf: "use {l}.StopNoWait() to stop it, {l}.RunOnLoop(fn) to queue work",
	HandBack: "hand the result back with loop.RunOnLoop(fn)",
	// The runtime a loop callback is given "must not be used outside the
	// function" (eventloop.go:159-160); goja's README.md:99-103: "can
	// only be used by a single goroutine at a time".
	LoopOnly:   "it races with the loop's scripts and timers",
	OffLoopFix: "make the call in loop.RunOnLoop(fn), on the runtime it passes",

	Fixes: map[Rewrite]Fix{
		// StopNoWait :273-275: "Can be used inside the loop".
		NoWait: {Message: "Stop the loop without waiting for it: StopNoWait", Text: "StopNoWait"},
	},
}
