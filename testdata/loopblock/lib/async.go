package lib

// Go runs f on a goroutine of its own: what it is given runs off the loop.
func Go(f func()) { go f() }

// Now calls f in place, on its caller's goroutine.
func Now(f func()) { f() }

// SlowPuller implements an interface of its users' (Pull() int) by waiting.
type SlowPuller struct{ ch chan int }

func (s *SlowPuller) Pull() int { return <-s.ch }

// Either starts f on a goroutine or calls it in place: it does not always
// hand f off.
func Either(f func(), start bool) {
	if start {
		go f()
		return
	}
	f()
}

// Disk implements its users' Get(string) int by waiting.
type Disk struct{ ch chan int }

func (d *Disk) Get(string) int { return <-d.ch }
