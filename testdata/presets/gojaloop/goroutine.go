package gojaloop

import (
	"time"

	"github.com/dop251/goja"
)

// Delay waits on a goroutine that the loop callback starts, given the
// runtime as an argument, and hands the result back to the loop: quiet.
func (h *Host) Delay(d time.Duration) {
	h.loop.RunOnLoop(func(vm *goja.Runtime) {
		go func(vm *goja.Runtime) {
			time.Sleep(d) // quiet: a goroutine
			h.loop.RunOnLoop(func(vm *goja.Runtime) { vm.Set("delayed", true) })
		}(vm)
	})
}
