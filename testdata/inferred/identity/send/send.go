// Package send holds a loop one per value whose code sends to queues: to
// its own unbuffered queue it never returns, to another Ring's it does.
package send

// Ring runs the functions sent to its unbuffered queue on its goroutine.
type Ring struct {
	calls chan func()
	left  *Ring
	all   map[string]*Ring
}

func NewRing() *Ring {
	r := &Ring{calls: make(chan func()), all: map[string]*Ring{}}
	go r.loop()
	return r
}

func (r *Ring) loop() {
	for fn := range r.calls {
		fn()
	}
}

// Do hands fn to the ring's goroutine.
func (r *Ring) Do(fn func()) { r.calls <- fn }

func (r *Ring) kick() {
	r.calls <- func() {
		r.calls <- func() {} // want `a send to r\.calls deadlocks \(\*Ring\)\.loop draining r\.calls`
	}
}

// holder keeps a Ring of its own.
type holder struct{ ring *Ring }

// Quiet: code on r hands work to other rings' queues, which their own
// goroutines take: a parameter, a field of r, an element of a map, and a
// Ring another struct holds.
func (r *Ring) pass(other *Ring, h *holder) {
	r.calls <- func() {
		other.calls <- func() {}
		r.left.calls <- func() {}
		r.all["x"].calls <- func() {}
		h.ring.calls <- func() {}
	}
}
