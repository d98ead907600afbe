// Lockacrossawait: a coroutine that suspends while it holds a mutex.
//
// Two coroutines on one loop update a shared counter under a sync.Mutex. The
// mistaken one sleeps (suspends) with the mutex held; the loop then runs the
// other coroutine, whose Lock blocks the loop goroutine itself, so the holder
// never resumes to unlock: the loop is stuck for good. The fix suspends only
// after unlocking.
//
//	go run ./examples/lockacrossawait            # the fix
//	go run ./examples/lockacrossawait -mistake   # the mistake (reports the stall)
package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(
		func() (string, error) { return run((*counter).slowAddUnlocked) },
		func() (string, error) { return run((*counter).slowAddLocked) },
	)
}

// counter is shared state guarded by a mutex.
type counter struct {
	mu sync.Mutex
	n  int
}

// slowAddLocked is the mistake: it sleeps with the mutex held.
func (s *counter) slowAddLocked(c *futures.Ctx) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.n
	if err := futures.Sleep(c, 10*time.Millisecond); err != nil { // futurelint reports lockawait
		return 0, err
	}
	s.n = n + 1
	return s.n, nil
}

// slowAddUnlocked is the fix: read under the lock, suspend without it, and
// lock again to write.
func (s *counter) slowAddUnlocked(c *futures.Ctx) (int, error) {
	if err := futures.Sleep(c, 10*time.Millisecond); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return s.n, nil
}

// add increments the counter without suspending.
func (s *counter) add(c *futures.Ctx) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return s.n, nil
}

// run runs the slow adder and a quick one on one loop.
func run(slowAdd func(*counter, *futures.Ctx) (int, error)) (string, error) {
	s := &counter{}
	return futures.Run(context.Background(), func(c *futures.Ctx) (string, error) {
		slow := futures.Spawn(c.Loop(), func(c *futures.Ctx) (int, error) { return slowAdd(s, c) })
		quick := futures.Spawn(c.Loop(), s.add)
		if _, err := futures.Gather(c, slow, quick); err != nil {
			return "", err
		}
		return fmt.Sprintf("both coroutines finished: counter = %d", s.n), nil
	})
}
