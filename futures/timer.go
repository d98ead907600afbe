package futures

import (
	"container/heap"
	"time"
)

// Timer is a callback scheduled with CallLater. Use it only from loop code.
type Timer struct {
	loop  *Loop
	when  time.Time
	seq   uint64 // orders timers due at the same instant
	fn    func()
	index int // in loop.timers while state == timerWaiting
	state timerState
}

type timerState uint8

const (
	timerWaiting timerState = iota // in the heap
	timerDue                       // moved to the ready queue, not yet run
	timerDone                      // ran, stopped, or dropped when the loop stopped
)

// CallLater schedules fn to run on the loop once d has elapsed (at once, in
// a later round of the loop, if d <= 0). Callbacks due at the same time run in
// the order they were scheduled. It is for loop code; it panics like CallSoon
// when called from outside it.
func (l *Loop) CallLater(d time.Duration, fn func()) *Timer {
	l.checkLoopCode("CallLater")
	if fn == nil {
		misuse("CallLater with a nil function")
	}
	return l.addTimer(d, fn)
}

func (l *Loop) addTimer(d time.Duration, fn func()) *Timer {
	l.timerSeq++
	t := &Timer{loop: l, when: time.Now().Add(d), seq: l.timerSeq, fn: fn}
	heap.Push(&l.timers, t)
	return t
}

// Stop keeps the timer's callback from running. It returns true if the
// callback had not run yet and now never will, false if it has already run or
// been stopped, or the loop has stopped. Stop is for loop code.
func (t *Timer) Stop() bool {
	if t == nil || t.loop == nil {
		misuse("Stop on a nil or zero Timer")
	}
	l := t.loop
	l.checkNotIdle("Timer.Stop")
	switch t.state {
	case timerWaiting:
		heap.Remove(&l.timers, t.index)
		t.state = timerDone
		return true
	case timerDue:
		t.state = timerDone
		return true
	}
	return false
}

// runTimers moves the timers due at now to the ready queue.
func (l *Loop) runTimers(now time.Time) {
	for len(l.timers) > 0 {
		t := l.timers[0]
		if t.when.After(now) {
			return
		}
		heap.Pop(&l.timers)
		t.state = timerDue
		l.pushReady(item{timer: t})
	}
}

// timerHeap orders timers by due time, then by scheduling order.
type timerHeap []*Timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if !h[i].when.Equal(h[j].when) {
		return h[i].when.Before(h[j].when)
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*Timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	n := len(old) - 1
	t := old[n]
	old[n] = nil
	*h = old[:n]
	t.index = -1
	return t
}
