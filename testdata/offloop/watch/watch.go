// Package watch is a library that references no loop runtime: its
// Watcher calls OnChange from a goroutine of its own, and OnStart in
// place, on the goroutine that calls Start.
package watch

import "time"

type Watcher struct {
	OnChange func(string)
	OnStart  func()
	events   chan string
}

func (w *Watcher) Start() {
	if w.OnStart != nil {
		w.OnStart()
	}
	go w.watch()
}

func (w *Watcher) watch() {
	for ev := range w.events {
		if w.OnChange != nil {
			w.OnChange(ev)
		}
	}
}

// Ticker calls OnTick from a goroutine literal.
type Ticker struct {
	OnTick func()
}

func (t *Ticker) Start(d time.Duration) {
	go func() {
		for range time.Tick(d) {
			t.OnTick()
		}
	}()
}
