// Package gnetv1 is a server on gnet v1 (github.com/panjf2000/gnet),
// whose API the gnet preset (gnet/v2) does not describe: futurelint notes
// the path once per run and finds nothing here.
package gnetv1

import (
	"time"

	"github.com/panjf2000/gnet"
)

type server struct{ *gnet.EventServer }

// React runs on gnet v1's event loop; without a preset for v1 this sleep
// goes unreported.
func (s *server) React(packet []byte, c gnet.Conn) ([]byte, gnet.Action) {
	time.Sleep(time.Millisecond)
	return packet, gnet.None
}

func Serve(addr string) error { return gnet.Serve(&server{}, addr) }
