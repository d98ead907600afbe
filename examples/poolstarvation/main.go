// Poolstarvation: an executor job that waits for work on its own executor.
//
// The executor has one worker. The mistaken job submits its inner work to the
// same executor and waits for it: the only worker is the one waiting, so the
// inner work never starts (with more workers, enough such jobs at once do the
// same). The job gives up after a while to show it. The fix does the inner
// work directly in the job.
//
//	go run ./examples/poolstarvation            # the fix
//	go run ./examples/poolstarvation -mistake   # the mistake
package main

import (
	"context"
	"fmt"
	"time"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(func() (string, error) { return run(sumDirectly) }, func() (string, error) { return run(sumOnSamePool) })
}

// square is the inner work.
func square(i int) func() (int, error) {
	return func() (int, error) { return i * i, nil }
}

// sumOnSamePool is the mistake: the job waits for work queued behind it.
func sumOnSamePool(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		sum := 0
		for i := 1; i <= 3; i++ {
			v, err := futures.Submit(e, square(i)).ResultContext(ctx) // futurelint reports poolwait
			if err != nil {
				return 0, fmt.Errorf("the inner work never started (the only worker is waiting for it): %w", err)
			}
			sum += v
		}
		return sum, nil
	})
}

// sumDirectly is the fix: the job does the inner work itself.
func sumDirectly(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		sum := 0
		for i := 1; i <= 3; i++ {
			v, err := square(i)()
			if err != nil {
				return 0, err
			}
			sum += v
		}
		return sum, nil
	})
}

// run runs the summing job on a one-worker executor.
func run(sum func(*futures.Executor) *futures.Future[int]) (string, error) {
	e := futures.NewExecutor(1)
	defer e.Shutdown(context.Background())
	v, err := sum(e).Result()
	if err != nil {
		return err.Error(), nil
	}
	return fmt.Sprintf("sum of squares: %d", v), nil
}
