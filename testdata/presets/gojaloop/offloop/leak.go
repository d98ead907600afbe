// Package offloop lets values of a goja_nodejs loop's runtime escape to
// other goroutines.
package offloop

import (
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"
)

func Watch(loop *eventloop.EventLoop, ticks <-chan time.Time) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		go func() {
			for t := range ticks {
				_ = vm.Set("now", t.Unix()) // want "in a goroutine, vm.Set runs off the event loop of its \\*goja.Runtime: a data race; call it in loop.RunOnLoop\\(fn\\)"
			}
		}()
		go func() {
			for t := range ticks {
				// Hand the update back to the loop instead.
				loop.RunOnLoop(func(vm *goja.Runtime) {
					_ = vm.Set("now", t.Unix())
				})
			}
		}()
	})
}

// Deadline stops a script that runs too long: Interrupt is the runtime's
// one method made for other goroutines (goja's README, "Interrupting").
func Deadline(loop *eventloop.EventLoop, script string) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		timer := time.AfterFunc(time.Second, func() {
			vm.Interrupt("deadline exceeded")
		})
		defer timer.Stop()
		_, _ = vm.RunString(script)
	})
}
