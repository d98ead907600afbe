package a

import "github.com/futurelint/futurelint/futures"

func suppressed(c *futures.Ctx, s *actor, f *futures.Future[int]) {
	//futurelint:ignore unwrapped count is only read after the executor shuts down
	f.OnDone(func(n int, err error) { s.count = n })
	f.OnDone(func(n int, err error) { s.count = n }) //futurelint:ignore unwrapped,loopblock read after shutdown
	//futurelint:ignore loopblock another rule's directive does not suppress this one
	f.OnDone(func(n int, err error) { s.count = n }) // want `the OnDone callback runs off the event loop and writes loop-owned s\.count`
	//futurelint:ignore unwrapped
	f.OnDone(func(n int, err error) { s.count = n }) // want `the OnDone callback runs off the event loop and writes loop-owned s\.count.*\(a //futurelint:ignore without a reason does not apply\)`
}

//futurelint:ignore unwrapped the handle is awaited by the only caller
func suppressedNested(c *futures.Ctx) (*futures.Future[int], error) { return nil, nil }
