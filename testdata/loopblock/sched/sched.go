// Package sched holds wrappers that hand functions on to a loop, and a
// helper that blocks on a future. Both travel to importers as facts.
package sched

import (
	"time"

	"futurelint.test/loopblock/lib"

	"github.com/futurelint/futurelint/futures"
)

// After runs fn on l: fn is loop code at every call of After.
func After(l *futures.Loop, fn func()) {
	l.CallSoon(fn)
}

// Later hands fn on to After: wrappers compose.
func Later(l *futures.Loop, fn func()) {
	After(l, fn)
}

// Go runs co as a coroutine on l; it is generic.
func Go[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) *futures.Task[T] {
	return futures.Spawn(l, co)
}

// Job runs fn on an executor: fn is not loop code.
func Job(e *futures.Executor, fn func() (int, error)) *futures.Future[int] {
	return futures.Submit(e, fn)
}

// Store blocks on a future it holds.
type Store struct{ F *futures.Future[int] }

// Fetch waits for the future.
func (s *Store) Fetch() int {
	v, _ := s.F.Result()
	return v
}

// Nap blocks through another package.
func Nap() {
	lib.Pause()
}

// Settled waits for a future its callers have always settled: one
// directive at the wait silences every call of it, in any package.
func (s *Store) Settled() int {
	//futurelint:ignore loopblock callers settle F before they call Settled
	v, _ := s.F.Result()
	return v
}

// Delay hands fn on inside a closure that calls it: fn is loop code at every
// call of Delay, as with After.
func Delay(l *futures.Loop, d time.Duration, fn func()) *futures.Timer {
	return l.CallLater(d, func() {
		fn()
		delayed++
	})
}

var delayed int

// Each calls f in place: f runs wherever the call of Each runs.
func Each(items []int, f func(int)) {
	for _, it := range items {
		f(it)
	}
}

// Spread calls f in place on a goroutine of its own: not on its caller's loop.
func Spread(items []int, f func(int)) {
	for _, it := range items {
		go f(it)
	}
}

// Keys keeps handlers by key; Dispatch, loop code, calls them: a handler
// stored in Handlers by any package runs on the loop.
type Keys struct {
	Handlers map[string]func()
	Spare    map[string]func() // never called from loop code
}

// Dispatch runs the handler of key, as loop code.
func (k *Keys) Dispatch(c *futures.Ctx, key string) {
	if h, ok := k.Handlers[key]; ok {
		h()
	}
}

// SettledVia reaches lib.Settled's ignored receive: the directive there
// silences the chains through this package too.
func SettledVia(ch chan int) int {
	return lib.Settled(ch)
}

// Bind stores f where Dispatch calls it: a function handed to Bind in any
// package runs on the loop (a fact on Bind, as on After).
func (k *Keys) Bind(key string, f func()) { k.Handlers[key] = f }

// Action is a key's handler kept by value, with its name, in a map behind
// a lookup method; Actions.Handle, loop code, runs what it finds.
type Action struct {
	Name string
	Run  func()
}

// Actions keeps an Action per key.
type Actions struct{ byKey map[string]Action }

// NewAction names run: it stores it in Action.Run through NewActionWith,
// a setter of its own, so it is one too (a fact on each).
func NewAction(name string, run func()) Action { return NewActionWith(name, run, false) }

// NewActionWith stores run in the Action it returns.
func NewActionWith(name string, run func(), hidden bool) Action {
	if hidden {
		name = ""
	}
	return Action{Name: name, Run: run}
}

// Add keeps act for key.
func (a *Actions) Add(key string, act Action) { a.byKey[key] = act }

// Get looks key up.
func (a *Actions) Get(key string) (Action, bool) {
	act, ok := a.byKey[key]
	return act, ok
}

// Handle runs the action of key, as loop code.
func (a *Actions) Handle(c *futures.Ctx, key string) {
	if act, ok := a.Get(key); ok {
		act.Run()
	}
}
