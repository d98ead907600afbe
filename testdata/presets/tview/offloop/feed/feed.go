// Package feed polls a source and hands each new item to OnItem, from the
// goroutine Start starts.
package feed

import "time"

type Feed struct {
	OnItem func(item string)
	Poll   func() []string
}

func (f *Feed) Start(every time.Duration) {
	go f.run(every)
}

func (f *Feed) run(every time.Duration) {
	for range time.Tick(every) {
		for _, it := range f.Poll() {
			f.OnItem(it)
		}
	}
}
