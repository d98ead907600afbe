// Package engine is futurelint's shared analysis: where code runs (on an
// event loop or not, and on which loop), what may block (with witness
// chains, across packages), and reporting with severities, suppression and
// fix helpers. Every rule uses it; no rule repeats any of it.
//
// # The parts, what each answers and what it costs
//
// Each part is an analyzer; a rule requires the ones it reads (NewRule's
// parts), and a rule run alone computes only those.
//
//   - Analyzer (futurelintplace), which every rule requires: the roles of the
//     package (extend.go, config.go) and where code runs: loop code and which
//     loop (placement.go, loops.go, current.go), wrappers (calls.go),
//     handlers (handlers.go), process loops (process.go), inferred loop
//     bodies (bodies.go) and the value an inferred loop runs for
//     (loopvalue.go), interface dispatch (dispatch.go), stored callbacks
//     (stored.go, fields.go, gofields.go), interface methods loop code calls
//     on values importers hand in (handin.go). Its machinery, placer, fills
//     the Result once; rules never see it. It runs on every package of the
//     import graph, as its facts must (SchedulesFact, LoopAPIFact, RolesFact,
//     ModuleVersionFact, inferred.Fact, GoroutineFieldFact, InPlaceFact,
//     StoredCallFact, LoopMethodFact). A package that references no loop
//     runtime costs a walk of its typed syntax for its wrappers (go f()) and
//     in-place calls; one that does costs its SSA and a few passes over its
//     functions.
//   - Blocking (futurelintblocking), which requires Analyzer: what may block
//     and what may suspend, with witness chains and the proof of a deadlock
//     (blocking.go, astsummary.go, witness.go, waits.go, stopwait.go,
//     suspend.go, closed.go), and the hand-ins whose method blocks
//     (handin.go). Its machinery, summarizer, fills a Blocks once: Ops,
//     MayBlock, SelfSubmits (with the waits on each), CallSuspends. It reads
//     where code runs from Analyzer's Result, a dependency's SchedulesFact
//     included (through the Result's pass: facts belong to the analyzer
//     declaring them). It also runs on every package of the import graph
//     (BlocksFact, SuspendsFact, ClosedFact), but only in runs of rules that
//     require it: loopblock, selfsubmit, poolwait and lockawait do; offloop,
//     unwrapped and dropped do not. A package that references no loop runtime
//     costs a walk of its typed syntax (astsummary.go; TestSummariesAgree
//     holds it to what SSA finds); one that does costs a few fixpoint rounds
//     over its functions. On gum and golangci-lint's module it is 3 to 6% of
//     the CPU of a run of every rule, which a run of the rules that do not
//     require it saves.
//   - OffLoop (futurelintoffloop): what code that certainly runs off any
//     loop does that belongs on one (offloop.go, owned.go). The offloop
//     rule reports it; dropped requires it through Overlaps. It runs only
//     on the packages the rules report on, and costs a walk of the
//     functions handed off the loop and of what they call in the package.
//     A rule's own detection (poolwait's waits of executor jobs on their
//     own executor, dropped's discarded futures) lives in its package and
//     costs only that rule's runs.
//   - Overlaps (overlap.go): the table of sites two rules both see and the
//     rule that reports each. A rule asks Quieted for the sites the table
//     takes from it, and never looks at another rule's findings.
//   - Free helpers, no analysis of their own: reporting, severities and
//     suppression (report.go); a library's words and witness chains
//     (words.go, reason.go); and, in package internal/code, what needs
//     only the pass: functions named as messages name them, the call at a
//     position and the span a finding covers, what a fix may write and
//     what it must import.
//
// Adding a rule is one package under passes/ and one line in
// analyzer/suite.go; a rule that needs an answer no part gives adds a
// part here. Adding a kind of loop is rows in the roles table, and, when
// the library reaches its loop code in a new way, the "where code runs"
// part alone (placement.go, handlers.go, process.go).
//
// # Using the engine from a rule
//
// A rule is one call to NewRule, with its name, its embedded doc.go, a
// run function that reads the engine's *Result, and the parts it reads
// besides (Blocking, OffLoop), whose results it takes from pass.ResultOf:
//
//	//go:embed doc.go
//	var doc string
//
//	var Analyzer, Doc = engine.NewRule("myrule", doc, run, engine.Blocking)
//
//	func run(pass *analysis.Pass, res *engine.Result) error {
//		rep := engine.NewReporter(pass, "myrule")
//		blk := pass.ResultOf[engine.Blocking].(*engine.Blocks)
//		for _, fn := range res.LoopFuncs() { // loop code, in source order
//			for _, op := range blk.Ops(fn) { // what may block there
//				...
//				rep.Report(analysis.Diagnostic{Pos: op.Pos, Message: msg}, engine.Warning)
//			}
//		}
//		return nil
//	}
//
// The analyzer requires Analyzer (and the parts given after run), takes its
// Doc and URL from doc.go, and runs run only on packages that reference a
// loop runtime (Result.SSA set).
//
// A Result, and a Blocks, is read-only once computed: rules running in
// parallel on the same package share them safely.
//
// Report findings in the order of Before (file name, then offset) so that
// output does not depend on the order the driver parsed files in.
//
// The rule itself declares no FactTypes: facts belong to Analyzer and
// Blocking, which declare them (FactTypes, BlockingFactTypes) and run on
// every dependency under every driver (multichecker, go vet -vettool,
// golangci-lint), since drivers run required analyzers that have facts on
// the whole import graph. The other parts declare none, so they run only
// where the rules do.
//
// What a rule asks the Result (where code runs; Blocks answers what may
// block, marked "Blocks:" below):
//
//   - LoopFuncs, IsLoopCode, Place(fn): where fn runs and why (Place.Reason),
//     its marker parameter, the calls scheduling it (Place.Schedules, with
//     the roles row and whether the submit was thread-safe), and for
//     closures run in place the function they run within (ActivationRoot).
//   - Targets(v): the functions of the package a function value (a
//     callback or job argument) denotes, with the bound receiver of a
//     method value. Binding(fv): the value a closure's free variable is
//     bound to where the closure is made.
//   - IsCurrentLoop(fn, v): v (a *futures.Loop or *futures.Ctx value used in
//     fn) certainly denotes the loop fn runs on: c.Loop(), a local holding
//     it, a variable captured from the function that scheduled fn on it, or
//     the same field path (s.loop) as the one fn was scheduled on.
//   - CurrentLoops(fn): the same knowledge as spellings: a root value and a
//     path (s + ".loop", c + ".Loop()") for a fix that must name the loop.
//   - SelfSubmitCalls(fn): thread-safe submits (RunThreadsafe,
//     CallSoonThreadsafe) from fn to its own loop. Blocks: SelfSubmits(fn),
//     the same, each with the operations that wait for the submitted work
//     (Waits; Op.Deadlock set when provably stuck).
//   - Blocks: Ops(fn): blocking operations and calls to functions that
//     may block, with Kind, What, the table Row or the callee's Helper
//     witness, Deadlock (why it provably never returns), GivesUp (how it
//     may end without what it waits for: a stall) and Submit (the wait is
//     on work submitted back to this loop: Overlaps gives it to
//     selfsubmit); MayBlock(fn), fn's may-block summary. Related(op) on
//     the Result: a finding's witness chain as related information.
//   - Settled(fn, f, at): the future f is certainly settled when at runs.
//   - Settlers(v): the operations that settle a promise or channel;
//     SameLoop(g, fn): loop code g certainly runs on fn's loop (unwrapped
//     finds with them the promises only a loop's own code settles).
//   - Role(call): the roles row of a static call, from the roles table or
//     made from a wrapper's SchedulesFact. Rules never compare names: they
//     ask the row (Block, Funcs, SubmitLoop, WrapLoop, LoopOnly, ...).
//     RoleCalls(fn) yields fn's calls (not go statements) that have a row.
//   - OffLoopUses, the result of OffLoop: loop-only calls (rows with
//     LoopOnly, and calls that use a loop-bound value: BoundCall, with
//     LoopBound saying which values are: goja's runtime and what it makes)
//     and loop-owned writes in code that certainly runs off any loop (go
//     bodies, executor jobs, functions a row runs on a goroutine of their
//     own, OnDone of executor futures registered outside loop code, functions
//     called only from those), with OffLoopStart saying where it runs.
//     Touches: the same scanner for a callback loop code hands off.
//   - FunctionRefs, SurelyOff, QueuesJob: the references to a function,
//     whether a function handed to an executor or a goroutine runs nowhere
//     else, and whether a row queues executor jobs (passes/poolwait finds
//     its jobs with them).
//   - Blocks: HandIns: values of a concrete type the package hands to
//     another package's parameter or field whose method that package's
//     loop code calls (LoopMethodFact), where the method certainly blocks,
//     with the words of that loop's library and the related positions.
//   - Blocks: CallSuspends(call): whether a call may suspend the
//     coroutine, with a witness chain; SuspendsFact carries it across
//     packages, as BlocksFact does for blocking.
//   - Quieted: the sites Overlaps gives to another rule.
//   - Ref(v): the canonical reference of a value (root and field path),
//     equal for two values that denote the same variable or object.
//   - AwaitCtx, MarkerLoop: the marker in scope for a fix to pass to Await,
//     and its loop spelled as code.
//
// What a rule asks package internal/code, free functions of the pass:
//
//   - CallSpan: the range of a finding on a call (called name to end of
//     call), the same in every rule; Where: a position as messages spell
//     it (file.go:12).
//   - CallName, CalleeName, FuncName: a function named as people write
//     it, unqualified in the package analysed.
//   - ImportName, ResolvesTo, CallPos, CallAt, Called, MethodCall,
//     OtherUses, Source, File: what a suggested fix needs to be mechanical
//     and compile.
//
// Analyzer knows the APIs of the effective table (config.go: the shipped
// libraries, less presets turned off, plus the user's rows); New(table)
// builds an engine analyzer for a table of one's own, and WithEngine runs a
// rule on it, with the parts the rule requires (Blocking, OffLoop) made
// again on it.
//
// # Provable deadlocks
//
// Op.Deadlock is set only when the wait cannot end: a nested Run of the
// loop the code runs on; a wait on the future of RunThreadsafe(current
// loop, co) by code that does not suspend first; a call of a wrapper that
// submits to the current loop and itself waits for the work (its
// SchedulesFact marks the parameter Awaited), with no way to give up (not
// GivesUp, or given a context that cannot be done); a wait on a promise or
// channel created by the waiting code whose only settling operations are in
// callbacks it schedules on its own loop (again without suspending first);
// or a wait in a callback queued once with CallSoon/Spawn on a promise or
// channel that only callbacks queued after it, in order, by the same
// function, settle; or a send from an inferred loop's code to its own
// unbuffered queue not behind an if or switch (bodies.go). On an inferred
// loop that is one per value (draining b.jobs), the wait or send must be on
// the very value whose loop runs the code (loopvalue.go). A guarded
// invoke, a function that runs its func parameter in place on one path and
// submits it and waits on the other, the branch testing state rather than
// a parameter its caller picks (fyne's async.EnsureMain), neither waits nor
// blocks for its callers (guarded.go). Anything else is a stall, not a proven deadlock; so is
// a wait that gives up when its context is done (ResultContext), unless
// that context is context.Background() or TODO() or the marker's
// Context(), none of which can be done while the loop blocks.
//
// # Where code runs
//
// Loop code is a function with a marker parameter (*futures.Ctx), or a
// function value passed to a roles-table callback or coroutine argument
// (CallSoon, CallSoonThreadsafe, CallLater, Then, Spawn, RunThreadsafe,
// Run) directly, through a local, as a method value, or through a wrapper:
// a function that hands its own function parameter on to such an argument
// gets a SchedulesFact, so its callers' arguments are loop code in any
// package. Closures called in place, deferred, or used as range-over-func
// bodies in loop code are loop code too. So are the methods a library calls
// on its loop because their type implements one of its interfaces (a
// roles.Handler row: gnet.EventHandler's OnTraffic, tea.Model's Update),
// on the loop of the row's Loop parameter when it names one. Go statement
// bodies, executor jobs and OnDone callbacks are not; a function literal a
// go statement runs is not, whatever its parameters (a marker argument
// does not make it loop code). A wrapper whose go statement runs its
// function parameter (go f()) gets a SchedulesFact with that parameter off
// the loop (made from syntax too, where there is no SSA), and a library's
// exported function-typed field that it calls only on goroutines of its
// own gets a GoroutineFieldFact: a function stored into it runs off the
// loop (fields.go, gofields.go).
//
// A call through an interface that is not the standard library's resolves
// to the implementations among the named types of the package and of all
// it imports (dispatch.go, in packages that use a loop API only): its role
// (Role) and its may-block summary are those every implementation shares;
// with implementations that differ, or none, it has none. Libraries that
// only their own types implement (roles.ClosedInterface: client-go's
// clientset and dynamic client) have their interfaces resolved too, in
// the syntax summary as well (closedCalls), to the same candidates: the
// package's own methods among them (EventSinkImpl's calls through
// EventInterface run its package's *events), and, as syntax cannot tell
// which unexported types the package converts to an interface, all of its
// types, in SSA too for a package the syntax would summarise. The
// implementations an importer declares are found where it hands them in
// (handin.go): a package with loop code exports a LoopMethodFact on each
// exported function whose interface-typed parameter its loop code calls
// a method of (directly, in a closure it schedules, or after storing the
// parameter in such a field: constructors and setters) and on each
// exported field of interface type it calls one on (or copies into one
// it calls: an options struct's), and then a
// LoopAPIFact, so that its importers get SSA. An importer that passes or
// stores a value converted from a concrete type there has that type's
// method run by that loop code (Result.HandIns, when it certainly blocks).
//
// Function values loop code runs later or in place are followed too
// (stored.go): a function stored in a struct field, or as a map or slice
// element held in one, is loop code when loop code of the package calls
// what it reads from that field and no other code does (a field a
// goroutine also calls from is left alone); a function argument of a
// helper that calls that parameter in place is loop code where the helper
// is called from loop code, on the caller's loop (Place.CalledBy). A
// wrapper that hands its parameter on inside a closure that calls it, or
// stores such a closure in a callback field, is a wrapper; so is an
// exported setter storing its parameter where loop code calls it, or
// handing it to such a setter of its package.
// InPlaceFact (computed from the syntax too, for packages with no loop
// runtime) and StoredCallFact carry these across packages.
//
// A function stored into a function-typed field with a roles.Field row
// (Fyne's button.OnTapped = f, &widget.Entry{OnSubmitted: f}) is a callback
// too: the store registers it. Some libraries have one loop per program,
// named by no argument (roles.ProcessLoop: the JavaScript event loop,
// tview's Application, Fyne's main goroutine, Bubble Tea's Program): their
// callbacks run on the process-wide loop of the row's library, whoever
// registers them, and their submits (QueueUpdate, fyne.DoAndWait, Send) go
// to it. A submit that itself waits for the loop to serve it (Func.Awaited,
// or an awaited function argument), made from that loop's code, is a
// deadlock (a warning when it waits only sometimes, as fyne.DoAndWait);
// so is a call of a function whose BlocksFact says it waits for that loop
// (BlocksFact.Loop), and network I/O that needs the loop to complete
// (Library.NeedsLoop: net/http in a js.FuncOf callback).
//
// # May-block summaries
//
// Every function that may block gets a BlocksFact with a witness chain
// (positions as file base names, so output is machine-independent): of
// its ways to block, one no ignore directive silences, then one that
// certainly waits (each step on every path through its function, but
// the paths that leave on an error: a return in an err != nil branch or
// of a certainly non-nil error, errexit.go; the first round of a for
// loop without a condition runs up to a break or continue), then the shortest
// (witness.go). Certain travels in the fact, so a helper's certainty is
// the same in every package; a nil check that returns no error (if cmd ==
// nil { return "" }) is another path, not a failure, but for one of a
// function parameter (if fn == nil { return }), which callers pass a
// function. The fact also
// carries the rules that reasoned //futurelint:ignore directives silence
// on every way (at a blocking operation or a call along it), so that one
// directive inside a helper silences the findings on its calls in every
// package.
// Blocking is: a roles-table blocker, a channel receive, a range over a
// channel, a select without default, or a static call to a function with a
// summary (generic instances are looked up by their origin). Go statements
// and closures that are not run in place do not block their creator;
// dynamic calls are not assumed to block, nor interface calls unless every
// implementation in sight does (dispatch.go): an implementation handed in
// by an importer is reported at the hand-in, when its own summary is
// certain (HandIn.Blocks; HandIn.Deadlock when it waits for the very
// process-wide loop, LoopMethodCall.Loop, whose code calls it); nor is a
// receive right after a call of a context.CancelFunc (cancel(); <-done),
// which waits only for the goroutine the cancel stops; nor a receive from
// a channel its maker closed on every path before returning it
// (ClosedFact, made from syntax in every package: closed.go). A Result on a
// settled future is not blocking (after <-f.Done(), in case <-f.Done(),
// after f.Cancel(), after awaiting Wrap(L, f)).
//
// The standard library is described by the roles table alone: its bodies
// are not analysed and it gets no facts. Std is full of internal channel
// waits and locks that are no meaningful blocking for users, and analysing
// it would cost every run the whole of std.
//
// # Roles from configs and directives
//
// Each package's table (Result.Roles) is the effective table (Table) plus,
// through (*roles.Table).With: the rows that packages it depends on declare
// with //futurelint: directives in their own source, which travel as a
// RolesFact; its own directives, which it exports as one; and the rows of
// the config file that applies to its directory (.futurelint.json upward
// to the module root, or -config, or the golangci-lint settings), resolved
// against the type-checked packages they name. A bad config or directive
// is not an error of this analyzer (the drivers would report only "failed
// prerequisites"): Result.Err carries it, and every rule returns it. A
// package described by rows, from any source, is not analysed itself, like
// the runtime. internal/config parses both; docs/config.md is the reference.
//
// # Cost
//
// A package that references no loop runtime (no import of, and no use of
// an object from, a roles-table loop package or a package carrying a
// LoopAPIFact) gets no SSA: its summaries come from a walk of its typed
// syntax. A wrapper that only starts a goroutine of its own (a go
// statement, or time.AfterFunc as k8s.io/utils/clock's RealClock.AfterFunc
// calls it) exports no LoopAPIFact: the syntax walk does not find the
// latter, so its importers would otherwise get SSA or syntax depending on
// which summary their dependency ran. TestSummariesAgree holds the two
// summaries to the same facts on every package the testdata module loads,
// client-go's included. SSA is built only for the current package, on demand, as
// buildssa does (buildssa is not required: requiring it would build SSA for
// every package).
//
// # Severity and suppression
//
// go/analysis has no severity; Reporter puts it in Diagnostic.Category as
// "warning" or "error" (Error only when the operation provably deadlocks;
// the message then says "deadlock"). A finding is suppressed by
// "//futurelint:ignore <rule>[,<rule>...] <reason>" on its line or the line
// above; without a reason the directive suppresses nothing and the message
// says so.
package engine
