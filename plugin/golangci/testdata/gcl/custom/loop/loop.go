// Package loop is a loop futurelint does not know; packages.golangci.yml
// describes it in the plugin's settings.
package loop

// Ctx is handed to every function the loop runs.
type Ctx struct{}

// Future is a value computed on another goroutine.
type Future struct{ c chan int }

// Wait blocks until the value is ready.
func (f *Future) Wait() int { return <-f.c }
