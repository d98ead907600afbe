// Package lib holds helpers that reference no loop runtime. The engine
// summarises them from their syntax, without SSA, and exports may-block
// facts that loop code in other packages sees.
package lib

import (
	"sync"
	"time"
)

// Pause blocks its caller: it sleeps.
func Pause() {
	time.Sleep(time.Millisecond)
}

// Drain blocks: it ranges over a channel.
func Drain(ch chan int) {
	for range ch {
	}
}

// Group blocks through a method.
type Group struct{ wg sync.WaitGroup }

// Wait waits for the group.
func (g *Group) Wait() {
	g.wg.Wait()
}

// First is generic; it blocks receiving.
func First[T any](ch <-chan T) T {
	return <-ch
}

// Level1 blocks three calls down.
func Level1() {
	level2()
}

func level2() {
	Level3()
}

// Level3 sleeps.
func Level3() {
	time.Sleep(time.Millisecond)
}

// Deferred blocks in a closure it defers.
func Deferred(wg *sync.WaitGroup) {
	defer func() {
		wg.Wait()
	}()
}

// Background blocks only inside the goroutine it starts: its caller does
// not wait.
func Background(ch chan int) {
	go func() {
		<-ch
	}()
}

// Offer sends and selects with a default case: neither is reported.
func Offer(ch chan int) int {
	ch <- 1
	select {
	case v := <-ch:
		return v
	default:
		return 0
	}
}

// Waiter is an interface; calls through it are not assumed to block.
type Waiter interface{ Wait() }

// CallIface calls through an interface.
func CallIface(w Waiter) {
	w.Wait()
}

// Later returns a closure that blocks when called; building it does not.
func Later(ch chan int) func() int {
	return func() int { return <-ch }
}

// Settled receives from a channel its callers have always filled: one
// directive at the receive silences every call of Settled, in any package.
func Settled(ch chan int) int {
	//futurelint:ignore loopblock callers fill ch before they call Settled
	return <-ch
}

// HalfSettled ignores its receive but also sleeps: calls of it are
// reported, the sleep as the witness.
func HalfSettled(ch chan int) int {
	time.Sleep(time.Millisecond)
	return <-ch //futurelint:ignore loopblock callers fill ch first
}

// Visit calls f in place for each item, through a helper: f runs wherever
// the call of Visit runs (a fact from the syntax, as for blocking).
func Visit(items []int, f func(int)) {
	for _, it := range items {
		visit(it, f)
	}
}

func visit(it int, f func(int)) { f(it) }

// Fan calls f on goroutines of their own: not in place.
func Fan(items []int, f func(int)) {
	for _, it := range items {
		go f(it)
	}
}
