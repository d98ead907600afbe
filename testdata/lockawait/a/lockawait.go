// Package a is the lockawait rule's spec: mutexes held across suspension
// points, and the look-alikes that release them first.
package a

import (
	"sync"
	"time"

	"github.com/futurelint/futurelint/futures"
)

type cache struct {
	mu    sync.Mutex
	rw    sync.RWMutex
	value int
	exec  *futures.Executor
}

func load() (int, error) { return 1, nil }

func co(c *futures.Ctx) (int, error) { return 1, nil }

func (s *cache) deferred(c *futures.Ctx) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, err := futures.Await(c, futures.RunInExecutor(c.Loop(), s.exec, load)) // want `futures\.Await suspends while s\.mu is held: loop code locking it blocks the event loop; unlock before suspending`
	s.value = v
	futures.Sleep(c, time.Millisecond) // the same acquisition: reported once, above
	return err
}

func (s *cache) explicit(c *futures.Ctx) {
	s.mu.Lock()
	futures.Sleep(c, time.Millisecond) // want `futures\.Sleep suspends while s\.mu is held: loop code locking it blocks the event loop`
	s.mu.Unlock()
}

func (s *cache) readLock(c *futures.Ctx) {
	s.rw.RLock()
	futures.Gather(c, futures.Spawn(c.Loop(), co)) // want `futures\.Gather suspends while s\.rw is held: loop code locking it blocks the event loop`
	s.rw.RUnlock()
}

func (s *cache) writeLock(c *futures.Ctx) {
	s.rw.Lock()
	defer s.rw.Unlock()
	futures.Await(c, futures.Spawn(c.Loop(), co)) // want `futures\.Await suspends while s\.rw is held: loop code locking it blocks the event loop`
}

func localMutex(c *futures.Ctx) {
	var mu sync.Mutex
	mu.Lock()
	futures.Sleep(c, 0) // want `futures\.Sleep suspends while mu is held: loop code locking it blocks the event loop`
	mu.Unlock()
}

// wait suspends: calling it under a lock suspends too.
func wait(c *futures.Ctx) error { return futures.Sleep(c, time.Millisecond) }

// waitTwice suspends through wait.
func waitTwice(c *futures.Ctx) error {
	if err := wait(c); err != nil {
		return err
	}
	return wait(c)
}

func (s *cache) viaHelper(c *futures.Ctx) {
	s.mu.Lock()
	defer s.mu.Unlock()
	waitTwice(c) // want `waitTwice may suspend while s\.mu is held: loop code locking it blocks the event loop`
}

func (s *cache) closureSuspends(c *futures.Ctx) {
	s.mu.Lock()
	func() { // want `the closure called here may suspend while s\.mu is held: loop code locking it blocks the event loop`
		futures.Sleep(c, 0)
	}()
	s.mu.Unlock()
}

func (s *cache) bothBranches(c *futures.Ctx, fast bool) {
	s.mu.Lock()
	if fast {
		s.value++
	} else {
		s.value--
	}
	futures.Sleep(c, 0) // want `futures\.Sleep suspends while s\.mu is held: loop code locking it blocks the event loop`
	s.mu.Unlock()
}

func callback(l *futures.Loop, s *cache) {
	l.CallSoon(func() {
		futures.Spawn(l, func(c *futures.Ctx) (int, error) {
			s.mu.Lock()
			defer s.mu.Unlock()
			return futures.Await(c, futures.Spawn(c.Loop(), co)) // want `futures\.Await suspends while s\.mu is held: loop code locking it blocks the event loop`
		})
	})
}

// Look-alikes: none is reported.

func (s *cache) unlockFirst(c *futures.Ctx) error {
	s.mu.Lock()
	n := s.value
	s.mu.Unlock()
	v, err := futures.Await(c, futures.RunInExecutor(c.Loop(), s.exec, load))
	s.mu.Lock()
	s.value = n + v
	s.mu.Unlock()
	return err
}

func (s *cache) unlockOnEveryPath(c *futures.Ctx, fast bool) {
	s.mu.Lock()
	if fast {
		s.mu.Unlock()
		return
	}
	s.value++
	s.mu.Unlock()
	futures.Sleep(c, 0)
}

func (s *cache) lockedInPlace(c *futures.Ctx) {
	func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.value++
	}()
	futures.Sleep(c, 0)
}

func (s *cache) sometimes(c *futures.Ctx, lock bool) {
	if lock {
		s.mu.Lock()
	}
	futures.Sleep(c, 0) // held on some paths only: not certain
	if lock {
		s.mu.Unlock()
	}
}

func (s *cache) otherWorkUnderLock(c *futures.Ctx) {
	s.mu.Lock()
	futures.Spawn(c.Loop(), co) // spawning does not suspend
	s.value++
	s.mu.Unlock()
}

func (s *cache) job(c *futures.Ctx) {
	t := futures.RunInExecutor(c.Loop(), s.exec, func() (int, error) {
		s.mu.Lock() // an executor job: it does not suspend
		defer s.mu.Unlock()
		time.Sleep(time.Millisecond)
		return s.value, nil
	})
	futures.Await(c, t)
}

func (s *cache) goroutine(c *futures.Ctx) {
	s.mu.Lock()
	go func() { // the goroutine does not suspend the coroutine
		s.mu.Lock()
		s.value++
		s.mu.Unlock()
	}()
	s.mu.Unlock()
	futures.Sleep(c, 0)
}

func (s *cache) deferredSuspend(c *futures.Ctx) {
	s.mu.Lock()
	defer futures.Sleep(c, 0) // runs after the deferred unlock below
	defer s.mu.Unlock()
	s.value++
}

func (s *cache) twoMutexes(c *futures.Ctx, other *sync.Mutex) {
	other.Lock()
	other.Unlock()
	s.mu.Lock()
	s.mu.Unlock()
	futures.Sleep(c, 0)
}

func (s *cache) suppressed(c *futures.Ctx) {
	s.mu.Lock()
	defer s.mu.Unlock()
	//futurelint:ignore lockawait only this coroutine ever takes s.mu
	futures.Sleep(c, 0)
}

// embedded locks through the mutex a struct embeds.
type embedded struct {
	sync.Mutex
	n int
}

func (e *embedded) update(c *futures.Ctx) {
	e.Lock()
	e.n++
	futures.Sleep(c, 0) // want `futures\.Sleep suspends while e is held: loop code locking it blocks the event loop`
	e.Unlock()
}

func (e *embedded) released(c *futures.Ctx) {
	e.Lock()
	e.n++
	e.Unlock()
	futures.Sleep(c, 0)
}

// loopBody takes and releases the lock in every round of a loop.
func (s *cache) loopBody(c *futures.Ctx) {
	for i := 0; i < 3; i++ {
		s.mu.Lock()
		s.value++
		s.mu.Unlock()
		futures.Sleep(c, 0)
	}
	for i := 0; i < 3; i++ {
		s.mu.Lock()
		futures.Sleep(c, 0) // want `futures\.Sleep suspends while s\.mu is held: loop code locking it blocks the event loop`
		s.mu.Unlock()
	}
}
