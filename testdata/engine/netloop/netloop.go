// Package netloop is a miniature of a network event-loop library in gnet's
// shape: handlers implement an interface whose traffic methods run on an
// event loop, and connections are interfaces embedding io.Writer.
package netloop

import "io"

type Action int

type Conn interface {
	io.Writer
	AsyncWrite(b []byte, cb func(c Conn, err error) error) error
}

type EventHandler interface {
	OnBoot() Action
	OnTraffic(c Conn) Action
	OnTick() Action
}

// BuiltinEventEngine implements every method; handlers embed it.
type BuiltinEventEngine struct{}

func (BuiltinEventEngine) OnBoot() Action          { return 0 }
func (BuiltinEventEngine) OnTraffic(c Conn) Action { return 0 }
func (BuiltinEventEngine) OnTick() Action          { return 0 }

func Run(h EventHandler) error { return nil }
