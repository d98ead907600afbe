package a

import "github.com/futurelint/futurelint/futures"

func suppressed(c *futures.Ctx) {
	//futurelint:ignore selfsubmit the wakeup is wanted: it lets timers due now run first
	c.Loop().CallSoonThreadsafe(tick)
	c.Loop().CallSoonThreadsafe(tick) //futurelint:ignore loopblock,selfsubmit measured: the hop is intended
	//futurelint:ignore loopblock another rule's directive does not suppress this one
	c.Loop().CallSoonThreadsafe(tick) // want `^c\.Loop\(\)\.CallSoonThreadsafe submits`
	//futurelint:ignore selfsubmit
	c.Loop().CallSoonThreadsafe(tick) // want `c\.Loop\(\)\.CallSoonThreadsafe submits to the current loop: a needless thread-safe hop.*\(a //futurelint:ignore without a reason does not apply\)`
}
