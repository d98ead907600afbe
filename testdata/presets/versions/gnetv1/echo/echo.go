// Package echo is a second package on gnet v1: the note is still one.
package echo

import "github.com/panjf2000/gnet"

type echo struct{ *gnet.EventServer }

func (e *echo) React(packet []byte, c gnet.Conn) ([]byte, gnet.Action) { return packet, gnet.None }

func Serve(addr string) error { return gnet.Serve(&echo{}, addr) }
