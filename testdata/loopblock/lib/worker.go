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
