package lib

import (
	"errors"
	"sync"
)

// Try does its work at once and returns its outcome in a channel it has
// already closed, on every path: reading it waits for nothing.
func Try(fail bool) (bool, chan error) {
	errs := make(chan error, 1)
	if fail {
		errs <- errors.New("failed")
	}
	close(errs)
	return true, errs
}

// TryOnce closes its channel in a function handed to once.Do, which
// calls it before returning.
func TryOnce(once *sync.Once) chan error {
	errs := make(chan error, 1)
	once.Do(func() {
		errs <- errors.New("failed")
		close(errs)
	})
	return errs
}

// Drained ranges over Try's channel: it does not block.
func Drained() int {
	n := 0
	_, errs := Try(false)
	for range errs {
		n++
	}
	return n
}

// ClosesLater returns its channel open and closes it from a goroutine it
// starts: reading it waits for that goroutine.
func ClosesLater() chan error {
	errs := make(chan error, 1)
	go func() {
		errs <- errors.New("failed")
		close(errs)
	}()
	return errs
}

// Maybe closes its channel on one branch only.
func Maybe(done bool) chan error {
	errs := make(chan error, 1)
	if done {
		close(errs)
	}
	return errs
}

// Waited ranges over ClosesLater's channel: it blocks.
func Waited() int {
	n := 0
	for range ClosesLater() {
		n++
	}
	return n
}
