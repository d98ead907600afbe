// Package futures is the reference runtime futurelint's rules target.
//
// This file is a placeholder holding the fixed API surface; the runtime replaces it.
package futures

import (
	"context"
	"errors"
	"time"
)

var ErrCancelled = errors.New("futures: cancelled")
var ErrClosed = errors.New("futures: closed")

type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return "futures: panic" }

type Future[T any] struct{ _ T }

func (f *Future[T]) Result() (T, error)                           { panic("unimplemented") }
func (f *Future[T]) ResultContext(ctx context.Context) (T, error) { panic("unimplemented") }
func (f *Future[T]) Done() <-chan struct{}                        { panic("unimplemented") }
func (f *Future[T]) Cancel() bool                                 { panic("unimplemented") }
func (f *Future[T]) OnDone(fn func(T, error))                     { panic("unimplemented") }

type Promise[T any] struct{ _ T }

func NewPromise[T any]() *Promise[T]        { panic("unimplemented") }
func (p *Promise[T]) Future() *Future[T]    { panic("unimplemented") }
func (p *Promise[T]) Resolve(v T) bool      { panic("unimplemented") }
func (p *Promise[T]) Reject(err error) bool { panic("unimplemented") }

type Executor struct{}

func NewExecutor(workers int) *Executor                          { panic("unimplemented") }
func Submit[T any](e *Executor, fn func() (T, error)) *Future[T] { panic("unimplemented") }
func (e *Executor) Shutdown(ctx context.Context) error           { panic("unimplemented") }

type Loop struct{}

func NewLoop() *Loop                                        { panic("unimplemented") }
func (l *Loop) Run(ctx context.Context) error               { panic("unimplemented") }
func (l *Loop) Stop()                                       { panic("unimplemented") }
func (l *Loop) CallSoon(fn func())                          { panic("unimplemented") }
func (l *Loop) CallSoonThreadsafe(fn func()) error          { panic("unimplemented") }
func (l *Loop) CallLater(d time.Duration, fn func()) *Timer { panic("unimplemented") }

type Timer struct{}

func (t *Timer) Stop() bool { panic("unimplemented") }

type Ctx struct{}

func (c *Ctx) Loop() *Loop              { panic("unimplemented") }
func (c *Ctx) Context() context.Context { panic("unimplemented") }

type Task[T any] struct{ _ T }

func Spawn[T any](l *Loop, co func(*Ctx) (T, error)) *Task[T] { panic("unimplemented") }
func Await[T any](c *Ctx, t *Task[T]) (T, error)              { panic("unimplemented") }
func (t *Task[T]) Then(fn func(T, error))                     { panic("unimplemented") }
func (t *Task[T]) Done() bool                                 { panic("unimplemented") }
func (t *Task[T]) Cancel() bool                               { panic("unimplemented") }
func Sleep(c *Ctx, d time.Duration) error                     { panic("unimplemented") }
func Gather[T any](c *Ctx, ts ...*Task[T]) ([]T, error)       { panic("unimplemented") }

func RunThreadsafe[T any](l *Loop, co func(*Ctx) (T, error)) *Future[T] { panic("unimplemented") }
func Wrap[T any](l *Loop, f *Future[T]) *Task[T]                        { panic("unimplemented") }
func RunInExecutor[T any](l *Loop, e *Executor, fn func() (T, error)) *Task[T] {
	panic("unimplemented")
}
func Run[T any](ctx context.Context, co func(*Ctx) (T, error)) (T, error) { panic("unimplemented") }
