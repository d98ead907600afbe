// Package lockawait defines an Analyzer that reports coroutines that
// suspend while holding a mutex.
//
// # Analyzer lockawait
//
// lockawait: mutex held while the coroutine suspends
//
// Loop code is defined once for every rule: see
// https://github.com/futurelint/futurelint/blob/main/docs/rules.md#loop-code.
//
// The analyzer reports, in loop code, a call that suspends the coroutine
// (futures.Await, futures.Sleep, futures.Gather) or a call of a function
// that may suspend it (through any number of calls and packages), made
// while a sync.Mutex or sync.RWMutex is held on every path to it: locked
// with Lock or RLock before the call and not yet unlocked. A deferred
// Unlock releases the lock only when the function returns, so it is held
// across every suspension after the Lock. Each lock acquisition is
// reported once, at the first suspension it is held across.
//
// Not reported: a lock released before the suspension on every path; a
// lock taken and released inside a closure called in place; locks held on
// some paths only; locks in executor jobs, goroutines and callbacks, which
// do not suspend (a blocking call there is the loopblock rule's concern).
//
// # Why it goes wrong
//
// A suspended coroutine lets the loop run other work, but keeps what it
// holds. When other work on the same loop (another coroutine, a callback)
// then locks the same mutex, Lock blocks the loop goroutine itself, and the
// suspended holder, which can only resume on that loop, never runs again to
// unlock it: the loop deadlocks the first time there is contention. A
// sync.Mutex is for short critical sections between goroutines, not for
// spans that include a suspension point.
//
// # Before
//
//	func (s *cache) refresh(c *futures.Ctx) error {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		v, err := futures.Await(c, futures.RunInExecutor(c.Loop(), s.exec, s.load))
//		s.value = v
//		return err
//	}
//
// # After
//
//	func (s *cache) refresh(c *futures.Ctx) error {
//		v, err := futures.Await(c, futures.RunInExecutor(c.Loop(), s.exec, s.load))
//		s.mu.Lock()
//		s.value = v
//		s.mu.Unlock()
//		return err
//	}
//
// # Fix
//
// Keep suspension points out of critical sections: copy what the work
// needs under the lock, unlock, suspend, and lock again to store the
// result (checking that nothing changed meanwhile if that matters). State
// used only by code on one loop needs no mutex at all: the loop runs one
// piece of code at a time. There is no mechanical fix.
//
// # Severity
//
// Warning: the deadlock needs contention, but nothing prevents it.
package lockawait
