package ruledoc

// LoopCodeAnchor is the anchor of the section of the rules page that
// defines loop code, which every rule's documentation links to
// (LoopCodeURL) instead of defining it again.
const LoopCodeAnchor = "loop-code"

// LoopCodeURL is the address of that section.
const LoopCodeURL = BaseURL + "#" + LoopCodeAnchor

// LoopCode defines loop code for every rule, in go doc comment syntax.
const LoopCode = `Loop code is code that runs on an event loop's goroutine, one callback or
coroutine at a time. With the futures runtime it is: any function with a
*futures.Ctx parameter (a coroutine); any function passed as the callback
of CallSoon, CallSoonThreadsafe, CallLater or Then, or as the coroutine of
Spawn, RunThreadsafe or Run, directly or through a wrapper that hands its
function parameter on to them (in any package: facts carry the wrapper's
role to its callers); and closures called in place or deferred in loop
code. The body of a go statement, executor jobs (Submit, RunInExecutor) and
OnDone callbacks run on other goroutines and are not loop code: a function
literal run by a go statement is not loop code even when it takes the
loop's marker (go func(c actor.Context) {...}(ctx)); nor is a function
handed to a helper that runs its parameter with a go statement
(func async(f func()) { go f() }, in any package), nor one stored in a
library's exported callback field that the library calls only on
goroutines of its own.

A call through an interface of the program's own (declared in the package
or another package of its module; not the standard library's, nor a loop
library's, whose own implementations export data may hide) resolves to the implementations among the named types of the
package and of everything it imports: the call blocks, submits, or
schedules its argument when every implementation does the same (a Screen
interface that *tview.Application implements, a lookup service whose only
implementation waits on a future, a Step whose Setup registers its
argument as a button handler). With implementations that differ (one of
two blocks), or none in sight, the call is left alone; an unexported type
the package never converts to an interface does not count.

The implementations that a package importing this one declares are
followed where they are handed in. When loop code calls a method of an
interface on a parameter of an exported function (lib.Serve(l, store)),
on an exported field of interface type, or on a field that an exported
constructor or setter stores its parameter in or copies an options field
into (&lib.Server{Store: s}, lib.NewServer(s), srv.SetCache(s),
lib.New(lib.Options{Cache: s})), facts carry that to importers; a value
of a concrete type handed in there (converted to the interface right at
the call or store, or held in a local assigned once) has its method run
on the library's loop. loopblock reports the hand-in when that method
waits on every path: a deadlock when it waits for the very process-wide
loop that calls it (a source whose Items calls app.QueueUpdate, handed to
a widget whose input handler calls Items). Not followed: a value whose
type is not certain there (a parameter or variable of the interface
type, a value read from elsewhere), a call the library makes only off
the loop (on a goroutine it starts, or from code no loop runs), a
parameter the library passes to another function before it is called,
calls of function values, and what a handed-in method does besides
waiting (a submit to the loop that does not wait for it, a handler it
registers).

The same roles come from rows for other libraries (an actor's Receive, a
network loop's event handlers, a UI toolkit's callbacks): futurelint knows
which functions of each library mark, schedule or run loop code from its
roles table, and a finding uses that library's words.

Function values that loop code runs later or in place are loop code too.
A function value stored in a struct field, or as an element of a map or
slice held in one (h.bindings[key] = save, app.reload = func() { ... },
handlers = append(handlers, f), or through a setter that stores its
parameter there or hands it to such a setter, NewAction(name, f) calling
NewActionWith(name, f, opts), in any package when the setter is
exported; a struct value read back from a map through a lookup method,
act, _ := a.Get(key); act.Run(), is read from its field too), is loop
code when loop code of the package calls what
it reads from that field (h := v.bindings[key]; h()) and nothing else
does: a field that a goroutine or code off the loop also calls from says
nothing certain and is left alone, as is a field no loop code calls. A
function argument of a helper that calls that parameter in place
(m.forEachPane(func(p *pane) { ... })) is loop code where the helper is
called from loop code, on the caller's loop: its waits are the caller's.
A wrapper that hands its parameter on inside a closure that calls it
(l.CallLater(d, func() { f(); log() }), js.FuncOf(func(...) any { return
cb(args) }), b.OnTapped = func() { f() }) is a wrapper like one that hands
it on directly. Facts carry all of this across packages: the parameters a
function calls in place, and the exported fields whose functions its
package's loop code calls. In loop code known only this way (a stored
or in-place function value, or one a wrapper hands on inside a closure),
a call of a helper is reported only when the helper waits on every path
that does not leave on an error: a return in an err != nil branch, of
errors.New(...), fmt.Errorf(...) or a value of a concrete error type
(also a bare return right after err = errors.New(...)), and panics or
log.Fatal, and a return when a function parameter is nil (if fn == nil {
return }: its callers pass a function), do not count; any other way out
counts (if cmd == nil {
return "" }, if !wait { return nil }, if err == nil { return nil }): the
helper's other paths (an open-link helper that waits only for a file)
may be the ones taken. The first round of a for loop without a condition
(a retry loop) counts as a path, up to a break or continue.
Other loop code that calls such a function itself (a button handler that
calls the Refresh also bound to a key) is told at its call when the
function may wait.
Not followed: a function value that travels
through a channel, an interface or a global variable, a field of a type
declared in a function, a value read from a field and returned before it
is called. (A parameter a helper calls on a goroutine, go f(), runs off
the loop: see offloop.)

Loops nobody described are inferred from their shape: a goroutine that
loops receiving from one channel (range, or a select whose other cases are
quit, ctx.Done() or timers), runs what it receives and is the channel's
only consumer; or a Run(main) that starts main on a new goroutine and
serves such a channel on the calling one. Functions that send one of their
func parameters to the channel are its posts (the parameter is loop code);
a post that then waits for a signal only the loop gives, or that sends to
an unbuffered channel, waits for the loop: made from that loop's code, it
deadlocks. A dispatcher hands what it receives to handler methods (of its
package's types, or of an interface of its package), which are loop code,
and its requests wait for a reply the handler gives; a wait in a handler
method the loop calls in place is reported once, at that call, with the
chain. The loop's own for statement (but for its receives taking work)
and closures its package sends to the channel are loop code too; a send
there to the loop's own unbuffered channel never returns (a deadlock; a
warning behind an if or switch). A loop draining fields of a struct
(b.jobs) is one per value: the deadlock needs the call or send on the very
value whose loop runs the code (its handler's or posted function's b), not
on another value of its type (a parameter, a map element, a field of
another struct). Findings name the loop by the function
running it and the channel it drains ("(*EventLoop).serve draining
e.jobs"). Several consumers (a worker pool), a send from a goroutine of its
own, a send to a buffered channel, and a loop nobody waits for
(fire-and-forget work from a buffered channel) are not reported. Nor is a
guarded invoke, for inferred loops and presets alike: a function that runs
its func parameter in place on one path and submits it and waits on the
other, the branch testing state rather than an argument its caller passes
(if onLoop() { f(); return }; Invoke(f); fyne's async.EnsureMain); called
from loop code it takes the first path. A bool parameter choosing the path
(if now { f(); return }) or a nil check is no guard. docs/config.md says how to turn an inference off.`
