package a

import "github.com/futurelint/futurelint/futures"

// asker is the loop's API behind an interface of the program's own; its
// only implementation submits thread-safely (and, in Ask, waits).
type asker interface {
	Ask(l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error)
	Post(l *futures.Loop, fn func())
}

type loopAsker struct{}

func (loopAsker) Ask(l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) {
	return futures.RunThreadsafe(l, co).Result()
}

func (loopAsker) Post(l *futures.Loop, fn func()) { l.CallSoonThreadsafe(fn) }

func newAsker() asker { return loopAsker{} }

func throughInterface(c *futures.Ctx, a asker) {
	a.Ask(c.Loop(), count) // want `a\.Ask submits to the current loop, then waits for it: a deadlock`
	a.Post(c.Loop(), tick) // want `a\.Post submits to the current loop: a needless thread-safe hop`
}

// poster has two implementations, of which one submits thread-safely:
// which one runs is not known.
type poster interface {
	Put(l *futures.Loop, fn func())
}

type safePoster struct{}

func (safePoster) Put(l *futures.Loop, fn func()) { l.CallSoonThreadsafe(fn) }

type directPoster struct{}

func (directPoster) Put(l *futures.Loop, fn func()) { fn() }

func posters() []poster { return []poster{safePoster{}, directPoster{}} }

func throughTwo(c *futures.Ctx, p poster) {
	p.Put(c.Loop(), tick) // quiet: one implementation of two submits
}
