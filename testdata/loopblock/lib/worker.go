package lib

import "context"

// Worker is a goroutine stopped by cancelling its context.
type Worker struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// Stop cancels the worker and waits for it to notice: brief, not blocking.
func (w *Worker) Stop() {
	w.cancel()
	<-w.done
}

// Await waits for the worker to finish on its own: blocking.
func (w *Worker) Await() {
	<-w.done
}

// Pair is two workers shut down together, like a client's parts.
type Pair struct {
	a, b *part
}

type part struct {
	cancel context.CancelFunc
	done   chan struct{}
	queue  chan int
}

// halt cancels the part's goroutine without waiting for it.
func (p *part) halt() { p.cancel() }

// flush hands the part's queue a last item without stopping it.
func (p *part) flush() { p.queue <- 0 }

// Close stops both parts, then waits for each: the waits follow the stops,
// so Close is brief.
func (p *Pair) Close() {
	p.a.halt()
	p.b.halt()
	<-p.a.done
	<-p.b.done
}

// Drain waits for a part that nothing has stopped: blocking.
func (p *Pair) Drain() {
	p.a.flush()
	<-p.a.done
}
