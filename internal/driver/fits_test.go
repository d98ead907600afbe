package driver

import "testing"

// TestFits checks how many packages are analysed at once: a package
// larger than the bound starts only alone, and smaller ones start while
// the source in flight stays within it, taken in order.
func TestFits(t *testing.T) {
	big, small := &node{size: inFlightSource + 1}, &node{size: inFlightSource / 4}
	for _, tc := range []struct {
		ready    []*node
		inFlight int
		want     int
	}{
		{[]*node{big, small}, 0, 0},                                   // alone: anything starts
		{[]*node{big, small}, inFlightSource / 2, 1},                  // the big one waits, the small one fits
		{[]*node{small}, inFlightSource - inFlightSource/8, -1},       // it would go past the bound
		{[]*node{big}, inFlightSource / 4, -1},                        // the big one waits for the rest to finish
		{[]*node{small, small}, inFlightSource - inFlightSource/4, 0}, // exactly at the bound
	} {
		if got := fits(tc.ready, tc.inFlight); got != tc.want {
			t.Errorf("fits(%d ready, %d in flight) = %d, want %d", len(tc.ready), tc.inFlight, got, tc.want)
		}
	}
}
