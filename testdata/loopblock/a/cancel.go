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
	w.Await() // want `^w\.Await blocks the event loop: it receives from a channel at worker\.go:`
	s.await() // want `^s\.await blocks the event loop: it receives from a channel at cancel\.go:`
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
