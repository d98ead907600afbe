package a

import (
	"time"

	"github.com/futurelint/futurelint/futures"
)

// A lookup service the loop code reaches through an interface whose only
// implementation waits on a future: the call blocks the loop.
type lookup interface {
	Find(key string) (int, error)
}

type remoteLookup struct{ pending *futures.Future[int] }

func (r *remoteLookup) Find(key string) (int, error) { return r.pending.Result() }

func newLookup(f *futures.Future[int]) lookup { return &remoteLookup{f} }

func findOnLoop(c *futures.Ctx, s lookup) {
	s.Find("k") // want `s\.Find blocks the event loop`
}

// An interface with two implementations of which only one blocks: which
// one runs is not known, so the call is left alone.
type shelf interface {
	Take(key string) int
}

type slowShelf struct{ ch chan int }

func (s slowShelf) Take(string) int { return <-s.ch }

type memShelf map[string]int

func (m memShelf) Take(k string) int { return m[k] }

func shelves() []shelf { return []shelf{slowShelf{}, memShelf{}} }

func takeOnLoop(c *futures.Ctx, s shelf) {
	s.Take("k") // quiet: one implementation of two blocks
}

// Every implementation blocks, each its own way: the call blocks.
type pacer interface {
	Pace()
}

type sleepPacer struct{}

func (sleepPacer) Pace() { time.Sleep(time.Millisecond) }

type tickPacer struct{ tick chan struct{} }

func (t *tickPacer) Pace() { <-t.tick }

func pacers() []pacer { return []pacer{sleepPacer{}, &tickPacer{}} }

func paceOnLoop(c *futures.Ctx, p pacer) {
	p.Pace() // want `p\.Pace blocks the event loop`
}

// An interface with no implementation in sight: left alone.
type source interface {
	Next() int
}

func nextOnLoop(c *futures.Ctx, s source) {
	s.Next() // quiet: no implementation visible
}

// A scheduler interface whose only implementation queues its argument on
// the loop: what it is given is loop code.
type later interface {
	Later(fn func())
}

type loopLater struct{ l *futures.Loop }

func (s loopLater) Later(fn func()) { s.l.CallSoon(fn) }

func newLater(l *futures.Loop) later { return loopLater{l} }

func queueThroughInterface(c *futures.Ctx, s later) {
	s.Later(func() {
		time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop`
	})
}

// The only implementation is a type of another package, which its may-block
// fact describes: the call blocks all the same.
type puller interface {
	Pull() int
}

func pullOnLoop(c *futures.Ctx, p puller) {
	p.Pull() // want `p\.Pull blocks the event loop`
}
