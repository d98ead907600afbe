// Package mainq is a main-thread queue: Run starts main on a new
// goroutine and serves a buffered queue of functions on the calling one
// until main returns.
package mainq

var queue chan func()

func Run(main func()) {
	queue = make(chan func(), 32)
	done := make(chan struct{})
	go func() {
		main()
		close(done)
	}()
	for {
		select {
		case f := <-queue:
			f()
		case <-done:
			return
		}
	}
}

// Go queues f and returns at once (the queue is buffered).
func Go(f func()) { queue <- f }

// Do runs f on the main goroutine and waits for it.
func Do(f func()) {
	done := make(chan struct{})
	queue <- func() {
		f()
		done <- struct{}{}
	}
	<-done
}

// DoErr runs f on the main goroutine and returns its error.
func DoErr(f func() error) error {
	errc := make(chan error)
	queue <- func() { errc <- f() }
	return <-errc
}
