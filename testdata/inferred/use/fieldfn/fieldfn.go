// Package fieldfn calls into loops that run a func field of what they
// receive, from the functions stored in that field.
package fieldfn

import (
	"time"

	"futurelint.test/inferred/fieldfn"
)

func serviceCalls(s *fieldfn.Service) {
	s.Do(func(map[string]int) {
		time.Sleep(time.Second) // want `^time\.Sleep blocks the goroutine of \(\*Service\)\.loop draining s\.reqs`
		_ = s.Count()           // want `^s\.Count deadlocks`
	})
	s.Do(func(map[string]int) {
		go s.Count() // quiet: a goroutine of its own
	})
	_ = s.Count() // quiet: off the loop
}
