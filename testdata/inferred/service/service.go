// Package service is a service goroutine whose select takes calls, other
// requests and shutdown; a call waits for the loop's acknowledgement on a
// channel only the loop sends on, or gives up at shutdown.
package service

import "time"

type op func(peers map[string]int)

type Server struct {
	ops     chan op
	opsDone chan struct{}
	add     chan string
	quit    chan struct{}
	peers   map[string]int
}

func Start() *Server {
	s := &Server{ops: make(chan op), opsDone: make(chan struct{}), add: make(chan string), quit: make(chan struct{})}
	go s.run()
	return s
}

func (s *Server) run() {
	peers := map[string]int{}
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
running:
	for {
		select {
		case <-s.quit:
			break running
		case name := <-s.add:
			peers[name]++
		case f := <-s.ops:
			f(peers)
			s.opsDone <- struct{}{}
		case <-ticker.C:
		}
	}
}

// Do runs f on the server goroutine and waits for it, unless the server
// stops first.
func (s *Server) Do(f op) {
	select {
	case s.ops <- f:
		<-s.opsDone
	case <-s.quit:
	}
}

// Count asks the server goroutine for the number of peers.
func (s *Server) Count() int {
	var n int
	s.Do(func(p map[string]int) { n = len(p) })
	return n
}

func (s *Server) Stop() { close(s.quit) }
