package futures

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loopDebug is the debug state of a loop in debug mode: the watchdog that
// reports a blocked loop (loopblock), the goroutine check of loop-only calls
// (offloop), and the failed tasks nobody has observed yet (dropped).
type loopDebug struct {
	opts DebugOptions

	loopG atomic.Int64 // id of the goroutine running Run
	// seq counts item starts and ends: it is odd while an item runs, and
	// the same odd value means the same item.
	seq atomic.Uint64

	quit chan struct{} // closed when Run ends: the watchdog returns
	done chan struct{} // closed by the watchdog when it has returned

	mu     sync.Mutex
	failed map[*debugTracker]uint64 // failed tasks not observed yet, with their order
	nfail  uint64
}

func newLoopDebug(o DebugOptions) *loopDebug {
	return &loopDebug{opts: o, failed: make(map[*debugTracker]uint64)}
}

// started runs on the loop goroutine when Run starts the loop.
func (d *loopDebug) started(l *Loop) {
	d.loopG.Store(goroutineID())
	d.quit, d.done = make(chan struct{}), make(chan struct{})
	go d.watch(l)
}

// stopped runs on the loop goroutine once the loop has stopped: it waits for
// the watchdog to return and reports the failed tasks nobody observed.
func (d *loopDebug) stopped() {
	close(d.quit)
	<-d.done
	d.mu.Lock()
	left := slices.SortedFunc(maps.Keys(d.failed), func(a, b *debugTracker) int {
		return cmp.Compare(d.failed[a], d.failed[b])
	})
	clear(d.failed)
	d.mu.Unlock()
	for _, tr := range left {
		tr.reportDropped("its loop stopped")
	}
}

// runItem runs one loop item under the watchdog's eye. It costs two
// atomic additions: the watchdog keeps the time.
func (d *loopDebug) runItem(l *Loop, it item) {
	d.seq.Add(1)
	l.runItem(it)
	d.seq.Add(1)
}

// watch is the watchdog: it reports, once per item, an item that has held
// the loop for longer than the threshold. It looks four times per threshold
// and times an item from the first look that finds it running, so an item
// is reported once it has run for at least the threshold, and at most a
// quarter of the threshold later. It returns when Run ends.
func (d *loopDebug) watch(l *Loop) {
	defer close(d.done)
	threshold := d.opts.BlockThreshold
	tick := time.NewTicker(max(threshold/4, time.Millisecond))
	defer tick.Stop()
	var seen, reported uint64 // the running item seen last, and the last reported
	var since time.Time       // when seen was first seen
	for {
		var now time.Time
		select {
		case <-d.quit:
			return
		case now = <-tick.C:
		}
		seq := d.seq.Load()
		if seq%2 == 0 || seq == reported {
			continue
		}
		if seq != seen {
			seen, since = seq, now
			continue
		}
		held := time.Since(since)
		if held < threshold {
			continue
		}
		kind, g := "callback", d.loopG.Load()
		if c := l.current.Load(); c != nil {
			kind = "coroutine"
			if cg := c.goid.Load(); cg != 0 {
				g = cg
			}
		}
		stack := goroutineStack(g)
		if d.seq.Load() != seq {
			continue // the item returned meanwhile
		}
		if r, ok := blockReport(kind, held, stack); ok {
			reported = seq
			d.opts.report(r)
		}
	}
}

// blockReport describes a loop held for held by the goroutine whose stack
// is given. It reports false when the stack shows no callback or coroutine
// running: the loop goroutine is between items, so what holds the loop is
// the scheduler or the runtime, not loop code.
func blockReport(kind string, held time.Duration, stack string) (DebugReport, bool) {
	r := DebugReport{Rule: "loopblock", ID: "FL001", FuncKind: kind, Duration: held, Stack: stack}
	reason, frames := parseStack(stack)
	// The callback or coroutine is the function the loop machinery called.
	k := -1
	for i := len(frames) - 1; i > 0; i-- {
		if isLoopMachinery(frames[i].fn) {
			k = i - 1
			break
		}
	}
	if k < 0 {
		return r, false
	}
	r.Func, r.FuncPos = shortFunc(frames[k].fn), frames[k].pos
	// The blocking call is the one the innermost user function is in.
	u := k
	for i := 0; i < k; i++ {
		if isUserFunc(frames[i].fn) {
			u = i
			break
		}
	}
	var where string
	switch {
	case u == 0 && (reason == "running" || reason == "runnable"):
		where = fmt.Sprintf("running %s (%s)", shortFunc(frames[0].fn), shortPos(frames[0].pos))
	case u == 0: // the runtime's own frames are not printed: a channel operation, select, ...
		r.Call, r.CallPos = reason, frames[0].pos
		where = fmt.Sprintf("in %s called from %s", r.Call, shortPos(r.CallPos))
	default:
		r.Call, r.CallPos = shortFunc(frames[u-1].fn), frames[u].pos
		if funcPackage(frames[u-1].fn) == "runtime" && reason != "" {
			r.Call = reason
		}
		where = fmt.Sprintf("in %s called from %s", r.Call, shortPos(r.CallPos))
	}
	round := held.Round(time.Millisecond)
	r.text = fmt.Sprintf("loop blocked for at least %v in %s %s (%s); loop goroutine is %s; a callback or coroutine must not block: await instead (Wrap, RunInExecutor, Sleep)",
		round, kind, r.Func, shortPos(r.FuncPos), where)
	return r, true
}

// isLoopMachinery reports whether fn is one of the functions through which
// the loop calls a callback or coroutine.
func isLoopMachinery(fn string) bool {
	if funcPackage(fn) != thisPackage {
		return false
	}
	name := strings.ReplaceAll(fn[len(thisPackage)+1:], "[...]", "")
	switch name {
	case "(*Loop).callback", "(*Task).runCoroutine", "(*Task).Then.func1":
		return true
	}
	return false
}

// onLoop reports whether the calling goroutine is running l's code: it is
// the loop goroutine, or the goroutine of l's running coroutine.
func (d *loopDebug) onLoop(l *Loop) bool {
	if runningLoops.Load() == 1 && runsLoopCode() {
		// l is the only loop running, so the loop code this goroutine
		// runs is l's.
		return true
	}
	g := goroutineID()
	if g == d.loopG.Load() {
		return true
	}
	c := l.current.Load()
	return c != nil && c.goid.Load() == g
}

// checkOnLoop panics, after reporting it, unless the caller is running l's
// code: what is a loop-only call made while l runs.
func (d *loopDebug) checkOnLoop(l *Loop, what string) {
	if d.onLoop(l) {
		return
	}
	stack := currentStack()
	r := DebugReport{Rule: "offloop", ID: "FL005", Call: what, Stack: stack}
	_, frames := parseStack(stack)
	if f, ok := firstOutside(frames); ok {
		r.CallPos = f.pos
	}
	fix := "from another goroutine, use CallSoonThreadsafe to run a callback on the loop, or RunThreadsafe to start a coroutine there"
	r.text = fmt.Sprintf("%s called at %s from a goroutine that is not running the loop's code; loop-only calls from other goroutines race with the loop: %s",
		what, shortPos(r.CallPos), fix)
	d.opts.report(r)
	panic("futures: " + r.text + " (futures debug: offloop, FL005)")
}

// firstOutside returns the innermost frame outside this package and the
// runtime: the caller of the API.
func firstOutside(frames []frame) (frame, bool) {
	for _, f := range frames {
		if p := funcPackage(f.fn); p != thisPackage && p != "runtime" && p != "runtime/debug" {
			return f, true
		}
	}
	return frame{}, false
}
