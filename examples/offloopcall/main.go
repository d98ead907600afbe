// Offloopcall: a goroutine that schedules on the event loop with a loop-only
// call.
//
// CallSoon is for code running on the loop. The mistaken coroutine starts a
// goroutine that fetches a value and hands it back with CallSoon: by then the
// loop is idle, waiting for that very value, and the runtime panics (when the
// loop is busy instead, the call races with it). The fix hands the value back
// with CallSoonThreadsafe, which any goroutine may call.
//
//	go run ./examples/offloopcall            # the fix
//	go run ./examples/offloopcall -mistake   # the mistake
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(
		func() (string, error) { return futures.Run(context.Background(), handBackThreadsafe) },
		func() (string, error) { return futures.Run(context.Background(), handBackLoopOnly) },
	)
}

// fetch is slow work done off the loop.
func fetch() int {
	time.Sleep(20 * time.Millisecond)
	return 42
}

// handBackLoopOnly is the mistake: CallSoon from another goroutine.
func handBackLoopOnly(c *futures.Ctx) (string, error) {
	l := c.Loop()
	answer := futures.NewPromise[int]()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				answer.Reject(fmt.Errorf("the goroutine's CallSoon panicked: %v", r))
			}
		}()
		v := fetch()
		l.CallSoon(func() { answer.Resolve(v) }) // futurelint reports offloop
	}()
	v, err := futures.Await(c, futures.Wrap(l, answer.Future()))
	if err != nil {
		return err.Error(), nil
	}
	return fmt.Sprintf("fetched %d, handed back to the loop", v), nil
}

// handBackThreadsafe is the fix: CallSoonThreadsafe may come from any
// goroutine.
func handBackThreadsafe(c *futures.Ctx) (string, error) {
	l := c.Loop()
	answer := futures.NewPromise[int]()
	go func() {
		v := fetch()
		l.CallSoonThreadsafe(func() { answer.Resolve(v) })
	}()
	v, err := futures.Await(c, futures.Wrap(l, answer.Future()))
	if err != nil {
		return err.Error(), nil
	}
	return fmt.Sprintf("fetched %d, handed back to the loop", v), nil
}
