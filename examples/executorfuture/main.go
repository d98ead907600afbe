// Executorfuture: blocking on an executor future inside a coroutine.
//
// The Python question behind it: a coroutine does `await executor.submit(work)`
// and learns that a concurrent.futures.Future is not awaitable; the answer is
// loop.run_in_executor (or asyncio.wrap_future). In Go the same mistake
// compiles: a coroutine calls Result on the executor's *Future. It returns
// the right value, but blocks the loop goroutine until the job ends, so no
// other task on the loop runs meanwhile. The heartbeat below shows it.
//
//	go run ./examples/executorfuture            # the fix
//	go run ./examples/executorfuture -mistake   # the mistake
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(func() (string, error) { return run(fetch) }, func() (string, error) { return run(fetchBlocking) })
}

// fetchBlocking is the mistake: Result blocks the loop until the job is done.
func fetchBlocking(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Submit(e, work).Result() // futurelint reports loopblock
}

// fetch is the fix: RunInExecutor delivers the job's completion on the loop,
// and Await suspends only this coroutine while the loop runs other tasks.
func fetch(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Await(c, futures.RunInExecutor(c.Loop(), e, work))
}

// work is the blocking job; on an executor worker, blocking is fine.
func work() (int, error) {
	time.Sleep(200 * time.Millisecond)
	return 42, nil
}

// run fetches on a new loop while a heartbeat task ticks on the same loop,
// and says whether the loop kept running during the fetch.
func run(fetchWith func(*futures.Ctx, *futures.Executor) (int, error)) (string, error) {
	e := futures.NewExecutor(2)
	defer e.Shutdown(context.Background())
	return futures.Run(context.Background(), func(c *futures.Ctx) (string, error) {
		ticks := 0
		heartbeat := futures.Spawn(c.Loop(), func(c *futures.Ctx) (struct{}, error) {
			for {
				if err := futures.Sleep(c, 10*time.Millisecond); err != nil {
					return struct{}{}, err
				}
				ticks++
			}
		})
		v, err := fetchWith(c, e)
		heartbeat.Cancel()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("result: %d\nthe loop kept running while waiting: %t", v, ticks > 0), nil
	})
}
