package main

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// peakProfile keeps the heap profile taken when the live heap was at its
// highest (as of the last garbage collection, sampled every few
// milliseconds): what holds the memory at the run's peak. stop writes it
// to name.
func peakProfile(name string) (stop func() error) {
	// One sample per 64 KiB allocated rather than 512 KiB: the parts of a
	// peak of a few tens of MB are then told apart.
	runtime.MemProfileRate = 64 << 10
	done := make(chan struct{})
	finished := make(chan struct{})
	var best bytes.Buffer
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			// A new profile only for 2% more: writing one allocates.
			if live := sample[0].Value.Uint64(); live > peak+peak/50 {
				peak = live
				best.Reset()
				_ = pprof.Lookup("heap").WriteTo(&best, 0)
			}
		}
	}()
	return func() error {
		close(done)
		<-finished
		return os.WriteFile(name, best.Bytes(), 0o666)
	}
}
