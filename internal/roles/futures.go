package roles

// FuturesPkg is the import path of futurelint's reference runtime.
const FuturesPkg = "github.com/futurelint/futurelint/futures"

func init() { Register(&futuresLibrary) }

// futuresLibrary is futurelint's reference runtime, package futures: an
// asyncio-style event loop (Loop, coroutines taking a *Ctx, Task) and a
// goroutine pool (Executor, Future).
var futuresLibrary = Library{
	Name:    "futures",
	Paths:   []string{FuturesPkg},
	Example: "f.Result() in a coroutine (func(c *futures.Ctx) ...) blocks the event loop: futures.Await(c, futures.Wrap(c.Loop(), f))",
	Words:   futuresWords,
	Types: []Type{
		{Pkg: FuturesPkg, Name: "Ctx", Role: Marker},
		{Pkg: FuturesPkg, Name: "Future", Role: ExecutorFuture},
		{Pkg: FuturesPkg, Name: "Task", Role: LoopTask},
		{Pkg: FuturesPkg, Name: "Loop", Role: LoopType},
		{Pkg: FuturesPkg, Name: "Promise", Role: PromiseType},
	},
	Funcs: []Func{
		// Waiting on a future from another goroutine. ResultContext's ctx
		// has no loop-side spelling: no rewrite.
		{Pkg: FuturesPkg, Recv: "Future", Name: "Result", Blocker: Blocker{Block: BlockFuture, Waits: Arg0}, Instead: AwaitWrap},
		{Pkg: FuturesPkg, Recv: "Future", Name: "ResultContext", Blocker: Blocker{Block: BlockFuture, Waits: Arg0, WaitsContext: true}},
		// A context a wait cannot give up on while the loop is blocked: the
		// task's, cancelled only by its own loop.
		{Pkg: FuturesPkg, Recv: "Ctx", Name: "Context", Futures: Futures{Undone: true}},
		{Pkg: FuturesPkg, Recv: "Future", Name: "Done", Futures: Futures{Done: true}},
		{Pkg: FuturesPkg, Recv: "Executor", Name: "Shutdown", Blocker: Blocker{Block: BlockDrain}, Executor: Executor{Pool: Arg0}},

		// Completion of executor futures, and their write side.
		{Pkg: FuturesPkg, Recv: "Future", Name: "OnDone", Instead: WrapThen,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop, AfterSettle: true}}}},
		{Pkg: FuturesPkg, Recv: "Future", Name: "Cancel", Futures: Futures{Settles: true}},
		{Pkg: FuturesPkg, Recv: "Promise", Name: "Resolve", Futures: Futures{Settles: true}},
		{Pkg: FuturesPkg, Recv: "Promise", Name: "Reject", Futures: Futures{Settles: true}},
		{Pkg: FuturesPkg, Name: "NewPromise", Futures: Futures{New: true}},
		{Pkg: FuturesPkg, Recv: "Promise", Name: "Future", Futures: Futures{FutureOf: true}},
		{Pkg: FuturesPkg, Name: "Submit", Instead: AwaitRunInExecutor, Executor: Executor{Pool: Arg0},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop}}}},

		// Running a loop on the calling goroutine.
		{Pkg: FuturesPkg, Recv: "Loop", Name: "Run", Blocker: Blocker{Block: BlockLoopRun}},
		{Pkg: FuturesPkg, Name: "Run", Blocker: Blocker{Block: BlockLoopRun}, Scheduler: Scheduler{NewLoop: true, Funcs: []FuncArg{{Arg: Arg1, Where: Coroutine}}}},

		// Scheduling on a loop from loop code.
		{Pkg: FuturesPkg, Recv: "Loop", Name: "CallSoon", LoopAPI: LoopAPI{LoopOnly: true, AnyGoroutine: "CallSoonThreadsafe"},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0, Ordered: true}}}},
		{Pkg: FuturesPkg, Recv: "Loop", Name: "CallLater", LoopAPI: LoopAPI{LoopOnly: true},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: Arg0}}}},
		{Pkg: FuturesPkg, Name: "Spawn", LoopAPI: LoopAPI{LoopOnly: true, AnyGoroutine: "RunThreadsafe"},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: Coroutine, Loop: Arg0, Ordered: true}}}},
		// Then runs fn on the loop of the task, which is the loop of the
		// code calling Then: tasks are used only on their loop.
		{Pkg: FuturesPkg, Recv: "Task", Name: "Then", LoopAPI: LoopAPI{LoopOnly: true},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: CallerLoop, AfterSettle: true}}}},

		// Thread-safe submits.
		{Pkg: FuturesPkg, Recv: "Loop", Name: "CallSoonThreadsafe", Submitter: Submitter{SubmitLoop: Arg0}, Instead: LoopCallSoon,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0, Threadsafe: true}}}},
		{Pkg: FuturesPkg, Name: "RunThreadsafe", Submitter: Submitter{SubmitLoop: Arg0}, Instead: LoopSpawn,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: Coroutine, Loop: Arg0, Threadsafe: true}}}},

		// Wrapping executor work onto a loop.
		{Pkg: FuturesPkg, Name: "Wrap", Executor: Executor{WrapLoop: Arg0, WrapFuture: Arg1}, LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: FuturesPkg, Name: "RunInExecutor", Executor: Executor{WrapLoop: Arg0, Pool: Arg1}, LoopAPI: LoopAPI{LoopOnly: true},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OffLoop}}}},

		// The current loop, and suspension points.
		{Pkg: FuturesPkg, Recv: "Ctx", Name: "Loop", LoopAPI: LoopAPI{CurrentLoop: true}},
		{Pkg: FuturesPkg, Name: "Await", LoopAPI: LoopAPI{Suspends: true, LoopOnly: true}},
		{Pkg: FuturesPkg, Name: "Sleep", LoopAPI: LoopAPI{Suspends: true, LoopOnly: true}},
		{Pkg: FuturesPkg, Name: "Gather", LoopAPI: LoopAPI{Suspends: true, LoopOnly: true}},
		{Pkg: FuturesPkg, Recv: "Task", Name: "Done", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: FuturesPkg, Recv: "Task", Name: "Cancel", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: FuturesPkg, Recv: "Timer", Name: "Stop", LoopAPI: LoopAPI{LoopOnly: true}},
	},
}

// futuresWords are the runtime's words: an asyncio-style event loop whose
// coroutines await.
var futuresWords = Words{
	Loop:          "the event loop",
	LoopGoroutine: "the event loop goroutine",
	Marker:        "*futures.Ctx",

	AwaitFuture: Advice{
		Coroutine: "use futures.Await({c}, futures.Wrap({c}.Loop(), f))",
		Callback:  "take the result with futures.Wrap(loop, f).Then(fn)",
	},
	Offload: Advice{
		Coroutine: "run it with futures.Await({c}, futures.RunInExecutor({c}.Loop(), e, job))",
		Callback:  "run it with futures.RunInExecutor(loop, e, job).Then(fn)",
	},
	OffloadCall: Advice{
		Coroutine: "run it with futures.Await({c}, futures.RunInExecutor({c}.Loop(), e, job))",
		Callback:  "run it with futures.RunInExecutor(loop, e, job).Then(fn)",
	},
	Sleep: Advice{
		Coroutine: "suspend with futures.Sleep({c}, d)",
		Callback:  "schedule the rest with loop.CallLater(d, fn)",
	},
	Receive: Advice{
		Coroutine: "receive with futures.Await({c}, futures.RunInExecutor({c}.Loop(), e, job))",
		Callback:  "deliver the value with loop.CallSoonThreadsafe(fn) instead",
	},
	LoopSettled: Advice{
		Coroutine: "have them resolve p instead: futures.Await({c}, futures.Wrap({c}.Loop(), p.Future()))",
		Callback:  "continue in the callback that sends or closes",
	},
	Spawn: Advice{
		Coroutine: "spawn it on this loop: futures.Await({c}, futures.Spawn({c}.Loop(), co))",
		Callback:  "spawn it on this loop: futures.Spawn(loop, co)",
	},
	RunOther: Advice{
		Coroutine: "run it on a goroutine of its own (go {l}.Run(ctx)) and hand it work with futures.RunThreadsafe({l}, co)",
		Callback:  "run it on a goroutine of its own (go {l}.Run(ctx)) and hand it work with {l}.CallSoonThreadsafe(fn)",
	},
	RunSelf: "futures panics on a second Run: hand {l} work with {l}.CallSoon(fn) or futures.Spawn({l}, co)",

	SubmitCallback: "use {l}.CallSoon({fn})",
	SubmitCoroutine: Advice{
		Coroutine: "use futures.Spawn({l}, {co}), or call {co}({c})",
		Callback:  "use futures.Spawn({l}, {co}).Then(fn)",
	},
	WaitCallback: "do the callback's work here, directly",
	WaitCoroutine: Advice{
		Coroutine: "call {co}({c}) or futures.Await({c}, futures.Spawn({l}, {co}))",
		Callback:  "continue in futures.Spawn({l}, {co}).Then(fn)",
	},

	HandBack:     "use futures.Wrap({l}, {f}).Then(fn)",
	OffLoopFix:   "make the call in loop.CallSoonThreadsafe(fn)",
	NestedTask:   "return futures.Await({c}, t)",
	NestedFuture: "return futures.Await({c}, futures.Wrap({c}.Loop(), f))",

	Fixes: map[Rewrite]Fix{
		AwaitWrap:          {Message: "Await the future wrapped onto the loop", Text: "{pkg}.Await({c}, {pkg}.Wrap({c}.Loop(), {f}))"},
		AwaitRunInExecutor: {Message: "Run the job with RunInExecutor and await it", Text: "{pkg}.Await({c}, {pkg}.RunInExecutor({c}.Loop(), {0}, {1}))"},
		SuspendSleep:       {Message: "Suspend with futures.Sleep", Text: "{pkg}.Sleep({c}, {0})"},
		LoopCallSoon:       {Message: "Schedule the callback with CallSoon", Text: "CallSoon"},
		LoopSpawn:          {Message: "Spawn the coroutine on this loop", Text: "Spawn"},
		AwaitLoopSpawn:     {Message: "Spawn the coroutine on this loop and await it", Text: "{pkg}.Await({c}, {pkg}.Spawn({l}, {co}))"},
		WrapThen:           {Message: "Take the result on the loop with futures.Wrap(...).Then", Text: "{pkg}.Wrap({l}, {f}).Then"},
	},
}
