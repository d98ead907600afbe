// Package a is the poolwait rule's spec: executor jobs that wait for work on
// their own executor, and the look-alikes that wait elsewhere.
package a

import (
	"context"
	"time"

	"github.com/futurelint/futurelint/futures"
)

func inner() (int, error) { return 1, nil }

var pool = futures.NewExecutor(2)

func captured(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		return futures.Submit(e, inner).Result() // want `in a job of e, futures\.Submit\(e, inner\)\.Result waits for work queued on e, so the pool can deadlock; do the work in this job or on another executor`
	})
}

func local(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		f := futures.Submit(e, inner)
		v, err := f.ResultContext(context.Background()) // want `in a job of e, f\.ResultContext waits for work queued on e, so the pool can deadlock`
		return v, err
	})
}

func doneChannel(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		f := futures.Submit(e, inner)
		<-f.Done() // want `in a job of e, a receive from \(\*futures\.Future\)\.Done waits for work queued on e, so the pool can deadlock`
		return f.Result()
	})
}

func shutdown(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		return 0, e.Shutdown(context.Background()) // want `in a job of e, e\.Shutdown waits for every job of e, this one included, so it never returns; shut e down from outside its jobs`
	})
}

func globalPool() *futures.Future[int] {
	return futures.Submit(pool, func() (int, error) {
		return futures.Submit(pool, inner).Result() // want `in a job of pool, futures\.Submit\(pool, inner\)\.Result waits for work queued on pool, so the pool can deadlock`
	})
}

type indexer struct {
	pool  *futures.Executor
	other *futures.Executor
}

func (s *indexer) work() (int, error) {
	return futures.Submit(s.pool, inner).Result() // want `in a job of s\.pool, futures\.Submit\(s\.pool, inner\)\.Result waits for work queued on s\.pool, so the pool can deadlock`
}

func (s *indexer) otherWork() (int, error) {
	return futures.Submit(s.other, inner).Result() // another executor
}

func (s *indexer) start() (*futures.Future[int], *futures.Future[int]) {
	return futures.Submit(s.pool, s.work), futures.Submit(s.pool, s.otherWork)
}

func (s *indexer) fieldPath() *futures.Future[int] {
	return futures.Submit(s.pool, func() (int, error) {
		return futures.Submit(s.pool, inner).Result() // want `in a job of s\.pool, futures\.Submit\(s\.pool, inner\)\.Result waits for work queued on s\.pool, so the pool can deadlock`
	})
}

// waitOn waits on work it queues on the executor it is given.
func waitOn(e *futures.Executor) (int, error) {
	return futures.Submit(e, inner).Result()
}

func helper(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		return waitOn(e) // want `in a job of e, waitOn waits for work queued on e, so the pool can deadlock`
	})
}

func inExecutorJob(c *futures.Ctx, e *futures.Executor) (int, error) {
	return futures.Await(c, futures.RunInExecutor(c.Loop(), e, func() (int, error) {
		return futures.Submit(e, inner).Result() // want `in a job of e, futures\.Submit\(e, inner\)\.Result waits for work queued on e, so the pool can deadlock`
	}))
}

// Look-alikes: none is reported.

func otherExecutor(e, io *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		return futures.Submit(io, inner).Result()
	})
}

func inGoroutine(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		done := make(chan int, 1)
		go func() {
			v, _ := futures.Submit(e, inner).Result() // holds no worker
			done <- v
		}()
		return 0, nil
	})
}

func noWait(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		f := futures.Submit(e, inner) // queued, not waited for
		f.OnDone(func(int, error) {})
		return 1, nil
	})
}

func withTimeout(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		f := futures.Submit(e, inner)
		select {
		case <-f.Done():
			return f.Result()
		case <-time.After(time.Second):
			return 0, context.DeadlineExceeded
		}
	})
}

func reassigned(e, io *futures.Executor, b bool) *futures.Future[int] {
	x := e
	if b {
		x = io
	}
	return futures.Submit(e, func() (int, error) {
		return futures.Submit(x, inner).Result() // x may be another executor
	})
}

func outsideJobs(e *futures.Executor) (int, error) {
	v, err := futures.Submit(e, inner).Result() // not in a job
	e.Shutdown(context.Background())
	return v, err
}

// runJob is a job also called directly: its executor is not certain.
func runJob() (int, error) { return futures.Submit(pool, inner).Result() }

func direct() (*futures.Future[int], error) {
	if _, err := runJob(); err != nil {
		return nil, err
	}
	return futures.Submit(pool, runJob), nil
}

func suppressed(e *futures.Executor) *futures.Future[int] {
	return futures.Submit(e, func() (int, error) {
		//futurelint:ignore poolwait e has a worker per request
		return futures.Submit(e, inner).Result()
	})
}
