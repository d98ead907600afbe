package a

import (
	"context"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// A wait that gives up once its context is done ends, without the result:
// a stall, not a deadlock. With context.Background() it cannot give up.
func resultContextGivesUp(c *futures.Ctx, co func(*futures.Ctx) (int, error), ctx context.Context) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and \(\*futures\.Future\)\.ResultContext at givesup\.go:\d+ blocks the loop waiting for it: unless the work already ran while this code was suspended, the wait ends only when its context is done, without the result; await the coroutine instead`
	f.ResultContext(ctx)
	g := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and \(\*futures\.Future\)\.ResultContext at givesup\.go:\d+ waits for it: a deadlock`
	g.ResultContext(context.Background())
}

// A select that also waits for a timeout or a context ends without the
// result once that case is ready: the submit and its wait are one warning.
func selectGivesUp(c *futures.Ctx, co func(*futures.Ctx) (int, error), ctx context.Context) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `^futures\.RunThreadsafe submits .*, and a select without default at givesup\.go:\d+ blocks the loop waiting for it: unless the work already ran while this code was suspended, the wait ends only when another case of the select is ready, without the result; await the coroutine instead`
	select {
	case <-f.Done():
	case <-time.After(time.Second):
	}
	g := futures.RunThreadsafe(c.Loop(), co) // want `, and a select without default at givesup\.go:\d+ blocks the loop waiting for it: .* the wait ends only when another case of the select is ready`
	select {
	case <-g.Done():
	case <-ctx.Done():
	}
}
