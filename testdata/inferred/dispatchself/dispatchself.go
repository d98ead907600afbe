// Package dispatchself holds dispatchers nobody waits on: callers hand
// them values and return. A handler that sends to its own loop's
// unbuffered queue waits for the loop, which is busy running it.
package dispatchself

import (
	"net/http"
	"time"
)

type event struct{ name string }

// Hub hands each event to handle; Emit returns once the loop takes it.
type Hub struct {
	events chan event
	quit   chan struct{}
}

func NewHub() *Hub {
	h := &Hub{events: make(chan event), quit: make(chan struct{})}
	go h.run()
	return h
}

func (h *Hub) run() {
	for {
		select {
		case ev := <-h.events:
			h.handle(ev)
		case <-h.quit:
			return
		}
	}
}

func (h *Hub) handle(ev event) {
	http.Get("http://example.com/" + ev.name) // quiet: nobody waits on the hub, blocking is its job
	if ev.name == "retry" {
		h.Emit(event{name: "again"}) // want `^h\.Emit waits for \(\*Hub\)\.run draining h\.events, which runs this code: a deadlock`
	}
	go h.Emit(event{name: "later"})          // quiet: from a goroutine of its own
	go func() { h.Emit(event{name: "x"}) }() // quiet: likewise
}

// Emit hands ev to the hub's goroutine.
func (h *Hub) Emit(ev event) { h.events <- ev }

// Queue drains a buffered channel: a self-post lands in the buffer.
type Queue struct{ items chan event }

func NewQueue() *Queue {
	q := &Queue{items: make(chan event, 64)}
	go q.loop()
	return q
}

func (q *Queue) loop() {
	for ev := range q.items {
		q.process(ev)
	}
}

func (q *Queue) process(ev event) {
	q.Push(ev) // quiet: a buffered self-post
}

func (q *Queue) Push(ev event) { q.items <- ev }

// Workers are several consumers of one channel: a pool, not a loop.
type Workers struct{ tasks chan event }

func NewWorkers(n int) *Workers {
	w := &Workers{tasks: make(chan event)}
	for i := 0; i < n; i++ {
		go w.work()
	}
	return w
}

func (w *Workers) work() {
	for ev := range w.tasks {
		w.do(ev)
	}
}

func (w *Workers) do(ev event) {
	w.Add(ev) // quiet: another worker may take it
}

func (w *Workers) Add(ev event) { w.tasks <- ev }

// Handler is what a Router hands its messages to.
type Handler interface{ Serve(r *Router) }

// Router runs each message's Serve on its goroutine.
type Router struct{ msgs chan Handler }

func NewRouter() *Router {
	r := &Router{msgs: make(chan Handler)}
	go r.loop()
	return r
}

func (r *Router) loop() {
	for m := range r.msgs {
		m.Serve(r)
	}
}

// Route hands m to the router's goroutine.
func (r *Router) Route(m Handler) { r.msgs <- m }

type ping struct{}

func (ping) Serve(r *Router) {
	r.Route(pong{}) // want `^r\.Route waits for \(\*Router\)\.loop draining r\.msgs, which runs this code: a deadlock`
}

type pong struct{}

func (pong) Serve(r *Router) {
	time.Sleep(time.Millisecond) // quiet: nobody waits on the router
}

// Echo's handler sends straight back to its own queue: the loop, which
// called it, never takes the value.
type Echo struct{ in chan string }

func NewEcho() *Echo {
	e := &Echo{in: make(chan string)}
	go e.loop()
	return e
}

func (e *Echo) loop() {
	for s := range e.in {
		e.echo(s) // want `^e\.echo waits for \(\*Echo\)\.loop draining e\.in, which runs this code: a deadlock`
	}
}

func (e *Echo) echo(s string) {
	e.in <- s + "!"
}
