// Package poolwait defines an Analyzer that reports executor jobs that wait
// for work queued on their own executor.
//
// # Analyzer poolwait
//
// poolwait: executor job waiting for its own executor
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// The analyzer reports, inside a job of executor e (a function passed to
// futures.Submit(e, ...) or futures.RunInExecutor(l, e, ...), with the
// closures it calls in place), a wait for work queued on the same e:
// futures.Submit(e, g).Result(), ResultContext, a receive from its Done(),
// and e.Shutdown(ctx), which waits for every job of e, the waiting one
// included. A call of a function of the package that waits so on the
// executor it is given is reported at the call, with the chain of calls
// down to the wait as related information.
//
// The executor is known to be the job's own when every call queuing the
// job names it as the wait does: the same variable (captured by the job
// closure), the same field path (futures.Submit(s.pool, s.work), and
// s.pool in the method work), the same package-level variable.
//
// Not reported: work on another executor; waits in a goroutine the job
// starts, which holds no worker; a select on Done() with other cases;
// jobs that also run elsewhere (called directly, exported from a
// library), whose executor is not certain.
//
// # Why it goes wrong
//
// An executor has a fixed number of workers. A job that queues more work
// on its own executor and waits for it holds a worker while it waits. When
// every worker runs such a job, the work they wait for sits in the queue
// behind them and can never start: the pool deadlocks (thread-pool
// starvation). With one worker it deadlocks every time; with more, under
// load. Shutdown waits for every queued and running job to finish, so a
// job that shuts down its own executor waits for itself.
//
// # Before
//
//	func (s *indexer) indexAll(paths []string) *futures.Future[int] {
//		return futures.Submit(s.pool, func() (int, error) {
//			n := 0
//			for _, p := range paths {
//				k, err := futures.Submit(s.pool, s.indexer(p)).Result()
//				if err != nil {
//					return n, err
//				}
//				n += k
//			}
//			return n, nil
//		})
//	}
//
// # After
//
//	func (s *indexer) indexAll(paths []string) *futures.Future[int] {
//		return futures.Submit(s.pool, func() (int, error) {
//			n := 0
//			for _, p := range paths {
//				k, err := s.indexer(p)() // the work, done in this job
//				if err != nil {
//					return n, err
//				}
//				n += k
//			}
//			return n, nil
//		})
//	}
//
// # Fix
//
// Do the inner work directly in the job; queue it on a different executor
// (one whose jobs never wait on the first); or have the caller queue all
// the pieces and combine their results, in a coroutine with futures.Await
// or futures.Gather of their wrapped futures. Shut an executor down from
// the code that owns it, never from its jobs. There is no mechanical fix.
//
// # Severity
//
// Warning: the deadlock needs every worker to wait at once, which load
// makes likely and a one-worker executor makes certain.
package poolwait
