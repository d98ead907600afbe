// Package block holds dispatchers nobody waits on: blocking in their
// handlers is their job, but a helper sending to the loop's own unbuffered
// queue deadlocks it.
package block

import (
	"net/http"
	"os"
	"time"
)

// Logger writes the lines it is handed; its handler never sends to it.
type Logger struct{ lines chan string }

func NewLogger() *Logger {
	l := &Logger{lines: make(chan string)}
	go l.loop()
	return l
}

func (l *Logger) loop() {
	for line := range l.lines {
		l.write(line)
	}
}

func (l *Logger) write(line string) {
	os.WriteFile("log", []byte(line), 0o600) // quiet: blocking is its job
	time.Sleep(time.Millisecond)             // quiet: likewise
}

func (l *Logger) Log(line string) { l.lines <- line }

// Relay hands each message to relay, which forwards some back through send.
type Relay struct{ msgs chan string }

func NewRelay() *Relay {
	r := &Relay{msgs: make(chan string)}
	go r.loop()
	return r
}

func (r *Relay) loop() {
	for m := range r.msgs {
		r.relay(m)
	}
}

func (r *Relay) relay(m string) {
	http.Get("http://example.com/" + m) // quiet: nobody waits on the relay
	if m == "again" {
		r.forward(m) // want `^r\.forward deadlocks \(\*Relay\)\.loop draining r\.msgs: it waits for`
	}
}

// forward is no handler of the loop, but the handler calls it there.
func (r *Relay) forward(m string) { r.Send(m) }

// Send hands m to the relay's goroutine.
func (r *Relay) Send(m string) { r.msgs <- m }
