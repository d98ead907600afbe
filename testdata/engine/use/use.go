// Package use is loop code reached through other packages' wrappers, and
// the specification of IsCurrentLoop: the test asserts that the argument of
// every current(...) call denotes the loop the calling code runs on, and the
// argument of every other(...) call does not.
package use

import (
	"futurelint.test/engine/wrappers"

	"github.com/futurelint/futurelint/futures"
)

func current(*futures.Loop) {}
func other(*futures.Loop)   {}

func viaWrapper(l, m *futures.Loop) {
	wrappers.After(l, func() { // loop code through After's fact
		current(l)
		other(m)
	})
	wrappers.Later(l, func() { // through a wrapper of a wrapper
		current(l)
	})
	wrappers.Submit(m, func(c *futures.Ctx) (int, error) { // a generic wrapper's coroutine
		current(c.Loop())
		current(m)
		other(l)
		return 0, nil
	})
	wrappers.Offload(nil, func() (int, error) { // not loop code
		other(l)
		return 0, nil
	})
}

func coroutine(c *futures.Ctx, m *futures.Loop) {
	l := c.Loop()
	current(l)
	current(c.Loop())
	other(m)
	func() {
		current(l) // in place: same loop
	}()
	l.CallSoon(func() {
		current(l) // the captured variable it was scheduled on
		other(m)
	})
	wrappers.Soon(c, func() {
		current(l) // scheduled on the marker's loop
	})
	m.CallSoonThreadsafe(func() {
		current(m)
		other(l)
	})
	go func() {
		other(l) // a goroutine runs on no loop
	}()
}

type actor struct {
	loop, peer *futures.Loop
}

func (a *actor) start() {
	a.loop.CallSoon(a.receive)
}

func (a *actor) receive() {
	current(a.loop) // scheduled as a method value on a.loop
	other(a.peer)
}

// Scheduled on two different loops: no loop is certain.
func twice(l, m *futures.Loop) {
	l.CallSoon(tick)
	m.CallSoon(tick)
}

var global *futures.Loop

func tick() {
	other(global)
}

func onGlobal() {
	global.CallSoon(tock)
}

func tock() {
	current(global)
}

// A captured variable assigned again may hold another loop by the time the
// callback runs.
func reassigned(l, m *futures.Loop) {
	cur := l
	cur.CallSoon(func() {
		other(cur)
	})
	cur = m
}

// A struct captured by value whose fields are only read: its field is the
// loop the callback was scheduled on. Written through a field, it is not.
type embeds struct{ *futures.Loop }

func fieldRead(e embeds) {
	e.Loop.CallSoon(func() {
		current(e.Loop)
	})
}

func fieldWritten(e embeds, m *futures.Loop) {
	e.Loop.CallSoon(func() {
		other(e.Loop)
	})
	e.Loop = m
}

// A closure that writes the captured variable.
func writtenInClosure(l, m *futures.Loop) {
	cur := l
	cur.CallSoon(func() {
		other(cur)
		cur = m
	})
}

// Also called directly, from code on no loop: its loop is not certain.
func (a *actor) startDirect() {
	a.loop.CallSoon(a.flushDirect)
	a.flushDirect()
}

func (a *actor) flushDirect() {
	other(a.loop)
}

// Also run by a go statement.
func (a *actor) startGo() {
	a.loop.CallSoon(a.background)
	go a.background()
}

func (a *actor) background() {
	other(a.loop)
}
