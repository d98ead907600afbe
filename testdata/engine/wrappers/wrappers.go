package wrappers // want package:"loop API"

// Wrappers hand their function parameters on to a loop. Their
// SchedulesFacts make the arguments loop code in the importing package.

import (
	"context"

	"github.com/futurelint/futurelint/futures"
)

func After(l *futures.Loop, fn func()) { // want After:`^schedules: param 1 callback on loop 0$`
	l.CallSoon(fn)
}

func Later(l *futures.Loop, fn func()) { // want Later:`^schedules: param 1 callback on loop 0$`
	After(l, fn)
}

// The loop is the marker's: index 0 names the *futures.Ctx.
func Soon(c *futures.Ctx, fn func()) { // want Soon:`^schedules: param 1 callback on loop 0$`
	c.Loop().CallSoon(fn)
}

func Submit[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) *futures.Future[T] { // want Submit:`^schedules: param 1 coroutine on loop 0 \(thread-safe\)$`
	return futures.RunThreadsafe(l, co)
}

func Offload(e *futures.Executor, fn func() (int, error)) *futures.Future[int] { // want Offload:`^schedules: param 1 off-loop on loop -1$`
	return futures.Submit(e, fn)
}

type Bus struct{ loop *futures.Loop }

// The loop is a field: not a parameter, so unknown to callers.
func (b *Bus) Post(fn func()) { // want Post:`^schedules: param 1 callback on loop -1$`
	b.loop.CallSoon(fn)
}

// Then's callback runs on the caller's loop.
func OnSettled(t *futures.Task[int], fn func(int, error)) { // want OnSettled:`^schedules: param 1 callback on the caller's loop$`
	t.Then(fn)
}

func Wait(f *futures.Future[int]) int { // want Wait:`^blocks: calls \(\*futures\.Future\)\.Result at wrappers\.go:46$`
	v, _ := f.Result()
	return v
}

// Blocking only in its own goroutine, or in a closure it does not call:
// no fact.
func Detached(f *futures.Future[int]) func() {
	go Wait(f)
	return func() { Wait(f) }
}

// A call of a local function value is dynamic: not assumed to block. It
// runs its argument in place: on the loop when its caller is loop code.
func Dynamic(fn func()) { fn() } // want Dynamic:`^calls in place: params \[0\]$`

// A closure that calls the parameter, handed to the loop: the parameter
// runs there too.
func Wrapped(l *futures.Loop, fn func()) { // want Wrapped:`^schedules: param 1 callback on loop 0$`
	l.CallSoon(func() { fn() })
}

// Its handlers are stored by key and called by loop code: a function stored
// there in any package runs on the loop.
type Keys struct {
	On    map[string]func() // want On:`^called in loop code$`
	Spare map[string]func()
}

func (k *Keys) Press(c *futures.Ctx, key string) { k.On[key]() }

// Bind stores f where Press calls it: a wrapper, like After.
func (k *Keys) Bind(key string, f func()) { k.On[key] = f } // want Bind:`^schedules: param 2 callback on loop -1$`

// Waiting for the submitted work on every path through the wrapper:
// awaited, also through another wrapper; a wait that can give up is
// awaited but gives up, on the context parameter when it is one. A submit
// and wait made on some paths only is awaited on some paths.
func Ask[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) (T, error) { // want Ask:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited\)$` Ask:`^blocks: `
	return futures.RunThreadsafe(l, co).Result()
}

func AskDone(l *futures.Loop, co func(*futures.Ctx) (int, error)) { // want AskDone:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited\)$` AskDone:`^blocks: `
	<-Submit(l, co).Done()
}

func AskAgain(l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) { // want AskAgain:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited\)$` AskAgain:`^blocks: `
	return Ask(l, co)
}

func AskContext(ctx context.Context, l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) { // want AskContext:`^schedules: param 2 coroutine on loop 1 \(thread-safe\) \(awaited, gives up on param 0\)$` AskContext:`^blocks: `
	return futures.RunThreadsafe(l, co).ResultContext(ctx)
}

func AskContextAgain(ctx context.Context, l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) { // want AskContextAgain:`^schedules: param 2 coroutine on loop 1 \(thread-safe\) \(awaited, gives up on param 0\)$` AskContextAgain:`^blocks: `
	return AskContext(ctx, l, co)
}

func AskBackground(l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) { // want AskBackground:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited\)$` AskBackground:`^blocks: `
	return AskContext(context.Background(), l, co)
}

func AskSelect(l *futures.Loop, co func(*futures.Ctx) (int, error), timeout <-chan struct{}) { // want AskSelect:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited, gives up\)$` AskSelect:`^blocks: `
	f := futures.RunThreadsafe(l, co)
	select {
	case <-f.Done():
	case <-timeout:
	}
}

// shutdown is done when the process shuts down.
var shutdown context.Context

func AskUntilShutdown(l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) { // want AskUntilShutdown:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited, gives up\)$` AskUntilShutdown:`^blocks: `
	return futures.RunThreadsafe(l, co).ResultContext(shutdown)
}

func AskSometimes(l *futures.Loop, co func(*futures.Ctx) (int, error), wait bool) { // want AskSometimes:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited on some paths\)$` AskSometimes:`^blocks: `
	f := futures.RunThreadsafe(l, co)
	if wait {
		f.Result()
	}
}

func AskIf(l *futures.Loop, co func(*futures.Ctx) (int, error), ask bool) { // want AskIf:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited on some paths\)$` AskIf:`^blocks: `
	if ask {
		futures.RunThreadsafe(l, co).Result()
	}
}

func AskAgainIf(l *futures.Loop, co func(*futures.Ctx) (int, error), ask bool) { // want AskAgainIf:`^schedules: param 1 coroutine on loop 0 \(thread-safe\) \(awaited on some paths\)$` AskAgainIf:`^blocks: `
	if ask {
		Ask(l, co)
	}
}
