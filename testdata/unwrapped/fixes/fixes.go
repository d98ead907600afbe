// Package fixes holds unwrapped's suggested fixes; fixes.go.golden is the
// file after applying them.
package fixes

import (
	fut "github.com/futurelint/futurelint/futures"
)

type actor struct {
	loop  *fut.Loop
	exec  *fut.Executor
	count int
}

func load() (int, error) { return 1, nil }

// In a coroutine the loop is c.Loop().
func (s *actor) refresh(c *fut.Ctx, f *fut.Future[int]) {
	f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
		s.count = n
	})
	fut.Submit(s.exec, load).OnDone(func(n int, err error) { s.count += n }) // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
	defer f.OnDone(s.set)                                                    // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
}

func (s *actor) set(n int, err error) { s.count = n }

// In a callback, the loop it was scheduled on.
func schedule(l *fut.Loop, s *actor, f *fut.Future[int]) {
	l.CallSoon(func() {
		f.OnDone(func(n int, err error) { // want `the OnDone callback runs off the event loop and calls loop-only \(\*futures\.Loop\)\.CallSoon`
			l.CallSoon(func() {})
		})
	})
	s.loop.CallSoon(s.poll)
}

func (s *actor) poll() {
	f := fut.Submit(s.exec, load)
	f.OnDone(func(n int, err error) { s.count = n }) // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
}

var mainLoop *fut.Loop

func onMain(s *actor) {
	mainLoop.CallSoon(func() {
		f := fut.Submit(s.exec, load)
		f.OnDone(func(n int, err error) { s.count = n }) // want `futures\.Wrap\(mainLoop, f\)`
	})
}
