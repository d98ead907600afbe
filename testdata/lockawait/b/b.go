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
	lib.Fetch(c) // want `lib\.Fetch may suspend while mu is held: loop code locking it blocks the event loop`
	mu.Unlock()
}
