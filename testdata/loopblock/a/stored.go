package a

import (
	"errors"
	"fmt"
	"time"

	"futurelint.test/loopblock/lib"
	"futurelint.test/loopblock/sched"

	"github.com/futurelint/futurelint/futures"
)

// Function values that loop code runs later or in place: through a
// parameter a helper calls, a field, a map or a slice element, and
// wrappers that hand their parameter on inside a closure.

type dispatcher struct {
	loop     *futures.Loop
	onReady  func()
	handlers map[string]func()
	steps    []func()
	spare    map[string]func() // nothing on the loop calls these
	later    func()            // called only from a goroutine
	jobs     []func()          // drained by the loop and by a worker: no certain place
}

func (d *dispatcher) run(c *futures.Ctx, key string) {
	d.onReady()
	if h := d.handlers[key]; h != nil {
		h()
	}
	for _, s := range d.steps {
		s()
	}
	go d.later()
	go func() { d.later() }()
	for _, j := range d.jobs {
		j()
	}
}

func (d *dispatcher) worker() {
	for _, j := range d.jobs {
		j()
	}
}

func (d *dispatcher) setReady(f func()) { d.onReady = f }

func wire(d *dispatcher, f *futures.Future[int]) {
	d.setReady(func() {
		f.Result() // want `Result blocks the event loop goroutine`
	})
	d.handlers = map[string]func(){
		"a": func() {
			f.Result() // want `Result blocks the event loop goroutine`
		},
	}
	d.handlers["b"] = blockingHandler
	// Through a helper: reported only where the helper certainly waits.
	d.handlers["open"] = func() {
		open("https://example.com") // quiet: open waits only for a file
	}
	d.handlers["pull"] = func() {
		pull() // want `pull blocks the event loop; run it with`
	}
	d.handlers["fetch"] = func() {
		fetch(nil) // quiet: a nil future is no failure, and fetch does not wait for it
	}
	d.handlers["check"] = func() {
		failsFirst(true) // want `failsFirst blocks the event loop; run it with`
	}
	d.handlers["retry"] = func() {
		retried(nil) // want `retried blocks the event loop; run it with`
	}
	d.handlers["maybe"] = func() {
		maybe(true) // quiet: maybe returns without failing before it waits
	}
	d.handlers["twice"] = func() {
		twice(true) // quiet: its if returns nil on one way
	}
	d.handlers["until"] = func() {
		until(nil) // quiet: the loop may break out before the wait
	}
	d.steps = append(d.steps, func() {
		time.Sleep(time.Millisecond) // want `time.Sleep blocks the event loop goroutine`
	})
	d.spare = map[string]func(){"c": func() { f.Result() }}
	d.later = func() { f.Result() }
	d.jobs = append(d.jobs, func() { f.Result() })
	go d.worker()
}

// open waits for the viewer only for a file: a link starts it and returns.
func open(path string) {
	if len(path) > 4 && path[:4] == "http" {
		return
	}
	time.Sleep(time.Millisecond)
}

// pull waits on every path.
func pull() {
	time.Sleep(time.Millisecond)
}

// fetch waits for a future, but not for none: the nil return is another
// path, not a failure (errpath.go).
func fetch(c *futures.Future[int]) error {
	if c == nil {
		return nil
	}
	_, err := c.Result()
	return err
}

// failsFirst waits unless a check fails first: an if that returns a new
// error is a failure's way out, as a nil guard is.
func failsFirst(ok bool) error {
	if !ok {
		return fmt.Errorf("not allowed")
	}
	if ok == false {
		return errors.New("not allowed")
	}
	time.Sleep(time.Millisecond)
	return nil
}

// retried waits in the first round of a loop that only failures leave
// before it.
func retried(c *futures.Future[int]) error {
	for {
		if c == nil {
			return errors.New("no future")
		}
		if _, err := c.Result(); err == nil {
			return nil
		}
	}
}

// maybe waits only when asked: its early return is no failure.
func maybe(wait bool) error {
	if !wait {
		return nil
	}
	time.Sleep(time.Millisecond)
	return nil
}

// twice has an if that returns a new error on one way and nil on another.
func twice(wait bool) error {
	if !wait {
		if time.Now().IsZero() {
			return nil
		}
		return fmt.Errorf("not waiting")
	}
	time.Sleep(time.Millisecond)
	return nil
}

// until may leave its loop by a break before the wait.
func until(c *futures.Future[int]) {
	for {
		if c == nil {
			break
		}
		c.Result()
	}
}

func blockingHandler() {
	time.Sleep(time.Millisecond) // want `time.Sleep blocks the event loop goroutine`
}

// forEach calls f in place: f's waits are its caller's.
func forEach(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func runsInPlace(l *futures.Loop, f *futures.Future[int], xs []int) {
	l.CallSoon(func() {
		forEach(xs, func(int) {
			f.Result() // want `Result blocks the event loop goroutine`
		})
		sched.Each(xs, func(int) { // a helper of another package, known by its fact
			f.Result() // want `Result blocks the event loop goroutine`
		})
		sched.Spread(xs, func(int) { f.Result() }) // on goroutines of its own
		lib.Visit(xs, func(int) {                  // a helper of a package with no loop runtime
			f.Result() // want `Result blocks the event loop goroutine`
		})
		lib.Fan(xs, func(int) { f.Result() })
	})
	// Not from loop code: the same helpers, quiet.
	forEach(xs, func(int) { f.Result() })
	sched.Each(xs, func(int) { f.Result() })
}

// callLater wraps CallLater with a closure that calls f: f is loop code.
func callLater(l *futures.Loop, d time.Duration, f func()) {
	l.CallLater(d, func() {
		f()
		delays++
	})
}

var delays int

func wrappedInClosure(l *futures.Loop, f *futures.Future[int], k *sched.Keys, acts *sched.Actions) {
	callLater(l, time.Second, func() {
		f.Result() // want `Result blocks the event loop goroutine`
	})
	sched.Delay(l, time.Second, func() { // the same wrapper in another package
		f.Result() // want `Result blocks the event loop goroutine`
	})
	callLater(l, time.Second, func() {
		open("https://example.com") // quiet: through a closure wrapper, only a certain wait
		pull()                      // want `pull blocks the event loop; run it with`
	})
	k.Handlers["x"] = func() { // a field that loop code of sched calls
		f.Result() // want `Result blocks the event loop goroutine`
	}
	k.Spare["y"] = func() { f.Result() }
	k.Bind("z", func() { // a setter that stores its parameter there
		f.Result() // want `Result blocks the event loop goroutine`
	})
	acts.Add("q", sched.NewAction("quit", func() { // a setter through a setter, by value in a map
		f.Result() // want `Result blocks the event loop goroutine`
	}))
}

// pane's reload is a key handler known only through Bind: a wait it makes
// on some paths only is not reported inside it. Plain loop code that calls
// it directly is told at the call.
type pane struct {
	live bool
	rows chan int
}

func (p *pane) load() {
	if p.live {
		<-p.rows
	}
}

func (p *pane) reload() { p.load() }

func keysThenReload(c *futures.Ctx, k *sched.Keys, p *pane) {
	k.Bind("r", p.reload)
	p.reload() // want `^p\.reload blocks the event loop;`
}
