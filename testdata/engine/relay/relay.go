package relay // want package:"loop API"

// Package relay imports no loop runtime, only a package with loop wrappers
// (its LoopAPIFact), so it is analysed in full and its own wrapper is found.

import "futurelint.test/engine/wrappers"

func Go(b *wrappers.Bus, fn func()) { // want Go:`^schedules: param 1 callback on loop -1$`
	b.Post(fn)
}
