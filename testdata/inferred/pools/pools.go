// Package pools holds look-alikes of loops that are not loops: nothing
// here is inferred, so nothing is reported.
package pools

import (
	"net/http"
	"os"
)

// Pool: several goroutines drain one channel.
type Pool struct{ jobs chan func() }

func NewPool(n int) *Pool {
	p := &Pool{jobs: make(chan func())}
	for i := 0; i < n; i++ {
		go p.worker()
	}
	return p
}

func (p *Pool) worker() {
	for f := range p.jobs {
		f()
	}
}

func (p *Pool) Do(f func()) {
	done := make(chan struct{})
	p.jobs <- func() { f(); close(done) }
	<-done
}

func (p *Pool) Nested() {
	p.Do(func() { p.Do(func() {}) })
}

// Two receive sites of one channel: two consumers.
type Pair struct{ jobs chan func() }

func NewPair() *Pair {
	p := &Pair{jobs: make(chan func())}
	go p.a()
	go p.b()
	return p
}

func (p *Pair) a() {
	for f := range p.jobs {
		f()
	}
}

func (p *Pair) b() {
	for {
		f := <-p.jobs
		f()
	}
}

func (p *Pair) Do(f func()) {
	done := make(chan struct{})
	p.jobs <- func() { f(); close(done) }
	<-done
	p.Do(func() { p.Do(func() {}) })
}

// Writer: a loop draining fire-and-forget work from a buffered channel;
// blocking is its job and nobody waits for it.
type Writer struct{ work chan func() }

func NewWriter() *Writer {
	w := &Writer{work: make(chan func(), 64)}
	go w.loop()
	return w
}

func (w *Writer) loop() {
	for f := range w.work {
		f()
	}
}

func (w *Writer) Post(f func()) { w.work <- f }

func (w *Writer) Log(line string) {
	w.Post(func() {
		os.WriteFile("log", []byte(line), 0o600)
		http.Get("http://example.com/" + line)
		w.Post(func() {}) // a buffered self-post
	})
}

// OneShot: a goroutine that receives once is no loop.
type OneShot struct{ first chan func() }

func NewOneShot() *OneShot {
	o := &OneShot{first: make(chan func())}
	go func() {
		f := <-o.first
		f()
	}()
	return o
}

func (o *OneShot) Do(f func()) {
	done := make(chan struct{})
	o.first <- func() { f(); close(done) }
	<-done
	o.Do(func() { o.Do(func() {}) })
}

// Data: a loop that receives values and runs none of them.
type Data struct{ lines chan string }

func NewData() *Data {
	d := &Data{lines: make(chan string)}
	go func() {
		for line := range d.lines {
			os.WriteFile("out", []byte(line), 0o600)
		}
	}()
	return d
}
