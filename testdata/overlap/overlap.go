// Package overlap has one site for each row of engine.Overlaps: two rules
// see it, and the comment "overlap: <reports> over <quiet>" on its line
// says which one reports it.
package overlap

import "github.com/futurelint/futurelint/futures"

func co(*futures.Ctx) (int, error) { return 0, nil }

// waitOwnWork waits for work it submitted to its own loop: a blocking
// wait (loopblock) on a thread-safe submit back to this loop (selfsubmit).
func waitOwnWork(c *futures.Ctx) (int, error) {
	return futures.RunThreadsafe(c.Loop(), co).Result() // overlap: selfsubmit over loopblock
}

// dropOwnSubmit submits to its own loop and discards the future.
func dropOwnSubmit(c *futures.Ctx) (int, error) {
	futures.RunThreadsafe(c.Loop(), co) // overlap: selfsubmit over dropped
	return 0, nil
}

// dropOffLoopSpawn spawns from an executor job and discards the task.
func dropOffLoopSpawn(l *futures.Loop, e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		futures.Spawn(l, co) // overlap: offloop over dropped
		return 0, nil
	})
}

// dropNested submits a job that returns a future and discards the future
// of that future.
func dropNested(e *futures.Executor) {
	futures.Submit(e, func() (*futures.Future[int], error) { return nil, nil }) // overlap: unwrapped over dropped
}
