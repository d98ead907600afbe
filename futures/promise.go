package futures

// Promise is the write side of a Future: whoever holds it settles the future.
// Its methods are safe to call from any goroutine.
type Promise[T any] struct {
	f *Future[T]
}

// NewPromise returns a Promise whose Future is pending.
func NewPromise[T any]() *Promise[T] {
	return &Promise[T]{f: newFuture[T]()}
}

// Future returns the future p settles.
func (p *Promise[T]) Future() *Future[T] { return p.f }

// Resolve settles the future with v and a nil error. It returns false, and
// changes nothing, if the future had already settled (including by Cancel).
func (p *Promise[T]) Resolve(v T) bool { return p.f.settle(v, nil) }

// Reject settles the future with err and the zero value. It returns false,
// and changes nothing, if the future had already settled. Reject panics if
// err is nil: a rejection must say what went wrong.
func (p *Promise[T]) Reject(err error) bool {
	if err == nil {
		misuse("Promise.Reject with a nil error; use Resolve")
	}
	var zero T
	return p.f.settle(zero, err)
}
