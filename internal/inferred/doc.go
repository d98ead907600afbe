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
// function of the package it hands the value to: dispatch(f)). Q must be a
// struct field or a package-level variable, received from at that one place
// only, by a goroutine not started in a loop: several receive sites or
// goroutines make a worker pool, not a loop.
//
// Posts are the package's functions that send a value carrying one of
// their func parameters to Q (the parameter itself, a composite literal
// holding it, or a closure calling it); their rows say the parameter runs
// on the loop. An invoke-and-wait is a post that, on every path from the
// send, then waits on a channel only the loop signals (one the sent value
// carries, or one only the loop function sends on or closes): called from
// the loop's code it never returns. A send to an unbuffered Q from the
// loop's code never returns either. A post behind an early return (a
// guarded invoke that runs f directly when already on the loop), a send
// inside a closure (go func() { q <- f }()), or a wait with another way
// out (a select with a quit case) is not certain: the row says it waits
// only sometimes, or not at all.
//
// Not inferred: a loop over a local channel, an invoke reached through a
// func-valued variable, closures the package sends to Q with no func
// parameter behind them, and values handed to a handler method (a
// dispatcher); the loop's own body is not loop code.
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
