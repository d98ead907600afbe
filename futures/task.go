package futures

// Task is a loop-bound future: the result of a coroutine started with Spawn,
// or of a Future wrapped onto a loop with Wrap or RunInExecutor. Use a Task
// only from code running on its loop; from other goroutines use
// RunThreadsafe, which returns a Future.
//
// A Task settles exactly once: with its coroutine's result, a *PanicError if
// the coroutine panicked, ErrCancelled if cancelled first, or ErrClosed if its
// loop stopped first.
type Task[T any] struct {
	core taskCore
	val  T
	co   func(*Ctx) (T, error)
	ctx  Ctx // the coroutine's state, for tasks made by Spawn
}

// taskCore is the part of a task that does not depend on its result type.
type taskCore struct {
	loop     *Loop
	settled  bool
	err      error
	waiters  []waiter      // coroutines suspended on this task
	thens    []func()      // Then callbacks, queued on the loop at settlement
	notify   []func()      // internal listeners, run at settlement even when the loop stops
	onCancel func()        // propagates Cancel to the source of a wrapped future
	co       *Ctx          // nil unless the task runs a coroutine
	dbg      *debugTracker // nil unless made by the user on a loop in debug mode

	prev, next *taskCore // in loop.live until the task is settled and its coroutine finished
}

// waiter is a coroutine suspended in Await (gather == nil) or Gather.
type waiter struct {
	co     *Ctx
	gen    uint64
	gather *gatherState
}

// Spawn starts co as a coroutine on l and returns its task (like
// asyncio.create_task). co first runs in a later round of the loop, not
// inside Spawn. Spawn is for loop code, or for setting a loop up before Run;
// it panics like CallSoon when called from outside it, and panics if co is
// nil.
func Spawn[T any](l *Loop, co func(*Ctx) (T, error)) *Task[T] {
	l.checkLoopCode("Spawn")
	if co == nil {
		misuse("Spawn of a nil coroutine")
	}
	t := spawn(l, co)
	if l.dbg != nil {
		trackTask(t, l.dbg)
	}
	return t
}

// spawn is Spawn without the checks, for tasks the package makes for itself.
func spawn[T any](l *Loop, co func(*Ctx) (T, error)) *Task[T] {
	t := &Task[T]{co: co}
	t.core.loop = l
	t.core.co = &t.ctx
	t.ctx = Ctx{loop: l, task: &t.core, body: t, wakeQueued: true}
	l.link(&t.core)
	l.pushReady(item{co: &t.ctx})
	return t
}

func newLoopTask[T any](l *Loop) *Task[T] {
	t := &Task[T]{}
	t.core.loop = l
	l.link(&t.core)
	return t
}

// runCoroutine runs the coroutine body on its own goroutine.
func (t *Task[T]) runCoroutine() {
	v, err := t.co(&t.ctx)
	t.settle(v, err)
}

func (t *Task[T]) check() {
	if t == nil || t.core.loop == nil {
		misuse("use of a nil or zero Task; tasks come from Spawn, Wrap or RunInExecutor")
	}
}

// settle records the outcome if t is pending; loop goroutine only.
func (t *Task[T]) settle(v T, err error) bool {
	if t.core.settled {
		return false
	}
	t.val = v
	if t.core.dbg != nil && err != nil {
		t.core.dbg.setValue(v)
	}
	t.core.finish(err)
	return true
}

func (tc *taskCore) finishIfPending(err error) {
	if !tc.settled {
		tc.finish(err)
	}
}

// finish settles the task with err (the typed value, if any, is already
// stored) and tells everyone waiting.
func (tc *taskCore) finish(err error) {
	tc.settled = true
	tc.err = err
	if tc.dbg != nil {
		tc.dbg.settled(err)
	}
	for _, fn := range tc.notify {
		fn()
	}
	for _, w := range tc.waiters {
		if g := w.gather; g != nil {
			if !g.settle(err) {
				continue
			}
		}
		w.co.wake(w.gen, false)
	}
	if loopState(tc.loop.state.Load()) < loopStopping {
		for _, fn := range tc.thens {
			tc.loop.pushReady(item{fn: fn})
		}
	}
	tc.notify, tc.waiters, tc.thens, tc.onCancel = nil, nil, nil, nil
	if c := tc.co; c == nil || c.state == coDone || c.state == coNew {
		tc.loop.unlink(tc)
	}
}

// Then arranges for fn to run on the loop, as a callback, once t settles
// (in a later round if t has already settled). If t settles because the loop
// stopped, fn does not run. Then is for loop code; a panic in fn goes to the
// loop's panic handler.
func (t *Task[T]) Then(fn func(T, error)) {
	t.check()
	t.core.loop.checkLoopCode("Task.Then")
	if fn == nil {
		misuse("Task.Then with a nil callback")
	}
	if t.core.dbg != nil {
		t.core.dbg.observe()
	}
	cb := func() { fn(t.val, t.core.err) }
	if t.core.settled {
		t.core.loop.pushReady(item{fn: cb})
		return
	}
	t.core.thens = append(t.core.thens, cb)
}

// Done reports whether t has settled. Loop code only.
func (t *Task[T]) Done() bool {
	t.check()
	t.core.loop.checkNotIdle("Task.Done")
	if t.core.dbg != nil {
		t.core.dbg.observe()
	}
	return t.core.settled
}

// Cancel settles a pending t with ErrCancelled and reports whether it did so
// (false if t had already settled). Loop code only.
//
// A coroutine that has not started never runs. A started one keeps running
// until it returns, but its result is discarded: its Context is cancelled,
// and the Await, Sleep or Gather it is suspended in (or, if it is running,
// its next one) returns ErrCancelled, once; later calls suspend as usual so
// the coroutine can clean up. Cancelling a task made by Wrap or
// RunInExecutor also cancels the wrapped Future.
func (t *Task[T]) Cancel() bool {
	t.check()
	t.core.loop.checkNotIdle("Task.Cancel")
	if t.core.settled {
		return false
	}
	onCancel := t.core.onCancel
	t.core.finish(ErrCancelled)
	if c := t.core.co; c != nil {
		c.deliverCancel()
	}
	if onCancel != nil {
		onCancel()
	}
	return true
}
