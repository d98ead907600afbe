package futures

import "time"

// Await suspends the coroutine until t settles and returns t's value and
// error; the loop runs other work meanwhile. If t has already settled, Await
// returns at once without suspending. If the awaiting coroutine's own task is
// cancelled while it waits, Await returns ErrCancelled (t is left alone).
//
// Await panics if c is not the Ctx of the running coroutine (see Ctx), if t
// belongs to another loop (wrap cross-loop work with RunThreadsafe and Wrap),
// or if a coroutine awaits its own task, which could never settle.
func Await[T any](c *Ctx, t *Task[T]) (T, error) {
	c.enter("Await")
	t.check()
	if t.core.loop != c.loop {
		misuse("Await of a task that belongs to another loop; use RunThreadsafe on that loop and Wrap the Future")
	}
	if &t.core == c.task {
		misuse("a coroutine awaited its own task, which cannot settle before the coroutine returns")
	}
	if t.core.dbg != nil {
		t.core.dbg.observe()
	}
	if t.core.settled {
		return t.val, t.core.err
	}
	if c.takeCancel() {
		var zero T
		return zero, ErrCancelled
	}
	gen := c.prepare()
	t.core.waiters = append(t.core.waiters, waiter{co: c, gen: gen})
	if c.suspend() {
		var zero T
		return zero, ErrCancelled
	}
	return t.val, t.core.err
}

// Sleep suspends the coroutine for at least d; the loop runs other work
// meanwhile. With d <= 0 it suspends just until the loop's next round, which
// lets other ready work run (asyncio.sleep(0)). It returns nil, or
// ErrCancelled if the coroutine's task is cancelled first.
func Sleep(c *Ctx, d time.Duration) error {
	c.enter("Sleep")
	if c.takeCancel() {
		return ErrCancelled
	}
	gen := c.prepare()
	var timer *Timer
	if d <= 0 {
		c.wake(gen, false)
	} else {
		timer = c.loop.addTimer(d, func() { c.wake(gen, false) })
	}
	if c.suspend() {
		if timer != nil {
			timer.Stop()
		}
		return ErrCancelled
	}
	return nil
}

// Gather suspends the coroutine until every task in ts has settled and
// returns their values in the order of ts.
//
// If a task fails, Gather returns at once with a nil slice and the error of
// the first task to fail (in the order they settled; if several had already
// failed when Gather was called, the first of them in ts). The other tasks
// are not cancelled: they keep running, and their results can still be
// awaited (like asyncio.gather without return_exceptions). If the gathering
// coroutine's own task is cancelled, Gather returns ErrCancelled and leaves
// the tasks alone. With no tasks, Gather returns an empty slice at once.
//
// Gather panics on a nil task and in the cases where Await panics.
func Gather[T any](c *Ctx, ts ...*Task[T]) ([]T, error) {
	c.enter("Gather")
	pending := 0
	var failed error
	for _, t := range ts {
		t.check()
		if t.core.loop != c.loop {
			misuse("Gather of a task that belongs to another loop; use RunThreadsafe on that loop and Wrap the Future")
		}
		if &t.core == c.task {
			misuse("a coroutine gathered its own task, which cannot settle before the coroutine returns")
		}
		if t.core.dbg != nil {
			t.core.dbg.observe()
		}
		switch {
		case !t.core.settled:
			pending++
		case t.core.err != nil && failed == nil:
			failed = t.core.err
		}
	}
	if failed != nil {
		return nil, failed
	}
	if pending > 0 {
		if c.takeCancel() {
			return nil, ErrCancelled
		}
		g := &gatherState{remaining: pending}
		gen := c.prepare()
		for _, t := range ts {
			if !t.core.settled {
				t.core.waiters = append(t.core.waiters, waiter{co: c, gen: gen, gather: g})
			}
		}
		if c.suspend() {
			g.done = true
			return nil, ErrCancelled
		}
		if g.err != nil {
			return nil, g.err
		}
	}
	vals := make([]T, len(ts))
	for i, t := range ts {
		vals[i] = t.val
	}
	return vals, nil
}

// gatherState counts the tasks a Gather still waits for.
type gatherState struct {
	remaining int
	err       error
	done      bool
}

// settle records one task settling with err and reports whether the
// gathering coroutine should wake now.
func (g *gatherState) settle(err error) bool {
	if g.done {
		return false
	}
	if err != nil {
		g.err = err
		g.done = true
		return true
	}
	g.remaining--
	if g.remaining == 0 {
		g.done = true
		return true
	}
	return false
}
