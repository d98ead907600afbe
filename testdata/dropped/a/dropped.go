// Package a is the dropped rule's spec: futures and tasks nobody keeps, and
// the look-alikes that keep or observe them.
package a

import (
	"context"
	"errors"
	"fmt"

	"github.com/futurelint/futurelint/futures"
)

func job() (int, error) { return 1, nil }

func co(c *futures.Ctx) (int, error) { return 2, nil }

// start is user code returning a future beside an error.
func start(e *futures.Executor) (*futures.Future[int], error) {
	if e == nil {
		return nil, errors.New("no executor")
	}
	return futures.Submit(e, job), nil
}

// spawnTask is user code returning a task.
func spawnTask(l *futures.Loop) *futures.Task[int] { return futures.Spawn(l, co) }

func statements(e *futures.Executor, l *futures.Loop) {
	futures.Submit(e, job)       // want `the \*futures\.Future\[int\] from futures\.Submit is discarded: its error is lost; wait for it or take the error in a callback`
	futures.RunThreadsafe(l, co) // want `the \*futures\.Future\[int\] from futures\.RunThreadsafe is discarded: its error is lost`
	start(e)                     // want `the \*futures\.Future\[int\] from start is discarded: its error is lost`
	(futures.Submit(e, job))     // want `the \*futures\.Future\[int\] from futures\.Submit is discarded: its error is lost`
	futures.Submit[int](e, job)  // want `the \*futures\.Future\[int\] from futures\.Submit\[int\] is discarded: its error is lost`
}

func blanks(e *futures.Executor) error {
	_ = futures.Submit(e, job)                             // want `the \*futures\.Future\[int\] from futures\.Submit is assigned to _: its error is lost`
	_, err := start(e)                                     // want `the \*futures\.Future\[int\] from start is assigned to _: its error is lost`
	var _ = futures.Submit(e, job)                         // want `the \*futures\.Future\[int\] from futures\.Submit is assigned to _: its error is lost`
	a, _ := futures.Submit(e, job), futures.Submit(e, job) // want `the \*futures\.Future\[int\] from futures\.Submit is assigned to _: its error is lost`
	_ = a
	return err
}

func coroutine(c *futures.Ctx, e *futures.Executor) (int, error) {
	futures.Spawn(c.Loop(), co)             // want `the \*futures\.Task\[int\] from futures\.Spawn is discarded: its error is lost; await it or take the error in its Then callback`
	futures.RunInExecutor(c.Loop(), e, job) // want `the \*futures\.Task\[int\] from futures\.RunInExecutor is discarded: its error is lost`
	spawnTask(c.Loop())                     // want `the \*futures\.Task\[int\] from spawnTask is discarded: its error is lost`
	f := futures.Submit(e, job)
	futures.Wrap(c.Loop(), f) // want `the \*futures\.Task\[int\] from futures\.Wrap is discarded: its error is lost`
	return futures.Await(c, futures.Spawn(c.Loop(), co))
}

// Each future below is kept or observed: none is reported.

type holder struct {
	f     *futures.Future[int]
	tasks []*futures.Task[int]
	byKey map[string]*futures.Future[int]
}

var global *futures.Future[int]

func kept(e *futures.Executor, h *holder, ch chan *futures.Future[int]) *futures.Future[int] {
	h.f = futures.Submit(e, job)                       // stored in a field
	h.byKey["k"] = futures.Submit(e, job)              // stored in a map
	global = futures.Submit(e, job)                    // stored in a package variable
	ch <- futures.Submit(e, job)                       // sent
	consume(futures.Submit(e, job))                    // passed
	futures.Submit(e, job).OnDone(func(int, error) {}) // a method called on it
	futures.Submit(e, job).Cancel()                    // a method called on it
	_ = futures.Submit(e, job).Cancel()                // the bool is dropped, not the future
	v, err := futures.Submit(e, job).Result()          // waited for
	fmt.Println(v, err)
	var later *futures.Future[int]
	func() { later = futures.Submit(e, job) }() // stored through a closure
	go func() { later.Result() }()
	select {
	case <-futures.Submit(e, job).Done(): // used in a select
	case <-context.Background().Done():
	}
	f, _ := start(e) // the error is dropped, not the future
	consume(f)
	p := futures.NewPromise[int]()
	p.Future() // a getter: the promise holds the future
	p.Resolve(1)
	go futures.Submit(e, job)     // a go statement's result is discarded by the statement
	defer futures.Submit(e, job)  // as is a defer's
	return futures.Submit(e, job) // returned
}

func keptTasks(c *futures.Ctx, e *futures.Executor, h *holder) ([]int, error) {
	h.tasks = append(h.tasks, futures.Spawn(c.Loop(), co))
	t := futures.Spawn(c.Loop(), co)
	t.Then(func(int, error) {})
	futures.Spawn(c.Loop(), co).Then(func(int, error) {})
	futures.Wrap(c.Loop(), futures.Submit(e, job)).Then(func(int, error) {})
	return futures.Gather(c, futures.Spawn(c.Loop(), co), futures.RunInExecutor(c.Loop(), e, job))
}

func consume(f *futures.Future[int]) {}

// notFutures returns values of other types: nothing to report.
func notFutures(l *futures.Loop) {
	l.CallLater(0, func() {}) // a *futures.Timer
	l.CallSoonThreadsafe(func() {})
	futures.NewPromise[int]()
}

func suppressed(e *futures.Executor) {
	//futurelint:ignore dropped the job logs its own errors
	futures.Submit(e, job)
}

// selfSubmit submits to its own loop and drops the future: the selfsubmit
// rule reports it, so dropped stays quiet.
func selfSubmit(c *futures.Ctx) (int, error) {
	futures.RunThreadsafe(c.Loop(), co)
	return 0, nil
}

// offLoop spawns from a goroutine: the offloop rule reports the call, so
// dropped stays quiet.
func offLoop(l *futures.Loop) {
	go func() {
		futures.Spawn(l, co)
	}()
}

// notDeclared drops values that are futures only by instantiation, and a
// future of a future (the unwrapped rule's): none is reported.
func notDeclared(l *futures.Loop, e *futures.Executor) {
	futures.Run(nil, func(c *futures.Ctx) (*futures.Future[int], error) { return futures.Submit(e, job), nil })
	futures.Submit(e, func() (*futures.Future[int], error) { return nil, nil })
	identity(futures.Submit(e, job))
}

func identity[T any](v T) T { return v }

// cache keeps the futures it hands out: prefetching for the effect drops
// nothing.
type cache struct {
	e    *futures.Executor
	m    map[string]*futures.Future[int]
	last *futures.Future[int]
}

func (c *cache) get(k string) *futures.Future[int] {
	if f, ok := c.m[k]; ok {
		return f
	}
	f := futures.Submit(c.e, job)
	c.m[k] = f
	return f
}

func (c *cache) latest() *futures.Future[int] {
	c.last = futures.Submit(c.e, job)
	return c.last
}

// fresh keeps nothing.
func (c *cache) fresh() *futures.Future[int] { return futures.Submit(c.e, job) }

func warm(c *cache) {
	c.get("a")
	c.latest()
	c.fresh() // want `the \*futures\.Future\[int\] from c\.fresh is discarded: its error is lost`
}
