package a

import (
	"sync"

	"futurelint.test/loopblock/lib"
	"futurelint.test/loopblock/sched"

	"github.com/futurelint/futurelint/futures"
)

// Calls to functions that may block are reported at the call in loop code,
// with the chain down to the blocking operation.
func interproc(c *futures.Ctx, s *server, g *lib.Group, ch chan int, wg *sync.WaitGroup, st *sched.Store) {
	s.fetch()         // want `^s\.fetch blocks the event loop: it calls \(\*futures\.Future\)\.Result at interproc\.go:30; run it in an executor job`
	outer(s)          // want `^outer blocks the event loop: it calls middle at interproc\.go:34, which calls \(\*server\)\.fetch at interproc\.go:37, which calls \(\*futures\.Future\)\.Result at interproc\.go:30;`
	waitFor(s.f)      // want `^waitFor blocks the event loop: it calls \(\*futures\.Future\)\.Result at interproc\.go:41`
	lib.Pause()       // want `^lib\.Pause blocks the event loop: it calls time\.Sleep at lib\.go:13`
	lib.Drain(ch)     // want `^lib\.Drain blocks the event loop: it ranges over a channel at lib\.go:18`
	lib.First(ch)     // want `^lib\.First blocks the event loop: it receives from a channel at lib\.go:32`
	g.Wait()          // want `^g\.Wait blocks the event loop: it calls \(\*sync\.WaitGroup\)\.Wait at lib\.go:27`
	lib.Level1()      // want `^lib\.Level1 blocks the event loop: it calls level2 at lib\.go:37, which calls Level3 at lib\.go:41, which calls time\.Sleep at lib\.go:46`
	lib.Deferred(wg)  // want `^lib\.Deferred blocks the event loop: it calls \(\*sync\.WaitGroup\)\.Wait at lib\.go:52`
	st.Fetch()        // want `^st\.Fetch blocks the event loop: it calls \(\*futures\.Future\)\.Result at sched\.go:36`
	viaClosure(ch)    // want `^viaClosure blocks the event loop: it receives from a channel at interproc\.go:47`
	defer lib.Pause() // want `^lib\.Pause blocks the event loop`
}

func (s *server) fetch() int {
	v, _ := s.f.Result()
	return v
}

func outer(s *server) { middle(s) }

func middle(s *server) int {
	return s.fetch()
}

func waitFor[T any](f *futures.Future[T]) T {
	v, _ := f.Result()
	return v
}

func viaClosure(ch chan int) {
	func() {
		<-ch
	}()
}

// A range-over-func body runs within the function that has the loop.
func rangeFunc(ch chan int) {
	for range seq {
		<-ch
	}
}

func usesRangeFunc(c *futures.Ctx, ch chan int) {
	rangeFunc(ch) // want `^rangeFunc blocks the event loop: it receives from a channel at interproc\.go:54`
}
