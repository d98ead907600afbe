package ifaces // want package:"loop API"

// Loop code calls methods of interfaces on what its users hand in: the
// LoopMethodFacts tell importers which parameters and fields, so that
// they find the implementations they hand in.

import "github.com/futurelint/futurelint/futures"

type Store interface {
	Get(key string) int
	Put(key string, v int)
}

// Serve calls s.Get from a callback on l.
func Serve(l *futures.Loop, s Store) { // want Serve:`^loop calls: param 1 \.Get at ifaces\.go:\d+$`
	l.CallSoon(func() { s.Get("k") })
}

// Handle is loop code itself: it has the marker.
func Handle(c *futures.Ctx, s Store) { // want Handle:`^loop calls: param 1 \.Get at ifaces\.go:\d+; param 1 \.Put at ifaces\.go:\d+$`
	s.Put("k", s.Get("k"))
}

// Prefetch calls s.Get only on a goroutine: no fact.
func Prefetch(s Store) {
	go func() { s.Get("k") }()
}

// serve is not exported: importers cannot hand it anything.
func serve(c *futures.Ctx, s Store) { s.Get("k") }

type Server struct {
	Main  Store // want Main:`^loop calls: param 0 \.Get at ifaces\.go:\d+$`
	Spare Store // only Flush calls it, off the loop: no fact
	cache Store
}

// NewServer stores cache where loop code calls it.
func NewServer(cache Store) *Server { // want NewServer:`^loop calls: param 0 \.Get at ifaces\.go:\d+$`
	return &Server{cache: cache}
}

// SetSpare stores s where only Flush calls it: no fact.
func (s *Server) SetSpare(st Store) { s.Spare = st }

func (s *Server) handle(c *futures.Ctx) int { return s.Main.Get("k") + s.cache.Get("k") }

func (s *Server) Flush() { s.Spare.Put("k", 0) }

// Options are copied into a Server: their field copied into Main carries
// Main's calls.
type Options struct {
	Primary Store // want Primary:`^loop calls: param 0 \.Get at ifaces\.go:\d+$`
	Other   Store // copied nowhere
}

func FromOptions(o Options) *Server { return &Server{Main: o.Primary} }
