// Package both is run through loopblock and unwrapped together: each
// finding is reported once, by the rule the comment at the end of its line
// names, and no line is reported by both.
package both

import "github.com/futurelint/futurelint/futures"

type actor struct {
	exec  *futures.Executor
	count int
}

func load() (int, error) { return 1, nil }

func (s *actor) coroutine(c *futures.Ctx, f *futures.Future[int]) (int, error) {
	futures.Submit(s.exec, load).Result() // reported by loopblock
	f.OnDone(func(n int, err error) {     // reported by unwrapped
		s.count = n
		f.Result() // on the worker goroutine: neither rule
	})
	<-f.Done()                                            // reported by loopblock
	v, err := futures.Await(c, futures.Wrap(c.Loop(), f)) // neither: awaited on the loop
	_, _ = v, err
	f.Result() // neither: f is settled once its wrap is awaited
	return f.Result()
}

func (s *actor) nested(c *futures.Ctx) (*futures.Future[int], error) { // reported by unwrapped
	f := futures.Submit(s.exec, load)
	f.Result() // reported by loopblock
	return f, nil
}

func callback(l *futures.Loop, s *actor, f *futures.Future[int]) {
	futures.Spawn(l, s.nested) // neither: nested is reported at its declaration
	l.CallSoon(func() {
		f.Result()                        // reported by loopblock
		f.OnDone(func(n int, err error) { // reported by unwrapped
			l.CallSoon(func() { s.count = n })
		})
	})
}

func settledFirst(s *actor, f *futures.Future[int]) func(*futures.Ctx) (int, error) {
	return func(c *futures.Ctx) (int, error) {
		<-f.Done()                                       // reported by loopblock
		f.OnDone(func(n int, err error) { s.count = n }) // neither: f is settled, the callback runs here
		return futures.Await(c, futures.RunInExecutor(c.Loop(), s.exec, load))
	}
}
