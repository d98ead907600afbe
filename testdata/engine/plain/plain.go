package plain

// A package with no loop runtime: summaries from syntax, no SSA.

import (
	"sync"
	"time"
)

func Nap() { // want Nap:`^blocks: calls time\.Sleep at plain\.go:11$`
	time.Sleep(time.Millisecond)
}

func Outer() { // want Outer:`^blocks: calls inner at plain\.go:15, which calls Nap at plain\.go:18, which calls time\.Sleep at plain\.go:11$`
	inner()
}

func inner() { Nap() } // want inner:`^blocks: calls Nap`

func Recv[T any](ch chan T) T { // want Recv:`^blocks: receives from a channel at plain\.go:21$`
	return <-ch
}

type M struct{ mu sync.WaitGroup }

func (m *M) Wait() { m.mu.Wait() } // want Wait:`^blocks: calls \(\*sync\.WaitGroup\)\.Wait at plain\.go:26$`

func Select(a, b chan int) { // want Select:`^blocks: selects without default at plain\.go:29$`
	select {
	case <-a:
	case b <- 1:
	}
}

func InPlace(ch chan int) { // want InPlace:`^blocks: receives from a channel at plain\.go:37$`
	func() {
		<-ch
	}()
}

// Quiet: a goroutine, a closure not called, a select with default, a send,
// a std function not in the roles table.
func Quiet(ch chan int) func() {
	go Nap()
	go func() { <-ch }()
	select {
	case <-ch:
	default:
	}
	ch <- 1
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	return func() { <-ch }
}
