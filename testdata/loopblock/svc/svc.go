// Package svc is a library whose loop code calls methods of an interface
// its users implement: what they hand in (a parameter, a field, through a
// constructor or a setter) runs on its loop. It exports facts saying so.
package svc

import "github.com/futurelint/futurelint/futures"

// Store is implemented by the users of Serve and Server.
type Store interface {
	Get(key string) int
}

// Serve calls s.Get from a callback on l: whatever s is, its Get runs on
// the loop.
func Serve(l *futures.Loop, s Store) {
	l.CallSoon(func() {
		s.Get("k")
	})
}

// Prefetch calls s.Get only on a goroutine it starts: not loop code.
func Prefetch(s Store) {
	go func() { s.Get("k") }()
}

// Server keeps stores in fields.
type Server struct {
	Store  Store // called from handle, loop code
	Backup Store // called only from Flush, which no loop runs
	loop   *futures.Loop
	cache  Store // called from handle; set by NewServer and SetCache
}

// NewServer stores cache where handle calls it.
func NewServer(l *futures.Loop, cache Store) *Server {
	return &Server{loop: l, cache: cache}
}

// Options configure a Server.
type Options struct {
	Cache Store // copied where handle calls it
	Spare Store // copied where only Flush calls it
}

// NewWithOptions copies the options' stores into the server.
func NewWithOptions(l *futures.Loop, o Options) *Server {
	return &Server{loop: l, cache: o.Cache, Backup: o.Spare}
}

// SetCache stores c where handle calls it.
func (s *Server) SetCache(c Store) { s.cache = c }

// SetBackup stores b where only Flush calls it.
func (s *Server) SetBackup(b Store) { s.Backup = b }

// handle is loop code: it has the loop's marker.
func (s *Server) handle(c *futures.Ctx) int {
	return s.Store.Get("k") + s.cache.Get("k")
}

// Start runs handle as a coroutine on the server's loop.
func (s *Server) Start() *futures.Task[int] {
	return futures.Spawn(s.loop, func(c *futures.Ctx) (int, error) { return s.handle(c), nil })
}

// Flush runs off any loop.
func (s *Server) Flush() { s.Backup.Get("k") }
