package a

import (
	"context"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// A wait that gives up once its context is done ends, without the result:
// a stall, not a deadlock. With context.Background() it cannot give up.
func resultContextGivesUp(c *futures.Ctx, co func(*futures.Ctx) (int, error), ctx context.Context) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then blocks it waiting until its context is done, unless the work already ran; call co\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\)`
	f.ResultContext(ctx)
	g := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then waits for it: a deadlock`
	g.ResultContext(context.Background())
}

// A select that also waits for a timeout or a context ends without the
// result once that case is ready: the submit and its wait are one warning.
func selectGivesUp(c *futures.Ctx, co func(*futures.Ctx) (int, error), ctx context.Context) {
	f := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then blocks it waiting until another case of the select is ready, unless the work already ran; call co\(c\) or futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\)`
	select {
	case <-f.Done():
	case <-time.After(time.Second):
	}
	g := futures.RunThreadsafe(c.Loop(), co) // want `futures\.RunThreadsafe submits to the current loop, then blocks it waiting until another case of the select is ready, unless the work already ran`
	select {
	case <-g.Done():
	case <-ctx.Done():
	}
}
