package roles

// GnetPkg is the import path of gnet v2, and AntsPkg that of the goroutine
// pool it ships (pkg/pool/goroutine).
const (
	GnetPkg = "github.com/panjf2000/gnet/v2"
	AntsPkg = "github.com/panjf2000/ants/v2"
)

func init() { Register(&gnetLibrary) }

// gnetLibrary is gnet v2, an event-driven networking library: each event
// loop serves many connections on one goroutine, calling the handler's
// OnOpen, OnTraffic and OnClose there. Line numbers are of gnet.go at the
// pinned version.
var gnetLibrary = Library{
	Name:    "gnet",
	Paths:   []string{GnetPkg},
	Version: "v2.9.7",
	Preset:  true,
	Example: "s.db.QueryRow(...) in OnTraffic blocks the event loop and every connection on it: hand the work to a goroutine pool and AsyncWrite the reply",
	Words:   gnetWords,
	Types: []Type{
		// EventHandler, gnet.go:474-507. OnOpen, OnTraffic and OnClose run
		// on the connection's event loop (eventloop_unix.go:234, :276, :368;
		// the loops are started by engine_unix.go:122-125); their Conn
		// parameter (Arg1, the receiver being Arg0) is on that loop. Not
		// loop code: OnBoot (engine_unix.go:261, before the loops start),
		// OnShutdown (engine_unix.go:202, after they stop), OnTick (a ticker
		// goroutine of its own, engine_unix.go:127-131).
		{Pkg: GnetPkg, Name: "EventHandler", Role: Handler, Methods: []string{"OnOpen", "OnTraffic", "OnClose"}, Loop: Arg1},
	},
	Funcs: []Func{
		// AsyncCallback, gnet.go:300-306: "This callback will be executed in
		// event-loop, thus it must not block, otherwise, it blocks the
		// event-loop". It runs on the loop of the connection the call is
		// made on. AsyncWrite and AsyncWritev (gnet.go:283-297, "it's
		// concurrency-safe", "usually you would call it in an individual
		// goroutine"), Wake (:449-450) and CloseWithCallback (:452-455) are
		// legal on the loop too: they only queue, so they are not
		// thread-safe submits whose use on the loop is a mistake. Waiting on
		// the loop for what their callback does is (a deadlock).
		{Pkg: GnetPkg, Recv: "Conn", Name: "AsyncWrite", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: Arg0}}}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "AsyncWritev", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: Arg0}}}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Wake", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0}}}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "CloseWithCallback", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: Arg0}}}},

		// gnet's worker pool, pkg/pool/goroutine (goroutine.go:49, "Pool
		// is the alias of ants.Pool"), is ants at the version gnet
		// requires (v2.11.3): Submit runs the task on a worker goroutine
		// (pool.go:31-37, ants.go:112-113), off the loop. gnet's Default
		// pool is non-blocking (goroutine.go:35-36, 66-70): Submit does not
		// wait for a free worker there.
		{Pkg: AntsPkg, Recv: "Pool", Name: "Submit", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop}}}},
		{Pkg: AntsPkg, Name: "Submit", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg0, Where: OffLoop}}}},

		// Engine.Stop, gnet.go:151-153: "it waits indefinitely for
		// connections and event-loops to be closed"; from a handler it
		// waits for the loop running it, until ctx is done.
		{Pkg: GnetPkg, Recv: "Engine", Name: "Stop", Blocker: Blocker{Block: BlockDrain, WaitsContext: true}},

		// Loop-only: "not concurrency-safe, you must invoke them within any
		// method in EventHandler". Reader, gnet.go:228-256 (all methods,
		// io.Reader's Read and io.WriterTo's WriteTo included); Writer,
		// gnet.go:260-281 (io.Writer's Write and io.ReaderFrom's ReadFrom:
		// "not concurrency-safe"; SendTo, Writev, Flush, OutboundBuffered);
		// Conn, gnet.go:429-447 (Context, SetContext, LocalAddr,
		// RemoteAddr). Keyed by gnet.Conn, the interface calls go through:
		// Write is io.Writer's method, and only a gnet.Conn's is loop-only.
		{Pkg: GnetPkg, Recv: "Conn", Name: "Read", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "WriteTo", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Next", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Peek", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Discard", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "InboundBuffered", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Write", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "ReadFrom", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "SendTo", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Writev", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Flush", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "OutboundBuffered", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "Context", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "SetContext", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "LocalAddr", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: GnetPkg, Recv: "Conn", Name: "RemoteAddr", LoopAPI: LoopAPI{LoopOnly: true}},
		// EventLoop.Close, gnet.go:418-420: "not concurrency-safe, you must
		// invoke it on the event loop".
		{Pkg: GnetPkg, Recv: "EventLoop", Name: "Close", LoopAPI: LoopAPI{LoopOnly: true}},
	},
}

// gnetWords are gnet's: an event loop shared by many connections, whose
// handlers hand slow work to a goroutine pool and write the reply with
// AsyncWrite (gnet.go:283-285; the pool is pkg/pool/goroutine, README.md:41).
var gnetWords = Words{
	Loop:          "the event loop",
	LoopGoroutine: "the event loop",

	AwaitFuture: Advice{
		Callback: "wait on a goroutine.Default().Submit job and reply from there with c.AsyncWrite",
	},
	Offload: Advice{
		Callback: "do it in goroutine.Default().Submit(fn) and reply from there with c.AsyncWrite(buf, nil)",
	},
	OffloadCall: Advice{
		Callback: "call it in goroutine.Default().Submit(fn) and reply from there with c.AsyncWrite(buf, nil)",
	},
	Sleep: Advice{
		Callback: "return, and continue later from a goroutine with c.Wake(cb) or c.AsyncWrite",
	},
	Receive: Advice{
		Callback: "receive on a goroutine and reply from there with c.AsyncWrite(buf, nil)",
	},
	LoopSettled: Advice{
		Callback: "continue in the callback instead of waiting for it",
	},
	HandBack: "write the reply from the goroutine with c.AsyncWrite(buf, cb)",
	// "it's not concurrency-safe, you must invoke it within any method in
	// EventHandler" (gnet.go:264-281, 436-447; Reader's, :230-231, in the
	// plural).
	LoopOnly:   "it races with the loop's use of the connection",
	OffLoopFix: "use c.AsyncWrite(buf, cb), or c.Wake(cb) and make the call in OnTraffic",
}
