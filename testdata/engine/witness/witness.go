// Package witness names, for a function that may block in several ways,
// the wait that really happens, and the rules that ignore directives
// silence on every way. It references no loop runtime: its summaries come
// from its syntax, and TestSummariesAgree holds SSA's to the same.
package witness

import "time"

// MaybeFirst sleeps only when slow, then always receives: the receive is
// the witness, though the sleep comes first.
func MaybeFirst(slow bool, ch chan int) { // want MaybeFirst:`^blocks: receives from a channel at witness\.go:15$`
	if slow {
		time.Sleep(time.Millisecond)
	}
	<-ch
}

// Longer prefers a certain chain through get to the shorter sleep that
// may not happen.
func Longer(slow bool, ch chan int) int { // want Longer:`^blocks: calls get at witness\.go:24, which receives from a channel at witness\.go:27$`
	if slow {
		time.Sleep(time.Millisecond)
	}
	return get(ch)
}

func get(ch chan int) int { return <-ch } // want get:`^blocks: receives from a channel at witness\.go:27$`

// EarlyReturn may return before it receives: the receive is its only
// wait, and still its witness.
func EarlyReturn(skip bool, ch chan int) { // want EarlyReturn:`^blocks: receives from a channel at witness\.go:35$`
	if skip {
		return
	}
	<-ch
}

// BothMaybe waits in two branches: neither is certain, the first stays.
func BothMaybe(a bool, ch chan int) { // want BothMaybe:`^blocks: calls time\.Sleep at witness\.go:41$`
	if a {
		time.Sleep(time.Millisecond)
	} else {
		<-ch
	}
}

// Short, with two certain waits, names the first.
func Short(ch chan int) { // want Short:`^blocks: receives from a channel at witness\.go:49$`
	<-ch
	time.Sleep(time.Millisecond)
}

// InCondition receives in an if's condition, which always runs, and in
// the right operand of &&, which may not.
func InCondition(ok bool, a, b chan bool) { // want InCondition:`^blocks: receives from a channel at witness\.go:58$`
	if ok && <-a {
	}
	if <-b {
	}
}

// InPlace receives in a closure it calls in place, on every path.
func InPlace(slow bool, ch chan int) { // want InPlace:`^blocks: receives from a channel at witness\.go:68$`
	if slow {
		time.Sleep(time.Millisecond)
	}
	func() {
		<-ch
	}()
}

// Ignored's only wait is silenced for loopblock.
func Ignored(ch chan int) { // want Ignored:`^blocks: receives from a channel at witness\.go:75 \(ignored for loopblock\)$`
	//futurelint:ignore loopblock the sender is always ready when this is called
	<-ch
}

// IgnoredSameLine is silenced by a directive on the wait's own line.
func IgnoredSameLine(ch chan int) { // want IgnoredSameLine:`^blocks: receives from a channel at witness\.go:80 \(ignored for loopblock\)$`
	<-ch //futurelint:ignore loopblock the sender is always ready
}

// Half ignores one of its two waits: the other is the witness, and nothing
// is silenced.
func Half(ch chan int) { // want Half:`^blocks: calls time\.Sleep at witness\.go:88$`
	//futurelint:ignore loopblock the sender is always ready
	<-ch
	time.Sleep(time.Millisecond)
}

// OtherRule's directive names another rule: loopblock is not silenced.
func OtherRule(ch chan int) { // want OtherRule:`^blocks: receives from a channel at witness\.go:94 \(ignored for poolwait\)$`
	//futurelint:ignore poolwait not an executor's job
	<-ch
}

// NoReason's directive gives no reason: it silences nothing.
func NoReason(ch chan int) { // want NoReason:`^blocks: receives from a channel at witness\.go:100$`
	//futurelint:ignore loopblock
	<-ch
}

// Through is silenced by Ignored's directive: every chain through it ends
// there.
func Through(ch chan int) { // want Through:`^blocks: calls Ignored at witness\.go:106, which receives from a channel at witness\.go:75 \(ignored for loopblock\)$`
	Ignored(ch)
}

// AtTheCall silences the call of a helper that blocks: the chains through
// the call, not the helper's own.
func AtTheCall(ch chan int) { // want AtTheCall:`^blocks: calls get at witness\.go:113, which receives from a channel at witness\.go:27 \(ignored for loopblock\)$`
	//futurelint:ignore loopblock get returns at once here: ch is buffered and full
	get(ch)
}

// Unsilenced prefers the way no directive silences, though it may not
// happen.
func Unsilenced(slow bool, ch chan int) { // want Unsilenced:`^blocks: calls time\.Sleep at witness\.go:120$`
	if slow {
		time.Sleep(time.Millisecond)
	}
	Ignored(ch)
}
