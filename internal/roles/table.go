package roles

// FuturesPkg is the import path of futurelint's reference runtime.
const FuturesPkg = "github.com/futurelint/futurelint/futures"

// Default is the table futurelint ships: the futures runtime and the standard
// library's clearly blocking calls.
//
// The standard library is described only by these rows: its function bodies
// are not analysed (they are full of internal channel waits and locks that are
// no meaningful blocking for users, and summarising them would cost every run
// the analysis of all of std). A std call that is not listed here is assumed
// not to block.
var Default = New(defaultFuncs, defaultTypes)

// none is the zero value for index fields.
const none = -1

// row returns a Func with no submit or wrap role; rows then set what applies.
func row(pkg, recv, name string) Func {
	return Func{Pkg: pkg, Recv: recv, Name: name, Waits: none, SubmitLoop: none, WrapLoop: none, WrapFuture: none, Pool: none}
}

func blocks(pkg, recv, name string, b Block) Func {
	f := row(pkg, recv, name)
	f.Block = b
	return f
}

var defaultTypes = []Type{
	{FuturesPkg, "Ctx", Marker},
	{FuturesPkg, "Future", ExecutorFuture},
	{FuturesPkg, "Task", LoopTask},
	{FuturesPkg, "Loop", LoopType},
	{FuturesPkg, "Promise", PromiseType},
}

var defaultFuncs = func() []Func {
	const F = FuturesPkg
	var rows []Func
	add := func(f Func) { rows = append(rows, f) }

	// Waiting on a future from another goroutine.
	result := blocks(F, "Future", "Result", BlockFuture)
	result.Waits, result.Instead = 0, AwaitWrap
	add(result)
	// ResultContext's ctx has no loop-side spelling: no rewrite.
	resultCtx := blocks(F, "Future", "ResultContext", BlockFuture)
	resultCtx.Waits, resultCtx.WaitsContext = 0, true
	add(resultCtx)
	// Contexts a wait cannot give up on while the loop is blocked.
	for _, r := range []Func{row("context", "", "Background"), row("context", "", "TODO"), row(F, "Ctx", "Context")} {
		r.Undone = true
		add(r)
	}
	done := row(F, "Future", "Done")
	done.Done = true
	add(done)
	shutdown := blocks(F, "Executor", "Shutdown", BlockDrain)
	shutdown.Pool = 0
	add(shutdown)

	onDone := row(F, "Future", "OnDone")
	onDone.Funcs = []FuncArg{{Arg: 1, Where: OffLoop, Loop: none, AfterSettle: true}}
	onDone.Instead = WrapThen
	add(onDone)
	cancel := row(F, "Future", "Cancel")
	cancel.Settles = true
	add(cancel)
	for _, n := range []string{"Resolve", "Reject"} {
		r := row(F, "Promise", n)
		r.Settles = true
		add(r)
	}
	newPromise := row(F, "", "NewPromise")
	newPromise.New = true
	add(newPromise)
	futureOf := row(F, "Promise", "Future")
	futureOf.FutureOf = true
	add(futureOf)
	submit := row(F, "", "Submit")
	submit.Funcs = []FuncArg{{Arg: 1, Where: OffLoop, Loop: none}}
	submit.Instead = AwaitRunInExecutor
	submit.Pool = 0
	add(submit)

	// Running a loop on the calling goroutine.
	run := blocks(F, "Loop", "Run", BlockLoopRun)
	add(run)
	newRun := blocks(F, "", "Run", BlockLoopRun)
	newRun.Funcs = []FuncArg{{Arg: 1, Where: Coroutine, Loop: none}}
	newRun.NewLoop = true
	add(newRun)

	// Scheduling on a loop from loop code.
	callSoon := row(F, "Loop", "CallSoon")
	callSoon.Funcs = []FuncArg{{Arg: 1, Where: OnLoop, Loop: 0, Ordered: true}}
	callSoon.LoopOnly = true
	callSoon.AnyGoroutine = "CallSoonThreadsafe"
	add(callSoon)
	callLater := row(F, "Loop", "CallLater")
	callLater.Funcs = []FuncArg{{Arg: 2, Where: OnLoop, Loop: 0}}
	callLater.LoopOnly = true
	add(callLater)
	spawn := row(F, "", "Spawn")
	spawn.Funcs = []FuncArg{{Arg: 1, Where: Coroutine, Loop: 0, Ordered: true}}
	spawn.LoopOnly = true
	spawn.AnyGoroutine = "RunThreadsafe"
	add(spawn)
	// Then runs fn on the loop of the task, which is the loop of the code
	// calling Then: tasks are used only on their loop.
	then := row(F, "Task", "Then")
	then.Funcs = []FuncArg{{Arg: 1, Where: OnLoop, Loop: CallerLoop, AfterSettle: true}}
	then.LoopOnly = true
	add(then)

	// Thread-safe submits.
	cst := row(F, "Loop", "CallSoonThreadsafe")
	cst.Funcs = []FuncArg{{Arg: 1, Where: OnLoop, Loop: 0, Threadsafe: true}}
	cst.SubmitLoop = 0
	cst.Instead = LoopCallSoon
	add(cst)
	rts := row(F, "", "RunThreadsafe")
	rts.Funcs = []FuncArg{{Arg: 1, Where: Coroutine, Loop: 0, Threadsafe: true}}
	rts.SubmitLoop = 0
	rts.Instead = LoopSpawn
	add(rts)

	// Wrapping executor work onto a loop.
	wrap := row(F, "", "Wrap")
	wrap.WrapLoop, wrap.WrapFuture = 0, 1
	wrap.LoopOnly = true
	add(wrap)
	rie := row(F, "", "RunInExecutor")
	rie.WrapLoop = 0
	rie.Funcs = []FuncArg{{Arg: 2, Where: OffLoop, Loop: none}}
	rie.LoopOnly, rie.Pool = true, 1
	add(rie)

	// The current loop, and suspension points.
	cur := row(F, "Ctx", "Loop")
	cur.CurrentLoop = true
	add(cur)
	for _, n := range []string{"Await", "Sleep", "Gather"} {
		s := row(F, "", n)
		s.Suspends, s.LoopOnly = true, true
		add(s)
	}
	for _, n := range []string{"Done", "Cancel"} {
		s := row(F, "Task", n)
		s.LoopOnly = true
		add(s)
	}
	timerStop := row(F, "Timer", "Stop")
	timerStop.LoopOnly = true
	add(timerStop)

	// The standard library's blocking calls.
	sleep := blocks("time", "", "Sleep", BlockSleep)
	sleep.Instead = SuspendSleep
	add(sleep)
	after := row("time", "", "After")
	after.Timeout = true
	add(after)
	add(blocks("sync", "WaitGroup", "Wait", BlockSync))
	add(blocks("sync", "Cond", "Wait", BlockSync))
	// Mutexes: held briefly by design, so not blocking; writes under them
	// are synchronised.
	// A coroutine must not suspend while holding one (lockawait).
	for _, recv := range []string{"Mutex", "RWMutex"} {
		lock := row("sync", recv, "Lock")
		lock.Locks, lock.Holds = true, true
		add(lock)
		unlock := row("sync", recv, "Unlock")
		unlock.Releases = true
		add(unlock)
	}
	rlock := row("sync", "RWMutex", "RLock")
	rlock.Holds = true
	add(rlock)
	runlock := row("sync", "RWMutex", "RUnlock")
	runlock.Releases = true
	add(runlock)
	// Publication: writes made before these reach the goroutine that
	// waits for them (Wait) or reads the atomic after them.
	publishes := func(pkg, recv, name string) {
		r := row(pkg, recv, name)
		r.Publishes = true
		add(r)
	}
	publishes("sync", "WaitGroup", "Done")
	publishes("sync", "Cond", "Signal")
	publishes("sync", "Cond", "Broadcast")
	for _, t := range []string{"Int32", "Int64", "Uint32", "Uint64", "Uintptr"} {
		for _, op := range []string{"Add", "And", "Or", "CompareAndSwap", "Store", "Swap"} {
			publishes("sync/atomic", "", op+t)
			publishes("sync/atomic", t, op)
		}
	}
	for _, op := range []string{"CompareAndSwap", "Store", "Swap"} {
		publishes("sync/atomic", "", op+"Pointer")
		for _, t := range []string{"Bool", "Pointer", "Value"} {
			publishes("sync/atomic", t, op)
		}
	}
	for _, n := range []string{"Get", "Head", "Post", "PostForm"} {
		add(blocks("net/http", "", n, BlockIO))
	}
	for _, n := range []string{"Do", "Get", "Head", "Post", "PostForm"} {
		add(blocks("net/http", "Client", n, BlockIO))
	}
	for _, n := range []string{"Dial", "DialTimeout"} {
		add(blocks("net", "", n, BlockIO))
	}
	for _, n := range []string{"Dial", "DialContext"} {
		add(blocks("net", "Dialer", n, BlockIO))
	}
	// Accept waits for a client to connect: indefinitely. The interface
	// method is listed too, as listeners are mostly used as net.Listener.
	add(blocks("net", "Listener", "Accept", BlockIO))
	add(blocks("net", "TCPListener", "Accept", BlockIO))
	add(blocks("net", "", "LookupHost", BlockIO))
	add(blocks("net", "", "LookupIP", BlockIO))
	for _, n := range []string{"Run", "Wait", "Output", "CombinedOutput"} {
		add(blocks("os/exec", "Cmd", n, BlockProcess))
	}
	add(blocks("os", "Process", "Wait", BlockProcess))
	return rows
}()
