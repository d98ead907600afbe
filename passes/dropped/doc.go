// Package dropped defines an Analyzer that reports futures and tasks that
// nobody keeps.
//
// # Analyzer dropped
//
// dropped: future or task discarded
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// The analyzer reports a call whose result is a *futures.Future or a
// *futures.Task (Submit, RunThreadsafe, Spawn, Wrap, RunInExecutor, and
// functions of any package that return one, alone or beside an error) when
// the future is discarded: the call is an expression statement, its result
// is assigned to _ (_ = Spawn(l, co)), or the future's place in a
// multi-value assignment is _ (_, err := start(c)).
//
// A future is observed when it is stored (in a variable, a field, a slice,
// a map, a captured variable), returned, passed to a function, sent on a
// channel, or when any method is called on it (Result, OnDone, Then, Cancel,
// Done: Submit(e, job).OnDone(cb) keeps nothing and still observes it).
// None of these is reported, nor is a getter that returns a future held
// elsewhere ((*futures.Promise).Future), a call in a go or defer
// statement, a result that is a future only because a type parameter was
// instantiated with one (the T of futures.Run); nor a call of a function of
// the package that keeps every future it returns elsewhere too (a cache
// filled by prefetch(k), called for that effect). A thread-safe submit to
// the loop the code is already running on is the selfsubmit rule's
// finding, a loop-only call from code that runs off the loop the offloop
// rule's, and a future of a future the unwrapped rule's (the nesting is the
// mistake): one finding per problem.
//
// # Why it goes wrong
//
// A future is how work reports its outcome. When nobody keeps it, an error
// the work returns and a panic in it (recovered into the future as an
// error) are silently lost, nobody can wait for the work to finish before
// using what it produces or before shutting down, and nobody can cancel it.
// The work still runs, so the mistake shows up only when it fails.
//
// # Before
//
//	func (s *server) save(c *futures.Ctx, doc []byte) {
//		futures.Submit(s.exec, func() (int, error) { return s.store.Put(doc) })
//	}
//
// # After
//
//	func (s *server) save(c *futures.Ctx, doc []byte) error {
//		_, err := futures.Await(c, futures.RunInExecutor(c.Loop(), s.exec, func() (int, error) {
//			return s.store.Put(doc)
//		}))
//		return err
//	}
//
// # Fix
//
// Keep the future and observe its outcome: await it in a coroutine
// (futures.Await(c, t), wrapping an executor future with futures.Wrap
// first), continue in t.Then(func(v T, err error) { ... }) from a callback,
// wait for it with f.Result() off the loop, or collect the futures and
// wait for all of them before returning. For fire-and-forget work,
// register a completion callback that logs the error. There is no
// mechanical fix: which of these is right is the author's call.
//
// # Severity
//
// Warning: the work runs, but its failure goes unnoticed.
package dropped
