// Package roles is futurelint's table of API roles: one row per function or
// method that blocks, schedules, submits, wraps or marks loop code, and one row
// per type the rules care about.
//
// Rules and the engine consult the table through Lookup and TypeOf; nothing
// else in futurelint compares function or package names. Supporting another
// event-loop library (actor mailboxes, UI main threads, syscall/js) means adding
// rows here, nothing more. The test file shows protoactor-go, syscall/js and
// tview described with the same fields.
//
// Argument positions (type Arg) count the receiver of a method as Arg0, as
// go/ssa's CallCommon.Args does for static method calls; for package-level
// functions Arg0 is the first parameter. The zero value of every field of a
// row means "none": a row is a plain literal that names only what applies.
//
// Rows are grouped by library (type Library): one file per library, with the
// words its messages and fixes use. The effective table of a run is built by
// Effective from the libraries, the presets left on and the user's rows.
package roles

import (
	"go/types"
	"strings"
	"sync"
)

// Block says how a call waits for something to happen on another goroutine.
type Block int

const (
	NoBlock      Block = iota
	BlockFuture        // waits for a future to settle
	BlockStall         // waits for a future but gives up after a timeout: a stall, not a deadlock
	BlockSleep         // sleeps
	BlockSync          // waits on a sync primitive (WaitGroup, Cond)
	BlockIO            // network or HTTP round trip
	BlockProcess       // waits for a child process
	BlockDrain         // waits for queued work elsewhere to finish (Executor.Shutdown)
	BlockLoopRun       // runs an event loop on the calling goroutine until it stops
	BlockChan          // channel receive or select without default (not a table row; used by the engine)
	// BlockLoopServe waits for a loop to serve the call: to run the work it
	// submits, or to read the message it sends (with SubmitLoop and
	// Awaited: (*tview.Application).QueueUpdate, (*tea.Program).Send).
	BlockLoopServe
)

var blockNames = [...]string{"no block", "wait on a future", "wait with timeout", "sleep", "sync wait", "network I/O", "process wait", "executor drain", "loop run", "channel wait", "wait for a loop"}

func (b Block) String() string { return blockNames[b] }

// Where says where a function argument runs.
type Where int

const (
	OnLoop    Where = iota + 1 // a callback run on a loop
	Coroutine                  // a coroutine run on a loop; it receives the loop's marker (*futures.Ctx)
	OffLoop                    // a job or callback run on another goroutine (executor job, OnDone callback)
)

// Arg is an argument position in a row: a real position (Arg0, Arg1,
// ...: a method's receiver is Arg0), none (NoArg, the zero value: a row
// that does not name one has none), or, where a row names a loop, a loop
// that no argument names (CallerLoop, ProcessLoop). Ask which with Valid,
// IsCallerLoop and IsProcessLoop; Index is the position of a real one
// only.
type Arg int

const (
	NoArg Arg = iota // no argument
	Arg0             // the receiver of a method, or the first parameter of a function
	Arg1
	Arg2
	Arg3
	Arg4
	Arg5
	Arg6
	Arg7
)

// CallerLoop is FuncArg.Loop for loop-only APIs whose callback runs on the
// loop of the caller, such as (*futures.Task).Then.
const CallerLoop Arg = -1

// ProcessLoop is FuncArg.Loop, or Func.SubmitLoop, for a library whose loop
// is one per program and named by no argument: the JavaScript event loop of
// syscall/js, a UI toolkit's event goroutine (tview's Application, Fyne's
// main goroutine, Bubble Tea's Program). A callback with this loop runs on
// the process-wide loop of the row's library; a submit with it submits to
// that loop, which is the current one in that library's loop code.
const ProcessLoop Arg = -2

// Valid reports whether a is a real argument position.
func (a Arg) Valid() bool { return a > NoArg }

// IsCallerLoop reports whether a is CallerLoop: the loop of the code
// making the call.
func (a Arg) IsCallerLoop() bool { return a == CallerLoop }

// IsProcessLoop reports whether a is ProcessLoop: the process-wide loop of
// the row's library.
func (a Arg) IsProcessLoop() bool { return a == ProcessLoop }

// Index is the 0-based index of a real argument position, as the engine
// counts a call's arguments (receiver first); -1 for anything else (NoArg,
// CallerLoop, ProcessLoop), which names no argument.
func (a Arg) Index() int {
	if !a.Valid() {
		return -1
	}
	return int(a) - 1
}

// ArgAt is the Arg of a 0-based index, inverting Index; NoArg for a
// negative index.
func ArgAt(i int) Arg {
	if i < 0 {
		return NoArg
	}
	return Arg(i + 1)
}

// FuncArg describes an argument that is a function the callee runs later.
type FuncArg struct {
	Arg   Arg   // the function argument
	Where Where // where it runs
	// Loop is the argument naming the loop the function runs on: a loop
	// value or a marker value (whose loop is meant). NoArg when the loop
	// is not an argument (a new loop, or a process-wide one like the JS
	// loop); CallerLoop when it is the loop of the (loop) code making the
	// call.
	Loop Arg
	// Threadsafe is set when the call may come from any goroutine (a
	// thread-safe submit such as CallSoonThreadsafe or RunThreadsafe); code
	// already on the target loop should not use it.
	Threadsafe bool
	// Kept is set for a function the loop runs as far as futurelint's own
	// inference says: a wrapper's parameter that it stores where loop code
	// calls it, or hands on inside a closure that calls it, and what the
	// posts of a loop nobody described send (see engine.Place.Kept).
	Kept bool
	// AfterSettle is set when the function runs only once the task or
	// future in argument 0 has settled (Then, OnDone).
	AfterSettle bool
	// OwnGoroutine is set, with Where OffLoop, when the function runs on a
	// goroutine of its own (time.AfterFunc), not as a job on an
	// executor's workers: no future takes its result.
	OwnGoroutine bool
	// Ordered is set when the function is queued behind the work queued
	// before it on the same loop by Ordered schedules (the FIFO ready
	// queue of CallSoon and Spawn).
	Ordered bool
	// Awaited is set, for a wrapper of a thread-safe submit, when the
	// wrapper itself, on every path, submits and then waits for the
	// submitted work before it returns (RunThreadsafe(l, co).Result()):
	// called from code running on that loop, it never returns, unless
	// Sometimes or GivesUp.
	Awaited bool
	// Sometimes is set, with Awaited, when the wrapper waits for the work
	// on some paths only: where it does, the wait is on the loop's own work.
	Sometimes bool
	// GivesUp is set, with Awaited, when the wait also ends once a context
	// is done (ResultContext): a stall, not a deadlock, unless the context
	// is one that cannot be done (context.Background()).
	GivesUp bool
	// Context is, with GivesUp, the argument that is the context the wait
	// gives up on, or NoArg when it is not an argument.
	Context Arg
	// Via is set by the engine for a wrapper's parameter: the import path
	// of the loop API the wrapper hands the function to, whose library
	// words findings about it. Rows leave it empty: their own package's.
	Via string
}

// Func is one row of the table: the roles of one function or method.
// Its roles come in groups, one per kind of API, embedded so that their
// fields read as the row's own (row.Block, row.SubmitLoop); a row names
// the groups that describe it and leaves the others zero:
//
//	{Pkg: "time", Name: "Sleep", Blocker: Blocker{Block: BlockSleep}, Instead: SuspendSleep}
type Func struct {
	Pkg  string // import path
	Recv string // receiver's type name without '*' or type arguments; "" for package-level functions
	Name string

	Blocker   // a call that waits for another goroutine
	Futures   // a call that makes, settles or watches a future
	Scheduler // a call that runs a function argument later
	LoopAPI   // the loop's own API, for loop code
	Submitter // a thread-safe submit to a loop
	Executor  // executor work, and its completion delivered on a loop
	Sync      // synchronisation of memory with other goroutines

	// Instead is the loop-side replacement a suggested fix may rewrite the
	// call to (NoRewrite: none): for a blocking call, in code that holds a
	// marker; for a thread-safe submit, in code already on the target loop.
	Instead Rewrite

	// OwnLoop is what the call does when the loop in argument 0 is the
	// one running the calling code: it waits for that code to finish
	// (OwnLoopDeadlock: goja_nodejs's Stop) or panics (OwnLoopPanic: its
	// Run and Start).
	OwnLoop Outcome
}

// Blocker is the role of a call that blocks the calling goroutine until
// something happens on another one.
type Blocker struct {
	Block Block // how a call blocks the calling goroutine; NoBlock if it does not
	// Waits is the future argument whose settling a blocking call waits
	// for ((*Future).Result: Arg0); NoArg if none.
	Waits Arg
	// WaitsContext is set for a wait that also ends when the context in
	// its last argument is done ((*Future).ResultContext): it can give up.
	WaitsContext bool
}

// Futures is the role of a call that makes or settles a future, or
// returns what a wait watches: a future's channel, a timer's, a context.
type Futures struct {
	// New is set for a constructor returning a fresh, unshared future,
	// promise or loop (NewPromise).
	New bool
	// Settles is set for a call that settles the future or promise in
	// argument 0 (Resolve, Reject, Cancel).
	Settles bool
	// FutureOf is set for a method returning the future of the promise in
	// argument 0 ((*Promise).Future).
	FutureOf bool
	// Done is set for a method returning a channel closed once the future
	// in argument 0 settles ((*Future).Done).
	Done bool
	// Timeout is set for a function returning a channel that delivers once
	// a duration has passed (time.After): receiving from it is a sleep.
	Timeout bool
	// Undone is set for a function returning a context that is never done
	// while loop code blocks (context.Background, and (*futures.Ctx).Context,
	// cancelled only by its own loop): a wait on it cannot give up.
	Undone bool
}

// Scheduler is the role of a call that runs function arguments later: on
// a loop, as a coroutine, or on another goroutine.
type Scheduler struct {
	// Funcs lists function arguments run later, and where.
	Funcs []FuncArg
	// NewLoop is set when the call runs its coroutine on a new loop
	// (futures.Run).
	NewLoop bool
}

// LoopAPI is the role of a call of the loop's own API, made from code
// running on the loop.
type LoopAPI struct {
	LoopOnly    bool // may only be called from code running on the loop (CallSoon, Spawn, Await...)
	Suspends    bool // suspends the calling coroutine; the loop keeps running (Await, Sleep, Gather)
	CurrentLoop bool // returns the loop of the marker in argument 0 (Ctx.Loop)
	// AnyGoroutine, for a LoopOnly call, names the function of the same
	// package (and receiver) that does the same from any goroutine and
	// takes the same arguments (CallSoon: CallSoonThreadsafe, Spawn:
	// RunThreadsafe); "" if there is none.
	AnyGoroutine string
}

// Submitter is the role of a thread-safe submit: a call from any
// goroutine that hands work or a message to a loop.
type Submitter struct {
	// SubmitLoop is the loop argument of a thread-safe submit
	// (RunThreadsafe, CallSoonThreadsafe); NoArg if the call is not one,
	// ProcessLoop for a submit to the library's process-wide loop
	// (fyne.DoAndWait). The result (a future, or an error for a
	// channel-based handshake) only completes once the loop runs the
	// submitted work.
	SubmitLoop Arg
	// Awaited is set, with SubmitLoop, for a call that itself waits, on
	// every path, for the loop to serve it before it returns: to run the
	// submitted work ((*tview.Application).QueueUpdate), to redraw
	// ((*tview.Application).Draw) or to read the message it sends
	// ((*tea.Program).Send). Made from code on that loop it never returns.
	// A row whose function argument (Threadsafe, Awaited, Sometimes) says
	// the call waits only sometimes (fyne.DoAndWait) leaves it unset.
	Awaited bool
	// Via names the process-wide loop a SubmitLoop: ProcessLoop row with
	// no function argument sends to (a request an inferred loop's handler
	// answers), as FuncArg.Via does; "" for the row's own package's loop.
	Via string

	// Guarded is set for a call that runs its function argument directly
	// when made on the loop, and submits it and waits otherwise (fyne's
	// runOnMain shape): the row, not the callee's body, says what a call
	// does, and made from its loop's code it does not wait.
	Guarded bool
}

// Executor is the role of a call on an executor's work: queueing a job,
// waiting for the workers, or delivering a job's completion on a loop.
type Executor struct {
	// Pool is the executor argument whose workers a call queues a job on
	// (Submit, RunInExecutor) or, for a blocking call, waits for
	// (Shutdown); NoArg if none.
	Pool Arg
	// WrapLoop is the loop argument that an executor future or job is
	// wrapped onto (Wrap, RunInExecutor): completion is delivered on that
	// loop. NoArg if the call is not one.
	WrapLoop Arg
	// WrapFuture is the executor future argument of Wrap; NoArg if none.
	WrapFuture Arg
}

// Sync is the role of a call that synchronises memory with other
// goroutines: a lock, or a hand-over of earlier writes.
type Sync struct {
	// Locks is set for a call that acquires a mutual-exclusion lock
	// ((*sync.Mutex).Lock): writes made while holding it are synchronised
	// with other goroutines that take the same lock.
	Locks bool
	// Publishes is set for a call that hands the caller's earlier writes
	// over to a goroutine that waits for it or reads after it, as a
	// channel send does ((*sync.WaitGroup).Done, (*sync.Cond).Broadcast,
	// sync/atomic stores): writes made before it are synchronised.
	Publishes bool
	// Holds is set for a call that takes the lock in argument 0 until a
	// Releases call on it ((*sync.Mutex).Lock, (*sync.RWMutex).RLock).
	Holds bool
	// Releases is set for a call that releases the lock in argument 0
	// ((*sync.Mutex).Unlock, (*sync.RWMutex).RUnlock).
	Releases bool
}

// Outcome is what a call does on the loop it names when that loop is
// running the calling code.
type Outcome int

const (
	NoOutcome       Outcome = iota
	OwnLoopDeadlock         // it waits for the loop, which waits for the calling code: a deadlock
	OwnLoopPanic            // it panics: the loop is running already
)

// Rewrite names a mechanical loop-side replacement for a blocking call or a
// thread-safe submit. The shape of the rewrite is the rule's; its text is
// the Words.Fixes entry of the library whose loop the code runs on (below,
// as the reference runtime spells it).
type Rewrite int

const (
	NoRewrite Rewrite = iota
	// AwaitWrap: f.Result() -> futures.Await(c, futures.Wrap(c.Loop(), f))
	AwaitWrap
	// WrapThen, for a completion callback that must run on the loop:
	// f.OnDone(fn) -> futures.Wrap(l, f).Then(fn)
	WrapThen
	// AwaitRunInExecutor, for the call producing the awaited future:
	// futures.Submit(e, fn).Result() -> futures.Await(c, futures.RunInExecutor(c.Loop(), e, fn))
	AwaitRunInExecutor
	// SuspendSleep: time.Sleep(d) -> futures.Sleep(c, d)
	SuspendSleep
	// LoopCallSoon, for a thread-safe callback submit from code on its loop
	// whose error result is unused: l.CallSoonThreadsafe(fn) -> l.CallSoon(fn)
	LoopCallSoon
	// LoopSpawn, for a thread-safe coroutine submit from code on its loop:
	// futures.RunThreadsafe(l, co) -> futures.Spawn(l, co) when the future
	// is unused, and (AwaitLoopSpawn) futures.RunThreadsafe(l, co).Result()
	// -> futures.Await(c, futures.Spawn(l, co)) in a coroutine
	LoopSpawn
	// AwaitLoopSpawn is not a row's Instead but the Words.Fixes key of the
	// awaited form of LoopSpawn.
	AwaitLoopSpawn
	// RunInPlace, for a submit that waits for its callback, made from code
	// already on the loop, as a statement whose callback is a function
	// literal: app.QueueUpdate(func() { body }) -> body. The fix text
	// fills {body}.
	RunInPlace
	// NoWait, for a call that waits for the loop running it (OwnLoop:
	// OwnLoopDeadlock), used as a statement: the library's method that
	// does the same without waiting (goja_nodejs: loop.Stop() ->
	// loop.StopNoWait()); the Fix text is the method's name.
	NoWait
)

// TypeRole says what a type is to the rules.
type TypeRole int

const (
	Marker         TypeRole = iota + 1 // a parameter of this type makes a function loop code (*futures.Ctx)
	ExecutorFuture                     // a future settled on another goroutine (*futures.Future)
	LoopTask                           // a loop-bound future (*futures.Task)
	LoopType                           // an event loop (*futures.Loop)
	PromiseType                        // the write side of an executor future (*futures.Promise)
	// LoopBound is a type whose values a loop hands its callbacks, bound
	// to that loop: such a value, received as a parameter by loop code,
	// may be used only on the loop (the *goja.Runtime of a goja_nodejs
	// callback); one made elsewhere (goja.New()) is bound to none.
	LoopBound
	// Handler is an interface whose implementations the library calls on
	// its loop: the Methods of a type implementing it are loop code
	// (gnet.EventHandler's OnTraffic, tea.Model's Update), wherever the
	// value is handed to the library. A Handler row naming a concrete type
	// makes loop code of that type's Methods (an inferred loop's handler
	// methods, which only the loop calls).
	Handler
	// LoopOwned is a type whose methods may be called only on the loop
	// (Fyne's widgets): a method without a row of its own is looked up as
	// a LoopOnly row. A row with an empty Name covers every type of Pkg.
	LoopOwned
	// BoundValue is a type whose values a LoopBound value makes, bound to
	// the same loop (goja.Value, *goja.Object, *goja.Promise): a value of
	// it, or of a function type, that a function of the LoopBound type's
	// package returns when given a loop-bound value, or that such a value
	// passes to a function it calls back, may be used only on that loop.
	BoundValue
)

// Type is a row of the type table.
type Type struct {
	Pkg, Name string
	Role      TypeRole
	// Methods, for a Handler, are the methods of an implementation that
	// run on the loop; the interface's other methods (gnet's OnBoot and
	// OnTick) and the type's own methods are not loop code by this row.
	Methods []string
	// Loop, for a Handler, is the parameter of those methods that names
	// the loop they run on (gnet's Conn: its event loop), counting the
	// receiver as Arg0; NoArg when the loop is not an argument.
	Loop Arg
	// Via, for a Handler on a ProcessLoop, names that loop as FuncArg.Via
	// does (an inferred loop, one of several in its package); "" for the
	// row's package's loop.
	Via string
	// ValueArg, for a Handler of an inferred loop that is one per value
	// (Library.Owner), is the parameter of its methods (the receiver as
	// Arg0) in which the loop passes the value it runs for (b in
	// ev.Apply(b)); NoArg when none is certain.
	ValueArg Arg
	// ThreadSafe, for a LoopBound or BoundValue type, are its methods
	// made to be called from any goroutine (goja's Runtime.Interrupt):
	// calls of them are not bound to the loop.
	ThreadSafe []string
	// Reads, for a LoopOwned type, are prefixes of the names of its
	// methods that only read the widget (tview's Get, Is, Has): they are
	// not loop-only. A reader that also writes (a cache it fills) has a
	// LoopOnly row of its own.
	Reads []string
	// Unshared, for a LoopOwned type, says that a value made off the loop
	// (a constructor's result not yet handed anywhere) is its maker's
	// alone: its methods race with no loop until it is attached to one
	// the loop reaches (tview's widgets, which share no state).
	Unshared bool
}

// Handlers returns the Handler rows, in table order.
func (t *Table) Handlers() []*Type {
	var out []*Type
	for i := range t.Types {
		if ty := &t.Types[i]; ty.Role == Handler && t.types[key{ty.Pkg, "", ty.Name}] == ty {
			out = append(out, ty)
		}
	}
	return out
}

// Field is a row for a function-typed struct field that registers a
// callback: the function stored in it runs as Where says, on Loop
// (ProcessLoop, or NoArg when unknown). Fyne's widgets take their
// callbacks this way: button.OnTapped = save, &widget.Entry{OnSubmitted: f}.
type Field struct {
	Pkg, Type, Name string
	Where           Where
	Loop            Arg
}

// Table holds the rows. Default is the table futurelint ships; Effective
// is that of a run.
type Table struct {
	Funcs  []Func
	Types  []Type
	Fields []Field

	libs map[string]*Library // by import path
	// clients are the libraries' Clients: packages with rows whose own
	// code is analysed all the same.
	clients map[string]bool

	funcs  map[key]*Func
	types  map[key]*Type
	fields map[key]*Field
	owned  map[key]*Type   // LoopOwned types (name "" for a whole package)
	pkgs   map[string]bool // packages with a loop-runtime role (marker, loop or task types)
	binds  map[string]bool // packages with a LoopBound type
	rows   map[string]bool // packages with any function row

	ownedRows sync.Map // key -> *Func: LoopOnly rows made for methods of LoopOwned types
}

type key struct{ pkg, recv, name string }

// New indexes rows into a Table.
func New(funcs []Func, types []Type) *Table {
	t := &Table{Funcs: funcs, Types: types, libs: map[string]*Library{}, funcs: map[key]*Func{}, types: map[key]*Type{},
		fields: map[key]*Field{}, owned: map[key]*Type{}, pkgs: map[string]bool{}, binds: map[string]bool{}, rows: map[string]bool{}, clients: map[string]bool{}}
	for i := range funcs {
		f := &funcs[i]
		t.funcs[key{f.Pkg, f.Recv, f.Name}] = f
		t.rows[f.Pkg] = true
	}
	for i := range types {
		ty := &types[i]
		if ty.Role == LoopOwned {
			t.owned[key{ty.Pkg, "", ty.Name}] = ty
			t.rows[ty.Pkg] = true
		} else {
			t.types[key{ty.Pkg, "", ty.Name}] = ty
		}
		switch ty.Role {
		case LoopBound:
			t.binds[ty.Pkg] = true
		case BoundValue:
		default:
			// A loop-bound value is bound only by a loop's callback:
			// code without the loop's package has none.
			t.pkgs[ty.Pkg] = true
		}
	}
	for i := range funcs {
		if funcs[i].schedulesOnLoop() || funcs[i].SubmitLoop != NoArg || funcs[i].LoopOnly {
			t.pkgs[funcs[i].Pkg] = true
		}
	}
	return t
}

// Lookup returns the row for fn, or nil. Instantiated generic functions and
// methods of instantiated types are looked up by their origin.
func (t *Table) Lookup(fn *types.Func) *Func {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	recv := ""
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		recv = typeName(sig.Recv().Type())
		if recv == "" {
			return nil
		}
	}
	k := key{fn.Pkg().Path(), recv, fn.Name()}
	if row := t.funcs[k]; row != nil {
		return row
	}
	owned := t.OwnedType(k.pkg, recv)
	if recv != "" && fn.Exported() && owned != nil && !owned.reads(k.name) {
		if _, isIface := fn.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface); !isIface {
			row, _ := t.ownedRows.LoadOrStore(k, &Func{Pkg: k.pkg, Recv: recv, Name: k.name, LoopAPI: LoopAPI{LoopOnly: true}})
			return row.(*Func)
		}
	}
	return nil
}

// OwnedType returns the LoopOwned row for the methods of recv in package
// pkg (a row's Pkg and Recv), or nil.
func (t *Table) OwnedType(pkg, recv string) *Type {
	if ty := t.owned[key{pkg, "", recv}]; ty != nil {
		return ty
	}
	return t.owned[key{pkg, "", ""}]
}

// reads reports whether method name of a LoopOwned type only reads it
// (Type.Reads).
func (ty *Type) reads(name string) bool {
	for _, p := range ty.Reads {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
			return true
		}
	}
	return false
}

// FieldOf returns the row for field name of struct type typ (or *typ), or
// nil.
func (t *Table) FieldOf(typ types.Type, name string) *Field {
	if len(t.fields) == 0 {
		return nil
	}
	if p, ok := typ.(*types.Pointer); ok {
		typ = p.Elem()
	}
	n, ok := types.Unalias(typ).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	return t.fields[key{n.Obj().Pkg().Path(), n.Obj().Name(), name}]
}

// LookupCall returns the row for a call of fn through a receiver of static
// type recv (nil for a package-level function): first the row of the
// receiver's own named type, then that of the type declaring fn. Methods of
// an interface are declared on the interface that has them, which may be
// one it embeds: gnet.Conn's Write is io.Writer's, and a row keyed
// (io, Writer, Write) would describe every writer. A row keyed by the named
// interface the call goes through (gnet, Conn, Write) describes only calls
// through a gnet.Conn.
func (t *Table) LookupCall(recv types.Type, fn *types.Func) *Func {
	if fn == nil {
		return nil
	}
	if recv != nil {
		if p, ok := recv.(*types.Pointer); ok {
			recv = p.Elem()
		}
		if n, ok := types.Unalias(recv).(*types.Named); ok && n.Obj().Pkg() != nil {
			if row := t.funcs[key{n.Obj().Pkg().Path(), n.Obj().Name(), fn.Name()}]; row != nil {
				return row
			}
		}
	}
	return t.Lookup(fn)
}

// TypeOf returns the row for typ (or *typ), or nil.
func (t *Table) TypeOf(typ types.Type) *Type {
	if p, ok := typ.(*types.Pointer); ok {
		typ = p.Elem()
	}
	n, ok := types.Unalias(typ).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	return t.types[key{n.Obj().Pkg().Path(), "", n.Obj().Name()}]
}

// Is reports whether typ (or *typ) has role r.
func (t *Table) Is(typ types.Type, r TypeRole) bool {
	ty := t.TypeOf(typ)
	return ty != nil && ty.Role == r
}

// IsFuture reports whether typ is a pointer to an executor future or a
// loop task (*futures.Future[T], *futures.Task[T]).
func (t *Table) IsFuture(typ types.Type) bool {
	if _, ok := typ.Underlying().(*types.Pointer); !ok {
		return false
	}
	return t.Is(typ, ExecutorFuture) || t.Is(typ, LoopTask)
}

// Nested returns the future or task a future or task typ holds as its
// value (the *Future[int] of *Future[*Future[int]]), or nil: a future of a
// future.
func (t *Table) Nested(typ types.Type) types.Type {
	if !t.IsFuture(typ) {
		return nil
	}
	n, ok := types.Unalias(typ.Underlying().(*types.Pointer).Elem()).(*types.Named)
	if !ok || n.TypeArgs() == nil {
		return nil
	}
	for i := 0; i < n.TypeArgs().Len(); i++ {
		if a := n.TypeArgs().At(i); t.IsFuture(a) {
			return a
		}
	}
	return nil
}

// Binds reports whether pkg has a LoopBound type: what its functions
// return when given a loop-bound value is bound to the same loop (when
// of a BoundValue or function type).
func (t *Table) Binds(pkg string) bool { return t.binds[pkg] }

// LoopRuntime reports whether pkg is an event-loop library: it defines a
// marker, loop or task type, or functions that schedule or submit work.
// Packages that reference no loop runtime need no SSA.
func (t *Table) LoopRuntime(pkg string) bool { return t.pkgs[pkg] }

// DescribedOnly reports whether pkg's own code is described by the table
// alone, not analysed: a loop runtime (LoopRuntime) or any package with
// rows, unless a library lists it among its Clients.
func (t *Table) DescribedOnly(pkg string) bool {
	return (t.rows[pkg] || t.pkgs[pkg]) && !t.clients[pkg]
}

// typeName is the name of a receiver type: T for T, *T, T[X] and *T[X].
func typeName(typ types.Type) string {
	if p, ok := typ.(*types.Pointer); ok {
		typ = p.Elem()
	}
	switch n := types.Unalias(typ).(type) {
	case *types.Named:
		return n.Obj().Name()
	}
	return ""
}

// Describe names fn as people write it: pkg.F, (*pkg.T).M or (pkg.T).M.
func Describe(fn *types.Func) string {
	fn = fn.Origin()
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return pkg + fn.Name()
	}
	rt := sig.Recv().Type()
	star := ""
	if p, ok := rt.(*types.Pointer); ok {
		star, rt = "*", p.Elem()
	}
	name := typeName(rt)
	if _, ok := rt.Underlying().(*types.Interface); ok {
		return pkg + name + "." + fn.Name()
	}
	return "(" + star + pkg + name + ")." + fn.Name()
}

// IsStd reports whether path looks like a standard-library package path: its
// first element has no dot. Callers combine it with module information.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// schedulesOnLoop reports whether the row runs a function argument on a
// loop. A row that only runs one on another goroutine (time.AfterFunc, a
// goroutine pool's Submit) does not make its package a loop runtime: code
// using it alone has no loop code.
func (f *Func) schedulesOnLoop() bool {
	for _, fa := range f.Funcs {
		if fa.Where != OffLoop {
			return true
		}
	}
	return false
}

// CompletionCallback returns the index of the argument of a call that is
// run on another goroutine once the future in argument 0 settles (OnDone).
func (f *Func) CompletionCallback() (int, bool) {
	if f == nil {
		return 0, false
	}
	for _, fa := range f.Funcs {
		if fa.Where == OffLoop && fa.AfterSettle {
			return fa.Arg.Index(), true
		}
	}
	return 0, false
}
