// Package lib has functions that may suspend their caller's coroutine: a
// fact carries that to other packages.
package lib

import "github.com/futurelint/futurelint/futures"

// Pause suspends the calling coroutine.
func Pause(c *futures.Ctx) error { return futures.Sleep(c, 0) }

// Fetch suspends through Pause.
func Fetch(c *futures.Ctx) (int, error) {
	if err := Pause(c); err != nil {
		return 0, err
	}
	return 1, nil
}

// Quick does not suspend.
func Quick(c *futures.Ctx) int { return 2 }
