// Package chain blocks its loop a few calls down, so its findings carry a
// witness chain: hops in this package, and one in the store package.
package chain

import (
	"futurelint.test/cmd/chain/store"
	"github.com/futurelint/futurelint/futures"
)

// Refresh blocks the loop two calls down, in this package.
func Refresh(c *futures.Ctx, e *futures.Executor) error {
	load(e)
	return nil
}

func load(e *futures.Executor) { settle(e) }

func settle(e *futures.Executor) {
	f := futures.Submit(e, work)
	f.Result()
}

// Persist blocks the loop in another package.
func Persist(c *futures.Ctx) error {
	store.Flush()
	return nil
}

func work() (int, error) { return 42, nil }
