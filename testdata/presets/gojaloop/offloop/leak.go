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
				_ = vm.Set("now", t.Unix()) // want "vm.Set on the \\*goja.Runtime of loop code runs off the event loop"
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
