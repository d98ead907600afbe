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
	s.fetch()         // want `s\.fetch blocks the event loop; run it with futures\.Await\(c, futures\.RunInExecutor\(c\.Loop\(\), e, job\)\)`
	outer(s)          // want `outer blocks the event loop; run it with futures\.Await\(c, futures\.RunInExecutor\(c\.Loop\(\), e, job\)\)`
	waitFor(s.f)      // want `waitFor blocks the event loop`
	lib.Pause()       // want `lib\.Pause blocks the event loop`
	lib.Drain(ch)     // want `lib\.Drain blocks the event loop`
	lib.First(ch)     // want `lib\.First blocks the event loop`
	g.Wait()          // want `g\.Wait blocks the event loop`
	lib.Level1()      // want `lib\.Level1 blocks the event loop`
	lib.Deferred(wg)  // want `lib\.Deferred blocks the event loop`
	st.Fetch()        // want `st\.Fetch blocks the event loop`
	viaClosure(ch)    // want `viaClosure blocks the event loop`
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
	rangeFunc(ch) // want `rangeFunc blocks the event loop`
}
