// Package app uses the loop of ../loop.
package app

import "futurelint.test/gcl/custom/loop"

// Handle runs on the loop (it has a *loop.Ctx) and blocks it.
func Handle(c *loop.Ctx, f *loop.Future) int {
	return f.Wait() // want: loopblock
}

// Worker is not loop code: waiting there is fine.
func Worker(f *loop.Future) int { return f.Wait() }
