package a

import "github.com/futurelint/futurelint/futures"

func suppressed(c *futures.Ctx, f *futures.Future[int]) {
	//futurelint:ignore loopblock the future is settled by a test hook before this runs
	f.Result()
	f.Result() //futurelint:ignore loopblock,selfsubmit settled by a test hook
	//futurelint:ignore selfsubmit another rule's directive does not suppress this one
	f.Result() // want `Result blocks the event loop goroutine`
	//futurelint:ignore loopblock
	f.Result() // want `\(\*futures\.Future\)\.Result blocks the event loop goroutine.*\(a //futurelint:ignore without a reason does not apply\)`
}
