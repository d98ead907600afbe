// Package b calls another package's functions under a lock.
package b

import (
	"sync"

	"futurelint.test/lockawait/lib"

	"github.com/futurelint/futurelint/futures"
)

var mu sync.Mutex

func acrossPackages(c *futures.Ctx) {
	mu.Lock()
	lib.Quick(c) // does not suspend
	lib.Fetch(c) // want `lib\.Fetch may suspend the coroutine \(it calls Pause at lib\.go:\d+, which calls futures\.Sleep at lib\.go:\d+\) while mu is held \(locked at b\.go:15\)`
	mu.Unlock()
}
