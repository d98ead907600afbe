package a

import (
	"sync"
	"time"

	"futurelint.test/loopblock/lib"

	"github.com/futurelint/futurelint/futures"
)

// A channel its maker closed before returning it holds at most what was
// buffered: ranging over it, or receiving from it, ends at once. Only a
// channel closed later (from a goroutine, a callback, on some paths only)
// is waited for.
func closedByMaker(c *futures.Ctx, once *sync.Once) {
	ok, errs := lib.Try(true) // quiet: closed in lib, summarised from syntax
	if !ok {
		return
	}
	for e := range errs {
		_ = e
	}
	_ = <-lib.TryOnce(once) // quiet: closed by a function sync.Once.Do runs before it returns
	for range closedNow() { // quiet: closed by a function lib.Now runs in place
	}
	for range deferClose() { // quiet: the deferred close runs before the caller reads
	}
	done, out := collect()
	_ = done
	<-out         // quiet: closed in a literal called in place
	lib.Drained() // quiet: its range is over a closed channel

	for range lib.ClosesLater() { // want `^a range over a channel blocks the event loop goroutine`
	}
	<-lib.Maybe(true)         // want `^a channel receive blocks the event loop goroutine`
	for range closesLater() { // want `^a range over a channel blocks the event loop goroutine`
	}
	<-afterTimer() // want `^a channel receive blocks the event loop goroutine`
	lib.Waited()   // want `^lib\.Waited blocks the event loop;`
	<-reassigned() // want `^a channel receive blocks the event loop goroutine`
}

func closedNow() chan int {
	out := make(chan int, 1)
	lib.Now(func() {
		out <- 1
		close(out)
	})
	return out
}

func deferClose() chan int {
	out := make(chan int, 1)
	defer close(out)
	out <- 1
	return out
}

func collect() (bool, chan int) {
	out := make(chan int, 1)
	func() {
		out <- 1
		close(out)
	}()
	return true, out
}

// closesLater closes from a goroutine it starts, after its work.
func closesLater() chan int {
	out := make(chan int, 1)
	go func() {
		time.Sleep(time.Second)
		close(out)
	}()
	return out
}

// afterTimer closes from a timer's callback: a second from now.
func afterTimer() chan int {
	out := make(chan int)
	time.AfterFunc(time.Second, func() { close(out) })
	return out
}

// reassigned closes one channel and returns another.
func reassigned() chan int {
	out := make(chan int)
	close(out)
	out = make(chan int)
	return out
}
