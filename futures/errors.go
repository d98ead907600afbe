package futures

import (
	"errors"
	"fmt"
	"log"
	"runtime/debug"
)

// ErrCancelled is the error of a future or task that was cancelled before it
// settled otherwise.
var ErrCancelled = errors.New("futures: cancelled")

// ErrClosed is the error of work that was refused or abandoned because its
// Executor was shut down or its Loop stopped: Submit after Shutdown, jobs
// still queued when Shutdown gives up, CallSoonThreadsafe on a stopped loop,
// and every task or thread-safe submission still pending when a loop stops.
var ErrClosed = errors.New("futures: closed")

// PanicError is the error of a future or task whose job, callback or
// coroutine panicked. The panic is recovered, so the loop or worker that ran
// the code keeps running.
type PanicError struct {
	// Value is the value passed to panic.
	Value any
	// Stack is the stack of the panicking goroutine, as printed by
	// runtime/debug.Stack at the point of recovery.
	Stack []byte
}

// Error reports the panic value.
func (e *PanicError) Error() string { return fmt.Sprintf("futures: panic: %v", e.Value) }

// Unwrap returns the panic value when it is an error, so errors.Is and
// errors.As see through a panic(err).
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// newPanicError captures the stack; call it from the deferred function that
// recovered v, so the stack still shows where the panic started.
func newPanicError(v any) *PanicError {
	return &PanicError{Value: v, Stack: debug.Stack()}
}

// logPanic reports a recovered panic that has no future or task to carry it.
func logPanic(where string, pe *PanicError) {
	log.Printf("futures: panic in %s: %v\n%s", where, pe.Value, pe.Stack)
}

// misuse panics with a message naming the mistake.
func misuse(format string, args ...any) {
	panic("futures: " + fmt.Sprintf(format, args...))
}
