// Package ask hands work to a loop for package sample: futurelint knows its
// Ask only from the facts this package exports (a wrapper that waits).
package ask

import "github.com/futurelint/futurelint/futures"

// Ask runs co on l and waits for its result.
func Ask(l *futures.Loop, co func(*futures.Ctx) (int, error)) (int, error) {
	return futures.RunThreadsafe(l, co).Result()
}
