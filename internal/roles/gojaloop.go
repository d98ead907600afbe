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

		// What the runtime makes is its own ("it's not possible to pass
		// object values between runtimes", README.md:101-103) and is bound
		// to its loop, made in a loop callback or in a function the runtime
		// calls back: NewPromise's resolve and reject "are not
		// goroutine-safe and must not be called in parallel with VM
		// running", to be called in RunOnLoop (builtin_promise.go:606-627);
		// an *Object holds its runtime (object.go:48-50), and its methods and
		// the goja.Value ones (value.go:76-95: ToString, Export) read and
		// write the runtime's state and may run getters and valueOf; a
		// Promise's State and Result read what the loop settles
		// (builtin_promise.go:65-71); Callable and Constructor run the
		// function on its runtime (runtime.go:2462-2498, runWrapped);
		// ArrayBuffer.Detach "may only be called from the goroutine that
		// 'owns' the Runtime" (typedarrays.go:101-102); Proxy.Revoke changes
		// the proxy (proxy.go:64-66). A native function's FunctionCall and
		// ConstructorCall carry the runtime's values, and "implementations
		// must not retain and use references to FunctionCall.Arguments
		// after the function returns" (runtime.go:1646-1649). Not bound:
		// Symbol ("can be shared by multiple Runtimes", value.go:117),
		// Program, and the plain Go values Export and String give.
		{Pkg: GojaPkg, Name: "Value", Role: BoundValue},
		{Pkg: GojaPkg, Name: "Object", Role: BoundValue},
		{Pkg: GojaPkg, Name: "Promise", Role: BoundValue},
		{Pkg: GojaPkg, Name: "Callable", Role: BoundValue},
		{Pkg: GojaPkg, Name: "Constructor", Role: BoundValue},
		{Pkg: GojaPkg, Name: "ArrayBuffer", Role: BoundValue},
		{Pkg: GojaPkg, Name: "Proxy", Role: BoundValue},
		{Pkg: GojaPkg, Name: "FunctionCall", Role: BoundValue},
		{Pkg: GojaPkg, Name: "ConstructorCall", Role: BoundValue},
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
	LoopOnly:   "a data race",
	OffLoopFix: "call it in loop.RunOnLoop(fn)",

	Fixes: map[Rewrite]Fix{
		// StopNoWait :273-275: "Can be used inside the loop".
		NoWait: {Message: "Stop the loop without waiting for it: StopNoWait", Text: "StopNoWait"},
	},
}
