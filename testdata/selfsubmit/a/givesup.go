package a

import (
	"context"

	"github.com/futurelint/futurelint/futures"
)

// A wait that gives up once its context is done ends, without the result:
// a stall, not a deadlock. With context.Background() it cannot give up.
func resultContextGivesUp(c *futures.Ctx, co func(*futures.Ctx) (int, error), ctx context.Context) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and \(\*futures\.Future\)\.ResultContext at givesup\.go:\d+ blocks the loop waiting for it: unless the work already ran while this code was suspended, the wait ends only when its context gives up; await the coroutine instead`
	f.ResultContext(ctx)
	g := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and \(\*futures\.Future\)\.ResultContext at givesup\.go:\d+ waits for it: a deadlock`
	g.ResultContext(context.Background())
}
