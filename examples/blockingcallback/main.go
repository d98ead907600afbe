// Blockingcallback: a loop callback that waits for something only the loop
// can produce.
//
// A callback given to CallSoon runs on the loop goroutine, and while it runs
// the loop runs nothing else. The mistaken consumer below waits on a channel
// that the next callback fills: that callback never gets to run, and the
// loop is stuck for good. The fix makes the consumer a continuation: it is
// scheduled with Then when the value exists, and never waits.
//
//	go run ./examples/blockingcallback            # the fix
//	go run ./examples/blockingcallback -mistake   # the mistake (reports the stall)
package main

import (
	"context"
	"fmt"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(
		func() (string, error) { return futures.Run(context.Background(), continuation) },
		func() (string, error) { return futures.Run(context.Background(), waitInCallback) },
	)
}

// waitInCallback is the mistake: the first callback blocks the loop on a
// receive, so the callback that would send never runs.
func waitInCallback(c *futures.Ctx) (string, error) {
	l := c.Loop()
	values := make(chan int, 1)
	answer := futures.NewPromise[int]()
	l.CallSoon(func() {
		v := <-values // futurelint reports loopblock
		answer.Resolve(v * 2)
	})
	l.CallSoon(func() { values <- 21 })
	v, err := futures.Await(c, futures.Wrap(l, answer.Future()))
	return fmt.Sprintf("answer: %d", v), err
}

// continuation is the fix: the consumer runs with Then once the value
// exists, and the loop is never blocked.
func continuation(c *futures.Ctx) (string, error) {
	l := c.Loop()
	value := futures.NewPromise[int]()
	answer := futures.NewPromise[int]()
	futures.Wrap(l, value.Future()).Then(func(v int, err error) {
		answer.Resolve(v * 2)
	})
	l.CallSoon(func() { value.Resolve(21) })
	v, err := futures.Await(c, futures.Wrap(l, answer.Future()))
	return fmt.Sprintf("answer: %d", v), err
}
