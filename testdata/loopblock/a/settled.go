package a

import "github.com/futurelint/futurelint/futures"

// A Result on a future known to be settled does not block.
func settledAfterDone(c *futures.Ctx, f *futures.Future[int]) {
	<-f.Done() // want `^a receive from \(\*futures\.Future\)\.Done blocks`
	f.Result() // quiet: settled by the receive above, which is reported instead
}

func settledInCase(c *futures.Ctx, f *futures.Future[int]) {
	select {
	case <-f.Done():
		f.Result() // quiet: this case runs only once f is settled
	default:
	}
}

func settledAfterSelect(c *futures.Ctx, f *futures.Future[int]) {
	select {
	case <-f.Done():
	default:
		return
	}
	f.Result() // quiet: only reached through the Done case
}

func settledAfterAwait(c *futures.Ctx, f *futures.Future[int]) {
	futures.Await(c, futures.Wrap(c.Loop(), f))
	f.Result() // quiet: the awaited wrap settled with f
}

func settledAfterAwaitVar(c *futures.Ctx, f *futures.Future[int]) {
	t := futures.Wrap(c.Loop(), f)
	futures.Await(c, t)
	f.Result() // quiet: as above, through a variable
}

func settledInThen(c *futures.Ctx, f *futures.Future[int]) {
	futures.Wrap(c.Loop(), f).Then(func(int, error) {
		f.Result() // quiet: Then runs once the wrap, and so f, has settled
	})
	t := futures.Wrap(c.Loop(), f)
	t.Then(func(int, error) {
		f.Result() // quiet: as above, through a variable
	})
}

func settledAfterCancel(c *futures.Ctx, f *futures.Future[int]) error {
	if err := futures.Sleep(c, 0); err != nil {
		return err
	}
	f.Cancel()
	_, err := f.Result() // quiet: Cancel settles a pending future at once, and a false result means it had settled already
	return err
}

// Not settled: the wait is for another future, or not on every path.
func notSettled(c *futures.Ctx, f, g *futures.Future[int], ok bool) {
	<-f.Done() // want `Done blocks`
	g.Result() // want `Result blocks the event loop goroutine`
	if ok {
		<-g.Done() // want `Done blocks`
	}
	g.Result() // want `Result blocks the event loop goroutine`
	select {
	case <-g.Done():
	default:
	}
	g.Result() // want `Result blocks the event loop goroutine`
	futures.Wrap(c.Loop(), f).Then(func(int, error) {
		g.Result() // want `Result blocks the event loop goroutine`
	})
	f.Cancel()
	g.Result() // want `Result blocks the event loop goroutine`
	if ok {
		g.Cancel()
	}
	g.Result() // want `Result blocks the event loop goroutine`
}
