// Package inferred finds event loops nobody described: a goroutine that
// drains a channel of work and runs what it receives, written by hand.
// It turns each into rows of the roles table, as a config file or
// directives would, so the rules report on it in their own words.
//
// A loop is a function run as a goroutine (the body of a go statement, or
// a function a go statement starts), or one that starts its function
// parameter on a new goroutine and serves the calling one (a main-thread
// queue: Run(main)), that loops receiving from one channel Q (range Q, an
// unbounded for with a receive, or a select whose other cases receive from
// other channels: quit, ctx.Done(), timers) and runs what it receives (calls
// the received func, or a func field of the received value, itself or in a
// function of the package it hands the value to: dispatch(f)), or hands it
// to a handler: a method of the package called with the value as receiver
// or argument (s.handle(req), ev.Apply(b) on an interface of the package).
// Calls in go statements and stored closures run elsewhere: they do not
// count. Q must be a
// struct field or a package-level variable, received from at that one place
// only, by a goroutine not started in a loop: several receive sites or
// goroutines make a worker pool, not a loop.
//
// Posts are the package's functions that send a value carrying one of
// their func parameters to Q (the parameter itself, a composite literal
// holding it, a local assigned one, or a closure calling it); their rows
// say the parameter runs on the loop. An invoke-and-wait is a post that, on every path from the
// send, then waits on a channel only the loop signals (one the sent value
// carries, or one only the loop function sends on or closes): called from
// the loop's code it never returns. A send to an unbuffered Q from the
// loop's code never returns either. A post behind an early return (a
// guarded invoke that runs f directly when already on the loop; a nil
// check, if f == nil { return }, is no such return), a send
// inside a closure (go func() { q <- f }()), or a wait with another way
// out (a select with a quit case) is not certain: the row says it waits
// only sometimes, or not at all. A function calling an invoke that runs
// its f in place when already on the loop (a guarded invoke) gets no row
// here: the engine finds that shape for every awaited submit
// (internal/engine/guarded.go).
//
// A dispatcher's posts are the package's functions that send a request to
// Q and then wait, on every path, for a reply only the loop or its handler
// methods give (a channel the request carries). A dispatcher without such
// an invoke (a writer handing lines to a method) gets only the rows of its
// functions sending to its unbuffered Q, which deadlock from its handlers,
// and is OnlyDrains: only deadlocks are found in its code. Its handler
// methods are loop code, as Handler rows: the methods an interface of the
// package names, wherever a type implements it, and the methods of the
// package's own types that only the loop's function calls and no other
// package can (unexported, or in package main).
//
// The loop's own function is loop code in its for statements draining Q,
// but for the receives and selects with which it takes work (that is it
// waiting for work); before and after them (setting up, tearing down) only
// a deadlock on the loop is reported. The function literals the package
// sends to a Q of functions directly (e.jobs <- func() { ... }) are loop
// code too. Its unbuffered queues go with it: a send to one from its own
// code never returns.
//
// A main-thread queue may drain a channel of its own making, and its post
// may be a closure stored in a package-level func variable: the package's
// functions handing a func parameter to that variable post as it does
// (go-sdl2: Main sets callInMain, Do(f) calls callInMain(f)).
//
// Not inferred: a go-started loop over a local channel, an invoke reached
// through a func-valued field or parameter, and handlers reached through a plain function or
// a field of the loop's value. A loop draining fields of a struct is one
// per value of that type (Loop.Owner): its handler rows say in which
// parameter the loop passes that value (roles.Type.ValueArg), and the
// engine reports a deadlock on it only for a call or send on that very
// value (internal/engine/loopvalue.go).
//
// Only loops that others wait on get rows: a loop with an invoke-and-wait,
// a main-thread queue, or one whose Q is unbuffered (every post waits for
// the loop to take it). A loop draining fire-and-forget work from a
// buffered channel is left alone: blocking is its job.
//
// The rows go to the loop's package and, as a Fact, to every package that
// imports it, where wrappers of the posts are found by the engine as for
// any loop API. Each loop is its own process-wide loop (roles.ProcessLoop)
// named by the function running it and the channel it drains, "(*EventLoop).serve
// draining e.jobs", which is how findings name it.
//
// Nothing is inferred in a package a preset, config or directive
// describes, for a function that already has a row, under
// //futurelint:not-a-loop on the loop function, or in a package whose
// config entry says "inferLoops": false. A package without a go statement
// and a channel receive inside a for statement pays one syntax walk.
package inferred
