package handleruse

import (
	"time"

	"futurelint.test/engine/netloop"
)

// server implements the handler by embedding the built-in one.
type server struct {
	netloop.BuiltinEventEngine
	other netloop.Conn
}

func (s *server) OnTraffic(c netloop.Conn) netloop.Action { // want OnTraffic:"blocks: calls time.Sleep at handleruse.go:16"
	time.Sleep(time.Millisecond) // loop: OnTraffic
	current(c)
	other(s.other)
	func() {
		time.Sleep(time.Millisecond) // loop: OnTraffic$1
	}()
	return 0
}

// OnTick is a method of the interface the row does not list.
func (s *server) OnTick() netloop.Action { // want OnTick:"blocks: calls time.Sleep at handleruse.go:27"
	time.Sleep(time.Millisecond)
	return 0
}

// helper is a method of the handler type outside the interface.
func (s *server) helper() { // want helper:"blocks: calls time.Sleep at handleruse.go:33"
	time.Sleep(time.Millisecond)
}

// value implements the interface itself, with value receivers.
type value struct{}

func (value) OnBoot() netloop.Action { return 0 }
func (value) OnTraffic(c netloop.Conn) netloop.Action { // want OnTraffic:"blocks: calls time.Sleep at handleruse.go:41"
	time.Sleep(time.Millisecond) // loop: OnTraffic
	return 0
}
func (value) OnTick() netloop.Action { return 0 }

// partial has an OnTraffic method but does not implement the interface.
type partial struct{}

func (partial) OnTraffic(c netloop.Conn) netloop.Action { // want OnTraffic:"blocks: calls time.Sleep at handleruse.go:50"
	time.Sleep(time.Millisecond)
	return 0
}

func current(netloop.Conn) {}
func other(netloop.Conn)   {}

func Serve() error {
	_ = value{}
	_ = partial{}
	return netloop.Run(&server{})
}
