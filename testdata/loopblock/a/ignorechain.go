package a

import (
	"time"

	"futurelint.test/loopblock/lib"
	"futurelint.test/loopblock/sched"

	"github.com/futurelint/futurelint/futures"
)

// One ignore directive at the wait inside a helper silences every call of
// the helper in loop code, and every chain through it.

// settle waits for a future its callers have always settled.
func settle(f *futures.Future[int]) int {
	//futurelint:ignore loopblock every caller settles f before it calls settle
	v, _ := f.Result()
	return v
}

// settleBoth reaches the ignored wait through settle, twice.
func settleBoth(f, g *futures.Future[int]) int { return settle(f) + settle(g) }

// settleThenNap ignores one of its two waits: the sleep is still reported.
func settleThenNap(f *futures.Future[int]) int {
	//futurelint:ignore loopblock f is settled
	v, _ := f.Result()
	time.Sleep(time.Millisecond)
	return v
}

// settleForPoolwait's directive names another rule: loopblock still reports.
func settleForPoolwait(f *futures.Future[int]) int {
	//futurelint:ignore poolwait f is not an executor job's result
	v, _ := f.Result()
	return v
}

func ignoredChains(c *futures.Ctx, f, g *futures.Future[int], ch chan int, st *sched.Store) {
	settle(f)
	settle(g)
	settle(f)
	settleBoth(f, g)
	lib.Settled(ch)               // across packages, summarised from syntax
	st.Settled()                  // across packages, summarised from SSA
	sched.SettledVia(ch)          // through two packages
	settleThenNap(f)              // want `^settleThenNap blocks the event loop`
	settleForPoolwait(f)          // want `^settleForPoolwait blocks the event loop`
	lib.HalfSettled(ch)           // want `^lib\.HalfSettled blocks the event loop`
	f.Result()                    // want `^\(\*futures\.Future\)\.Result blocks the event loop goroutine`
	maybeNapThenReceive(true, ch) // want `^maybeNapThenReceive blocks the event loop`
}

// maybeNapThenReceive sleeps only sometimes, and always receives: the
// receive is the wait its finding names.
func maybeNapThenReceive(slow bool, ch chan int) int {
	if slow {
		time.Sleep(time.Millisecond)
	}
	return <-ch
}
