// Package dispatch holds dispatcher loops: a goroutine hands each value it
// receives to a handler method, and callers wait for the handler's reply.
package dispatch

import (
	"net/http"
	"time"
)

type request struct {
	key   string
	reply chan int
}

// Store serves requests on one goroutine; handle answers them.
type Store struct {
	reqs chan request
	quit chan struct{}
	data map[string]int
}

func NewStore() *Store {
	s := &Store{reqs: make(chan request), quit: make(chan struct{}), data: map[string]int{}}
	go s.run()
	return s
}

func (s *Store) run() {
	for {
		select {
		case r := <-s.reqs:
			s.handle(r)
		case <-s.quit:
			return
		}
	}
}

func (s *Store) handle(r request) {
	if r.key == "" {
		r.reply <- s.Get("default") // want `^s\.Get waits for \(\*Store\)\.run draining s\.reqs, which runs this code: a deadlock`
		return
	}
	r.reply <- s.data[r.key]
}

// Get asks the store's goroutine and waits for its reply.
func (s *Store) Get(key string) int {
	reply := make(chan int)
	s.reqs <- request{key: key, reply: reply}
	return <-reply
}

// Event is what a Bus hands its events to: Apply runs on the bus's goroutine.
type Event interface{ Apply(b *Bus) }

// Bus runs the events it receives.
type Bus struct{ events chan Event }

func NewBus() *Bus {
	b := &Bus{events: make(chan Event, 16)}
	go b.loop()
	return b
}

func (b *Bus) loop() {
	for ev := range b.events {
		ev.Apply(b)
	}
}

// Publish queues ev and returns.
func (b *Bus) Publish(ev Event) { b.events <- ev }

type barrier struct{ done chan struct{} }

func (e barrier) Apply(*Bus) { close(e.done) }

// Sync waits until the bus has applied every event published before.
func (b *Bus) Sync() {
	done := make(chan struct{})
	b.events <- barrier{done}
	<-done
}

type fetch struct{ url string }

func (e fetch) Apply(b *Bus) {
	b.Publish(fetch{}) // quiet: a buffered self-post
	b.Sync()           // want `^b\.Sync waits for \(\*Bus\)\.loop draining b\.events, which runs this code: a deadlock`
}

// Writer hands lines to a method that writes them; nobody waits for a
// reply: blocking is its job, but a send to its own unbuffered queue never
// returns.
type Writer struct{ lines chan string }

func NewWriter() *Writer {
	w := &Writer{lines: make(chan string)}
	go w.loop()
	return w
}

func (w *Writer) loop() {
	for line := range w.lines {
		w.write(line)
	}
}

func (w *Writer) write(line string) {
	http.Get("http://example.com/" + line)
	w.Write(line) // want `^w\.Write waits for \(\*Writer\)\.loop draining w\.lines, which runs this code: a deadlock`
}

func (w *Writer) Write(line string) { w.lines <- line }

// Pool: several workers hand requests to handle.
type Pool struct{ reqs chan request }

func NewPool(n int) *Pool {
	p := &Pool{reqs: make(chan request)}
	for i := 0; i < n; i++ {
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	for r := range p.reqs {
		p.handle(r)
	}
}

func (p *Pool) handle(r request) {
	r.reply <- p.Get(r.key)
}

func (p *Pool) Get(key string) int {
	reply := make(chan int)
	p.reqs <- request{key: key, reply: reply}
	return <-reply
}

// Shared: its handler is also called off the loop, so it is not loop code.
type Shared struct{ reqs chan request }

func NewShared() *Shared {
	s := &Shared{reqs: make(chan request)}
	go s.run()
	return s
}

func (s *Shared) run() {
	for r := range s.reqs {
		s.serve(r)
	}
}

func (s *Shared) serve(r request) {
	time.Sleep(time.Millisecond)
	r.reply <- 1
}

func (s *Shared) Get(key string) int {
	reply := make(chan int)
	s.reqs <- request{key: key, reply: reply}
	return <-reply
}

// Direct answers without the loop.
func (s *Shared) Direct(key string) int {
	r := request{key: key, reply: make(chan int, 1)}
	s.serve(r)
	return <-r.reply
}

// Spawner starts a goroutine per request: its handler runs off the loop.
type Spawner struct{ reqs chan request }

func NewSpawner() *Spawner {
	s := &Spawner{reqs: make(chan request)}
	go s.run()
	return s
}

func (s *Spawner) run() {
	for r := range s.reqs {
		go s.serve(r)
	}
}

func (s *Spawner) serve(r request) {
	time.Sleep(time.Millisecond)
	r.reply <- s.Get(r.key)
}

func (s *Spawner) Get(key string) int {
	reply := make(chan int)
	s.reqs <- request{key: key, reply: reply}
	return <-reply
}
