package futures

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"sync"
)

// debugTracker follows one future or task made in debug mode: where it was
// made, whether it failed, and whether anything observed its outcome. A
// failure nobody observed is reported (dropped) when the future or task is
// garbage collected, or, for a task, when its loop stops.
type debugTracker struct {
	opts *DebugOptions
	kind string // "future" or "task"
	pcs  [12]uintptr
	npc  int
	loop *Loop      // future: the loop whose coroutine settles it (RunThreadsafe); task: its loop
	ld   *loopDebug // task: the loop's debug state, which lists its unobserved failures

	mu       sync.Mutex
	observed bool
	failed   bool
	reported bool
	err      error
	val      any
}

func newDebugTracker(opts *DebugOptions, kind string) *debugTracker {
	tr := &debugTracker{opts: opts, kind: kind}
	tr.npc = runtime.Callers(3, tr.pcs[:])
	return tr
}

// trackFuture puts f under debug mode with opts.
func trackFuture[T any](f *Future[T], opts *DebugOptions) {
	tr := newDebugTracker(opts, "future")
	f.dbg = tr
	runtime.AddCleanup(f, (*debugTracker).collected, tr)
}

// trackTask puts t, a task made for the user on a loop in debug mode, under
// debug mode.
func trackTask[T any](t *Task[T], d *loopDebug) {
	tr := newDebugTracker(&d.opts, "task")
	tr.loop, tr.ld = t.core.loop, d
	t.core.dbg = tr
	runtime.AddCleanup(t, (*debugTracker).collected, tr)
}

// observe records that the outcome is being looked at.
func (tr *debugTracker) observe() {
	tr.mu.Lock()
	tr.observed = true
	forget := tr.failed && tr.ld != nil
	tr.mu.Unlock()
	if forget {
		tr.ld.mu.Lock()
		delete(tr.ld.failed, tr)
		tr.ld.mu.Unlock()
	}
}

// setValue records the value of a failure (a job or coroutine may return
// both a value and an error).
func (tr *debugTracker) setValue(v any) {
	tr.mu.Lock()
	tr.val = v
	tr.mu.Unlock()
}

// settled records the outcome. Cancellation and a closed loop or executor
// are not failures of the work, and are not reported.
func (tr *debugTracker) settled(err error) {
	if err == nil || errors.Is(err, ErrCancelled) || errors.Is(err, ErrClosed) {
		return
	}
	tr.mu.Lock()
	tr.failed, tr.err = true, err
	list := tr.ld != nil && !tr.observed
	tr.mu.Unlock()
	if list {
		tr.ld.mu.Lock()
		tr.ld.nfail++
		tr.ld.failed[tr] = tr.ld.nfail
		tr.ld.mu.Unlock()
	}
}

// collected runs once the future or task has become unreachable.
func (tr *debugTracker) collected() {
	if tr.ld != nil {
		tr.ld.mu.Lock()
		delete(tr.ld.failed, tr)
		tr.ld.mu.Unlock()
	}
	tr.reportDropped("it was garbage collected")
}

// reportDropped reports a failure nobody observed, once; when says what
// ended the chance to observe it.
func (tr *debugTracker) reportDropped(when string) {
	tr.mu.Lock()
	if !tr.failed || tr.observed || tr.reported {
		tr.mu.Unlock()
		return
	}
	tr.reported = true
	err, val := tr.err, tr.val
	tr.mu.Unlock()

	r := DebugReport{Rule: "dropped", ID: "FL004", Err: err}
	r.Call, r.Created, r.CreatedPos = tr.origin()
	what := "its result"
	if v := reflect.ValueOf(val); v.IsValid() && !v.IsZero() {
		r.Value = val
		what = fmt.Sprintf("its result (value %v)", val)
	}
	fix := "call Result (or Wrap it and Await the task), or OnDone to handle the error"
	if tr.kind == "task" {
		fix = "Await or Gather it, or handle the error in Then"
	}
	r.text = fmt.Sprintf("%s made by %s in %s (%s) failed with %q, and nothing looked at %s before %s; %s",
		tr.kind, r.Call, r.Created, shortPos(r.CreatedPos), err.Error(), what, when, fix)
	tr.opts.report(r)
}

// origin returns the API that made the future or task, and the function and
// position of the code that called it.
func (tr *debugTracker) origin() (api, fn, pos string) {
	frames := runtime.CallersFrames(tr.pcs[:tr.npc])
	for {
		f, more := frames.Next()
		if funcPackage(f.Function) == thisPackage {
			api = shortFunc(f.Function)
		} else if f.Function != "" {
			return api, shortFunc(f.Function), fmt.Sprintf("%s:%d", f.File, f.Line)
		}
		if !more {
			return api, "?", ""
		}
	}
}

// beforeWait observes the future and, if waiting for it would deadlock
// (it is pending and only the loop that the caller is running can settle
// it), returns the error to return instead of waiting; call is the API.
func (tr *debugTracker) beforeWait(settled bool, call string) error {
	tr.observe()
	l := tr.loop
	if settled || l == nil || l.dbg == nil || loopState(l.state.Load()) != loopRunning || !l.dbg.onLoop(l) {
		return nil
	}
	stack := currentStack()
	r := DebugReport{Rule: "selfsubmit", ID: "FL002", Call: call, Err: ErrDeadlock, Stack: stack}
	_, frames := parseStack(stack)
	if f, ok := firstOutside(frames); ok {
		r.CallPos = f.pos
	}
	_, r.Created, r.CreatedPos = tr.origin()
	r.text = fmt.Sprintf("deadlock: %s called at %s on the loop that must run the coroutine started by RunThreadsafe in %s (%s): the loop cannot run it while it waits, so the wait would never end; in loop code, Await(c, Spawn(c.Loop(), co)) or call the coroutine directly",
		call, shortPos(r.CallPos), r.Created, shortPos(r.CreatedPos))
	tr.opts.report(r)
	return &r
}
