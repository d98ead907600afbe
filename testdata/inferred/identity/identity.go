// Package identity holds loops that run one per value: each Bus and each
// Hub serves its own goroutine, so code on one waits for itself only when
// it waits on that very value, not on another of the same type.
package identity

// job is a function for a Bus to run, with the channel it closes once run.
type job struct {
	run  func()
	done chan struct{}
}

// Bus runs the functions sent to its unbuffered queue on its goroutine.
type Bus struct {
	jobs  chan job
	next  *Bus
	peers map[string]*Bus
}

func NewBus() *Bus {
	b := &Bus{jobs: make(chan job), peers: map[string]*Bus{}}
	go b.loop()
	return b
}

func (b *Bus) loop() {
	for j := range b.jobs {
		j.run()
		close(j.done)
	}
}

// Post hands fn to the bus's goroutine.
func (b *Bus) Post(fn func()) { b.jobs <- job{run: fn, done: make(chan struct{})} }

// Sync runs fn on the bus's goroutine and waits until it has.
func (b *Bus) Sync(fn func()) {
	done := make(chan struct{})
	b.jobs <- job{run: fn, done: done}
	<-done
}

func (b *Bus) find(name string) *Bus { return b.peers[name] }

// sameBus waits, from a function run on b, for b itself.
func sameBus(b *Bus) {
	b.Post(func() {
		b.Sync(func() {}) // want `^b\.Sync submits to the current loop, then waits for it: a deadlock`
	})
}

// aliasBus waits for b through a variable the posted function captures.
func aliasBus(b *Bus) {
	same := b
	b.Post(func() {
		same.Sync(func() {}) // want `^same\.Sync submits to the current loop, then waits for it: a deadlock`
	})
}

// holder keeps a Bus of its own.
type holder struct{ bus *Bus }

// Quiet: a function run on b waits for other buses, which are not busy
// running it: one it got as a parameter, one from a map, a field of b,
// one a lookup returns, and one a different struct holds.
func otherBus(b, other *Bus, h *holder) {
	b.Post(func() {
		other.Sync(func() {})
		b.peers["x"].Sync(func() {})
		b.next.Sync(func() {})
		b.find("y").Sync(func() {})
		h.bus.Sync(func() {})
	})
}

// req asks a Hub for a value and carries the channel of its reply.
type req struct {
	key   string
	reply chan int
}

// Hub answers requests on its goroutine; handle runs there, on the Hub
// the requests were sent to.
type Hub struct {
	reqs     chan req
	data     map[string]int
	upstream *Hub
	hubs     []*Hub
	clients  map[string]*holder
}

func NewHub() *Hub {
	h := &Hub{reqs: make(chan req), data: map[string]int{}}
	go h.serve()
	return h
}

func (h *Hub) serve() {
	for r := range h.reqs {
		h.handle(r)
	}
}

// Get asks the hub's goroutine for key and waits for its reply.
func (h *Hub) Get(key string) int {
	reply := make(chan int)
	h.reqs <- req{key: key, reply: reply}
	return <-reply
}

func (h *Hub) handle(r req) {
	switch r.key {
	case "self":
		r.reply <- h.Get("default") // want `^h\.Get waits for \(\*Hub\)\.serve draining h\.reqs, which runs this code: a deadlock`
	case "up":
		r.reply <- h.upstream.Get(r.key) // quiet: the hub above, another goroutine
	case "first":
		r.reply <- h.hubs[0].Get(r.key) // quiet: an element of a slice of hubs
	default:
		h.clients[r.key].bus.Sync(func() {}) // quiet: a Bus another struct holds
		r.reply <- h.data[r.key]
	}
}
