package roles

// ActorPkg is the import path of protoactor-go's actor package.
const ActorPkg = "github.com/asynkron/protoactor-go/actor"

// EventStreamPkg is the import path of protoactor-go's event stream.
const EventStreamPkg = "github.com/asynkron/protoactor-go/eventstream"

// ClusterPkg is the import path of protoactor-go's cluster package, whose
// grains are actors.
const ClusterPkg = "github.com/asynkron/protoactor-go/cluster"

func init() { Register(&protoactorLibrary) }

// protoactorLibrary is protoactor-go's actor package: an actor's Receive
// handles its mailbox's messages one at a time, on a goroutine the
// dispatcher schedules for the busy mailbox (mailbox.go:99-140). While
// Receive waits, no other message of that actor is handled, replies
// included. Files and lines are of package actor at the pinned version.
//
// actor.Context is an interface made of unexported parts (context.go:11-20):
// its methods are declared on infoPart, basePart, senderPart and
// stopperPart, so the rows name those parts, and one row covers Context,
// SenderContext, ReceiverContext and SpawnerContext alike.
var protoactorLibrary = Library{
	Name:  "protoactor",
	Paths: []string{ActorPkg, ClusterPkg},
	// The cluster's own actors (pub-sub delivery, identity lookup, the
	// gossip) are actor code like a user's.
	Clients: []string{ClusterPkg},
	Version: "v0.0.0-20240822202345-3c0e61ca19c9",
	Preset:  true,
	Modules: []Module{
		{Path: "github.com/asynkron/protoactor-go", Checked: "v0.0.0-20240822202345-3c0e61ca19c9"},
		// The path until 2022-03-31 (commit f628df1b8078 was its last),
		// which the module proxy no longer serves. Its actor.Context had
		// the same parts and futures (context.go, future.go:116-124,
		// root_context.go:117-201); its ReenterAfter was AwaitFuture
		// (context.go:78), which no row describes.
		{Path: "github.com/AsynkronIT/protoactor-go", Of: "github.com/asynkron/protoactor-go", Kind: "old path"},
	},
	Example: "ctx.RequestFuture(pid, msg, t).Result() in Receive blocks the actor's mailbox: ctx.ReenterAfter(f, func(res interface{}, err error) { ... })",
	Words:   protoactorWords,
	Types: []Type{
		// Actor.Receive(c Context), message.go:10-12, and ReceiveFunc
		// func(c Context), message.go:15: a function given an
		// actor.Context runs in the actor, on its mailbox's turn.
		// SenderContext is not a marker: the RootContext is one, and runs
		// anywhere (root_context.go).
		{Pkg: ActorPkg, Name: "Context", Role: Marker},
		// A grain's methods are given a cluster.GrainContext, which embeds
		// actor.Context (cluster/grain_context.go:7-13): the actor that
		// protoc-gen-go-grain generates calls them from its Receive with
		// its own context (protobuf/protoc-gen-go-grain/templates/
		// grain.tmpl:114-164), so they run on the grain's mailbox.
		{Pkg: ClusterPkg, Name: "GrainContext", Role: Marker},
	},
	Funcs: []Func{
		// Future.Result and Wait, future.go:121-131: "Result waits for the
		// future to resolve" (cond.Wait, future.go:113-119). The future
		// times out after the duration it was made with (NewFuture,
		// future.go:24-58): a stall, not a deadlock.
		{Pkg: ActorPkg, Recv: "Future", Name: "Result", Blocker: Blocker{Block: BlockStall, Waits: Arg0}},
		{Pkg: ActorPkg, Recv: "Future", Name: "Wait", Blocker: Blocker{Block: BlockStall, Waits: Arg0}},

		// Cluster.Request, cluster/cluster.go:164-166, asks a grain, perhaps
		// on another node, and waits for the reply
		// (cluster/default_context.go:36-112: RequestFuture(...).Result()
		// in a retry loop until the call's timeout). Generated grain
		// clients call it for each method.
		{Pkg: ClusterPkg, Recv: "Cluster", Name: "Request", Blocker: Blocker{Block: BlockIO}},

		// Self, context.go:53-54 ("Self returns the PID for the current
		// actor"): the actor whose mailbox the code runs on.
		{Pkg: ActorPkg, Recv: "infoPart", Name: "Self", LoopAPI: LoopAPI{CurrentLoop: true}},

		// Requests whose reply comes back on a future: sent to the actor
		// running the code (ctx.Self()), they queue behind the message
		// being handled, and waiting for them always times out.
		// senderPart.RequestFuture context.go:110-111 (actor_context.go:327);
		// stopperPart.StopFuture context.go:137-138 and PoisonFuture
		// context.go:143-144 (actor_context.go:442-464, a 10 s timeout);
		// the root context's, root_context.go:130, :204, :219.
		{Pkg: ActorPkg, Recv: "senderPart", Name: "RequestFuture", Submitter: Submitter{SubmitLoop: Arg1}},
		{Pkg: ActorPkg, Recv: "stopperPart", Name: "StopFuture", Submitter: Submitter{SubmitLoop: Arg1}},
		{Pkg: ActorPkg, Recv: "stopperPart", Name: "PoisonFuture", Submitter: Submitter{SubmitLoop: Arg1}},
		{Pkg: ActorPkg, Recv: "RootContext", Name: "RequestFuture", Submitter: Submitter{SubmitLoop: Arg1}},
		{Pkg: ActorPkg, Recv: "RootContext", Name: "StopFuture", Submitter: Submitter{SubmitLoop: Arg1}},
		{Pkg: ActorPkg, Recv: "RootContext", Name: "PoisonFuture", Submitter: Submitter{SubmitLoop: Arg1}},

		// basePart.ReenterAfter(f, cont), context.go:96: cont runs in the
		// actor once f completes (actor_context.go:268-282 sends it to
		// self as a continuation, run "in the current actor context",
		// actor_context.go:547-549): the future wrapped onto the mailbox.
		{Pkg: ActorPkg, Recv: "basePart", Name: "ReenterAfter", Executor: Executor{WrapLoop: Arg0, WrapFuture: Arg1},
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: Arg0}}}},

		// An actor.Context belongs to its actor's turn: these read or
		// change the message being handled now or the actor's own state,
		// unguarded (actor_context.go: Sender :165 and Message :288 read
		// ctx.messageOrEnvelope, which the next message replaces; Respond
		// :185 answers ctx.Sender(); Forward :257; Stash :196, Children
		// :177 and SpawnNamed :398, which Spawn and SpawnPrefix call, use
		// ctx.extras, made lazily by ensureExtras :132; the receive
		// timeout :173-247). From a goroutine or a callback run elsewhere
		// they race with the mailbox. Send, Request, Self, Watch and the
		// like read what never changes, and stay quiet.
		{Pkg: ActorPkg, Recv: "messagePart", Name: "Message", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "messagePart", Name: "MessageHeader", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "senderPart", Name: "Sender", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "Respond", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "Forward", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "Stash", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "Children", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "ReceiveTimeout", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "SetReceiveTimeout", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "basePart", Name: "CancelReceiveTimeout", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "spawnerPart", Name: "Spawn", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "spawnerPart", Name: "SpawnPrefix", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: ActorPkg, Recv: "spawnerPart", Name: "SpawnNamed", LoopAPI: LoopAPI{LoopOnly: true}},
		// The same methods through SenderContext and SpawnerContext, which
		// the root context implements too (root_context.go: Message is
		// nil there, and Spawn guards nothing of an actor's): quiet.
		{Pkg: ActorPkg, Recv: "SenderContext", Name: "Message"},
		{Pkg: ActorPkg, Recv: "SenderContext", Name: "MessageHeader"},
		{Pkg: ActorPkg, Recv: "SenderContext", Name: "Sender"},
		{Pkg: ActorPkg, Recv: "SpawnerContext", Name: "Spawn"},
		{Pkg: ActorPkg, Recv: "SpawnerContext", Name: "SpawnPrefix"},
		{Pkg: ActorPkg, Recv: "SpawnerContext", Name: "SpawnNamed"},

		// EventStream.Subscribe (eventstream.go:34) keeps the handler,
		// which Publish (:91-115) calls on the publisher's goroutine.
		{Pkg: EventStreamPkg, Recv: "EventStream", Name: "Subscribe", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop, OwnGoroutine: true}}}},
		{Pkg: EventStreamPkg, Recv: "EventStream", Name: "SubscribeWithPredicate", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OffLoop, OwnGoroutine: true}}}},
	},
}

// protoactorWords are protoactor's: an actor's mailbox, whose handler
// continues after a future with ReenterAfter or takes the reply as a
// message with PipeTo (future.go:84, "PipeTo forwards the result or error
// of the future to the specified pids").
var protoactorWords = Words{
	Loop:          "the actor's mailbox",
	LoopGoroutine: "the actor's mailbox",
	Marker:        "actor.Context",

	AwaitFuture: Advice{
		Coroutine: "continue in {c}.ReenterAfter(f, fn), or take the reply as a message: f.PipeTo({c}.Self())",
		Callback:  "continue in ctx.ReenterAfter(f, fn), or take the reply as a message: f.PipeTo(ctx.Self())",
	},
	Offload: Advice{
		Coroutine: "do it on a goroutine and send the result with {c}.ActorSystem().Root.Send({c}.Self(), result)",
		Callback:  "do it on a goroutine and send the result to the actor as a message",
	},
	OffloadCall: Advice{
		Coroutine: "call it on a goroutine and send the result with {c}.ActorSystem().Root.Send({c}.Self(), result)",
		Callback:  "call it on a goroutine and send the result to the actor as a message",
	},
	Sleep: Advice{
		Coroutine: "have a timer send to {c}.Self() later, or set {c}.SetReceiveTimeout",
		Callback:  "have a timer send the actor a message later",
	},
	Receive: Advice{
		Coroutine: "receive on a goroutine and send the value to the actor as a message",
		Callback:  "receive on a goroutine and send the value to the actor as a message",
	},
	WaitCallback: "take the reply with f.PipeTo(ctx.Self()) or ctx.ReenterAfter(f, fn)",
	HandBack:     "send the result to the actor as a message: {c}.Send({c}.Self(), result)",
	LoopOnly:     "it belongs to the actor's turn and sees whatever message is handled now",
	OffLoopFix:   "read what you need first (sender := ctx.Sender()), then send results to ctx.Self()",
}
