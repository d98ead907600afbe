// Package evloop is a library that declares its roles in its own source
// with //futurelint: directives; its users need no configuration.
package evloop

import "sync"

// Loop runs posted functions one at a time on the goroutine that calls Run.
//
//futurelint:loop
type Loop struct {
	queue chan func(*Ctx)
}

// Ctx is handed to every function the loop runs.
//
//futurelint:loopcode
type Ctx struct{ loop *Loop }

// New returns a loop.
func New() *Loop { return &Loop{queue: make(chan func(*Ctx), 64)} }

// Run runs the loop on the calling goroutine, forever.
//
//futurelint:blocks runs
func (l *Loop) Run() {
	c := &Ctx{loop: l}
	for fn := range l.queue {
		fn(c)
	}
}

// Submit runs fn on the loop and returns its Future. Safe from any goroutine.
//
//futurelint:callback fn loop=l threadsafe
func (l *Loop) Submit(fn func(*Ctx) int) *Future {
	f := &Future{done: make(chan struct{})}
	l.queue <- func(c *Ctx) { f.set(fn(c)) }
	return f
}

// Later queues fn on the loop of c. Loop code only.
//
//futurelint:callback fn loop=c
//futurelint:loop-only
func (c *Ctx) Later(fn func(*Ctx)) { c.loop.queue <- fn }

// Loop returns the loop c belongs to.
//
//futurelint:current-loop
func (c *Ctx) Loop() *Loop { return c.loop }

// Future is a value computed elsewhere.
//
//futurelint:future
type Future struct {
	mu    sync.Mutex
	done  chan struct{}
	value int
}

func (f *Future) set(v int) {
	f.mu.Lock()
	f.value = v
	f.mu.Unlock()
	close(f.done)
}

// Get blocks until the value is ready.
//
//futurelint:blocks deadlock waits=f
func (f *Future) Get() int {
	<-f.done
	return f.value
}

// Then calls cb with the value on the goroutine that sets it.
//
//futurelint:goroutine cb settled
func (f *Future) Then(cb func(int)) {
	go func() { cb(f.Get()) }()
}

// Async computes fn on a new goroutine.
//
//futurelint:goroutine fn
func Async(fn func() int) *Future {
	f := &Future{done: make(chan struct{})}
	go func() { f.set(fn()) }()
	return f
}

// Deliver calls cb on loop l with f's value once it is ready.
//
//futurelint:wraps f loop=l
//futurelint:callback cb loop=l settled
func Deliver(l *Loop, f *Future, cb func(*Ctx, int)) {
	go func() {
		v := f.Get()
		l.queue <- func(c *Ctx) { cb(c, v) }
	}()
}

// Getter is what a cache of values offers.
type Getter interface {
	// Fetch blocks until the value for key arrives from the network.
	//
	//futurelint:blocks io
	Fetch(key string) int
}
