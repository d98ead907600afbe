// Package teamloop is a team's own event loop, as docs/config.md describes
// it: one goroutine runs posted functions in order, and every function it
// runs receives a *Ctx. futurelint knows nothing of it until
// ../.futurelint.json describes it.
package teamloop

import "sync"

// Loop runs posted functions one at a time on the goroutine that calls Run.
type Loop struct {
	queue chan func(*Ctx)
	stop  chan struct{}
}

// Ctx is handed to every function the loop runs: holding one means
// running on the loop.
type Ctx struct{ loop *Loop }

// New returns a loop; Run starts it.
func New() *Loop { return &Loop{queue: make(chan func(*Ctx), 1024), stop: make(chan struct{})} }

// Run runs the loop on the calling goroutine until Stop.
func (l *Loop) Run() {
	c := &Ctx{loop: l}
	for {
		select {
		case fn := <-l.queue:
			fn(c)
		case <-l.stop:
			return
		}
	}
}

// Stop makes Run return once the function it is running returns.
func (l *Loop) Stop() { close(l.stop) }

// Post queues fn to run on the loop. Safe from any goroutine.
func (l *Loop) Post(fn func(*Ctx)) { l.queue <- fn }

// Call runs fn on the loop and returns a Result that holds its value once
// it has run. Safe from any goroutine.
func (l *Loop) Call(fn func(*Ctx) int) *Result {
	r := newResult()
	l.Post(func(c *Ctx) { r.set(fn(c)) })
	return r
}

// Later queues fn behind the work already queued. Loop code only.
func (c *Ctx) Later(fn func(*Ctx)) { c.loop.queue <- fn }

// Loop returns the loop c belongs to.
func (c *Ctx) Loop() *Loop { return c.loop }

// Result is a value computed on another goroutine.
type Result struct {
	mu    sync.Mutex
	done  chan struct{}
	value int
	cbs   []func(int)
}

func newResult() *Result { return &Result{done: make(chan struct{})} }

func (r *Result) set(v int) {
	r.mu.Lock()
	r.value = v
	cbs := r.cbs
	r.cbs = nil
	close(r.done)
	r.mu.Unlock()
	for _, cb := range cbs {
		cb(v)
	}
}

// Go runs fn on a new goroutine and returns its Result.
func Go(fn func() int) *Result {
	r := newResult()
	go func() { r.set(fn()) }()
	return r
}

// Wait blocks until the value is ready and returns it.
func (r *Result) Wait() int {
	<-r.done
	return r.value
}

// OnReady calls cb with the value once it is ready, on the goroutine that
// computed it (or at once, if it is ready already).
func (r *Result) OnReady(cb func(int)) {
	r.mu.Lock()
	select {
	case <-r.done:
		r.mu.Unlock()
		cb(r.value)
		return
	default:
	}
	r.cbs = append(r.cbs, cb)
	r.mu.Unlock()
}

// Adopt calls cb on loop l once r is ready: the loop-side way to use a
// Result.
func Adopt(l *Loop, r *Result, cb func(*Ctx, int)) {
	r.OnReady(func(v int) { l.Post(func(c *Ctx) { cb(c, v) }) })
}
