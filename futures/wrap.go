package futures

import "context"

// Wrap returns a task on l that settles like f (asyncio.wrap_future): when f
// settles, on whatever goroutine, its outcome is posted to l with
// CallSoonThreadsafe and the task settles there, so loop code can await it and
// Then callbacks run on the loop. If l stops before that, the task settles
// with ErrClosed. Cancelling the task cancels f.
//
// Wrap is for loop code (it panics like CallSoon when called from outside it).
func Wrap[T any](l *Loop, f *Future[T]) *Task[T] {
	l.checkLoopCode("Wrap")
	f.check()
	t := wrap(l, f)
	if l.dbg != nil {
		trackTask(t, l.dbg)
	}
	return t
}

func wrap[T any](l *Loop, f *Future[T]) *Task[T] {
	t := newLoopTask[T](l)
	t.core.onCancel = func() { f.Cancel() }
	f.OnDone(func(v T, err error) {
		// If the loop has stopped, the post fails and the loop has settled,
		// or is about to settle, t with ErrClosed.
		_ = l.post(item{fn: func() { t.settle(v, err) }})
	})
	return t
}

// RunInExecutor runs fn on e and returns a task on l for its result, with
// completion delivered on l (asyncio's loop.run_in_executor): it is
// Wrap(l, Submit(e, fn)). Loop code must use it (or Wrap) rather than block on
// the Future that Submit returns. Cancelling the task cancels the job if it
// has not started.
func RunInExecutor[T any](l *Loop, e *Executor, fn func() (T, error)) *Task[T] {
	l.checkLoopCode("RunInExecutor")
	t := wrap(l, Submit(e, fn))
	if l.dbg != nil {
		trackTask(t, l.dbg)
	}
	return t
}

// RunThreadsafe starts co as a coroutine on l from any goroutine and returns
// a Future of its result (asyncio.run_coroutine_threadsafe). The coroutine is
// spawned by a callback posted with CallSoonThreadsafe. The future settles
// with the coroutine's result, or with ErrClosed if l has stopped or stops
// before the coroutine finishes. Cancelling the future cancels the task on
// the loop (or keeps it from starting). The loop goroutine settles the future,
// so OnDone callbacks added to it run on the loop and must not block.
//
// Code already running on l must not use RunThreadsafe to start a coroutine
// on l: blocking on the future's Result there deadlocks the loop. Await
// Spawn(l, co) instead.
func RunThreadsafe[T any](l *Loop, co func(*Ctx) (T, error)) *Future[T] {
	if l == nil {
		misuse("RunThreadsafe on a nil Loop")
	}
	if co == nil {
		misuse("RunThreadsafe of a nil coroutine")
	}
	f := newFuture[T]()
	if l.dbg != nil {
		if f.dbg == nil {
			trackFuture(f, &l.dbg.opts)
		}
		f.dbg.opts, f.dbg.loop = &l.dbg.opts, l
	}
	var t *Task[T] // loop goroutine only
	f.onCancel = func() {
		_ = l.post(item{fn: func() {
			if t != nil {
				t.Cancel()
			}
		}})
	}
	var zero T
	err := l.post(item{
		fn: func() {
			if f.settled.Load() { // cancelled before the loop got to it
				return
			}
			t = spawn(l, co)
			t.core.notify = append(t.core.notify, func() { f.settle(t.val, t.core.err) })
		},
		abort: func() { f.settle(zero, ErrClosed) },
	})
	if err != nil {
		f.settle(zero, ErrClosed)
	}
	return f
}

// Run runs co as a coroutine on a new loop in the calling goroutine until co
// returns, and returns its result (asyncio.run). The loop stops as soon as co
// has returned; other tasks still pending then settle with ErrClosed and
// their coroutines are unwound. If ctx is done first, the loop stops, co is
// unwound, and Run returns ctx.Err().
//
// Run blocks: do not call it from loop code.
func Run[T any](ctx context.Context, co func(*Ctx) (T, error)) (T, error) {
	if co == nil {
		misuse("Run of a nil coroutine")
	}
	l := NewLoop()
	t := spawn(l, co)
	stoppedFirst := false
	t.core.notify = append(t.core.notify, func() {
		stoppedFirst = loopState(l.state.Load()) >= loopStopping
		l.Stop()
	})
	if err := l.Run(ctx); err != nil && stoppedFirst {
		var zero T
		return zero, err
	}
	return t.val, t.core.err
}
