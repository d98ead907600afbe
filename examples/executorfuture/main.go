// Command executorfuture shows seed 000: a coroutine that needs the result of
// a blocking job. Blocking on the executor's Future inside the coroutine
// stalls the whole loop; RunInExecutor (or Wrap) awaits it instead.
//
//	go run ./examples/executorfuture            # the fix
//	go run ./examples/executorfuture -mistake   # the mistake, stopped by a watchdog
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// work stands for blocking I/O: it belongs on an executor worker.
func work() (string, error) {
	time.Sleep(50 * time.Millisecond)
	return "response", nil
}

// mistake blocks the loop goroutine in Result: while the job runs, no other
// coroutine on the loop (here, the ticker) makes progress.
func mistake(c *futures.Ctx, e *futures.Executor) (string, error) {
	return futures.Submit(e, work).Result()
}

// fix suspends the coroutine until the job's result arrives on the loop.
func fix(c *futures.Ctx, e *futures.Executor) (string, error) {
	return futures.Await(c, futures.RunInExecutor(c.Loop(), e, work))
}

func main() {
	useMistake := flag.Bool("mistake", false, "run the blocking version")
	flag.Parse()
	e := futures.NewExecutor(2)
	defer e.Shutdown(context.Background())

	fetch := fix
	if *useMistake {
		fetch = mistake
	}
	ticks, rounds := 0, 0
	v, err := futures.Run(context.Background(), func(c *futures.Ctx) (string, error) {
		ticker := futures.Spawn(c.Loop(), func(c *futures.Ctx) (int, error) {
			for {
				ticks++
				if err := futures.Sleep(c, 5*time.Millisecond); err != nil {
					return ticks, err
				}
			}
		})
		futures.Sleep(c, 0) // let the ticker start
		start := ticks
		v, err := fetch(c, e)
		rounds = ticks - start
		fmt.Printf("loop rounds while waiting for the job: %d\n", rounds)
		ticker.Cancel()
		return v, err
	})
	fmt.Println(v, err)
	if rounds == 0 {
		fmt.Fprintln(os.Stderr, "the loop was stalled: Result blocked it for the whole job")
		os.Exit(1)
	}
}
