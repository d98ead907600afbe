// Package offloop pushes messages to gnet connections from goroutines that
// are not the connection's event loop.
package offloop

import (
	"sync"
	"time"

	"github.com/panjf2000/gnet/v2"
)

type hub struct {
	gnet.BuiltinEventEngine

	mu    sync.Mutex
	conns map[gnet.Conn]struct{}
}

func (h *hub) OnOpen(c gnet.Conn) ([]byte, gnet.Action) {
	h.mu.Lock()
	h.conns[c] = struct{}{}
	h.mu.Unlock()
	c.SetContext(time.Now()) // on the loop: fine
	return nil, gnet.None
}

// broadcast runs on its own goroutine.
func (h *hub) broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.conns {
		_, _ = c.Write(msg) // want "runs off the event loop: it races with the loop's use of the connection"
		_ = c.Flush()       // want "runs off the event loop: it races with the loop's use of the connection"
		// The thread-safe spellings.
		_ = c.AsyncWrite(msg, nil)
		_ = c.Wake(nil)
	}
}

func (h *hub) OnTraffic(c gnet.Conn) gnet.Action {
	buf, _ := c.Next(-1)
	msg := append([]byte(nil), buf...)
	go h.broadcast(msg)
	go func() {
		c.SetContext(nil) // want "runs off the event loop: it races with the loop's use of the connection"
	}()
	return gnet.None
}

func Serve() error {
	return gnet.Run(&hub{conns: map[gnet.Conn]struct{}{}}, "tcp://:9001")
}
