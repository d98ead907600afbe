package a

import (
	"context"

	"futurelint.test/loopblock/lib"

	"github.com/futurelint/futurelint/futures"
)

// A receive right after cancelling a context waits for the goroutine the
// cancel stops: not blocking. A receive with no cancel before it is.
func cancelThenWait(c *futures.Ctx, w *lib.Worker, s *stopper) {
	w.Stop()  // quiet: summarised from syntax
	s.stop()  // quiet: the same in this package, from SSA
	w.Await() // want `w\.Await blocks the event loop`
	s.await() // want `s\.await blocks the event loop`
}

// A Close that stops its parts through helpers of its own package that
// cancel, then waits for them, is brief too. A helper that stops nothing
// does not make the wait after it brief.
func stopPartsThenWait(c *futures.Ctx, p *lib.Pair, q *pair) {
	p.Close() // quiet: summarised from syntax
	q.close() // quiet: the same in this package, from SSA
	p.Drain() // want `p\.Drain blocks the event loop`
	q.drain() // want `q\.drain blocks the event loop`
}

type stopper struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (s *stopper) stop() {
	s.cancel()
	<-s.done
}

func (s *stopper) await() {
	<-s.done
}

type pair struct {
	a, b *stopper
}

func (s *stopper) halt() { s.cancel() }

func (s *stopper) poke() { s.done <- struct{}{} }

func (q *pair) close() {
	q.a.halt()
	q.b.halt()
	<-q.a.done
	<-q.b.done
}

func (q *pair) drain() {
	q.a.poke()
	<-q.a.done
}
