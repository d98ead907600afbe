package a

import "github.com/futurelint/futurelint/futures"

func suppressed(c *futures.Ctx, s *actor, f *futures.Future[int]) {
	//futurelint:ignore unwrapped count is only read after the executor shuts down
	f.OnDone(func(n int, err error) { s.count = n })
	f.OnDone(func(n int, err error) { s.count = n }) //futurelint:ignore unwrapped,loopblock read after shutdown
	//futurelint:ignore loopblock another rule's directive does not suppress this one
	f.OnDone(func(n int, err error) { s.count = n }) // want `it writes s\.count`
	//futurelint:ignore unwrapped
	f.OnDone(func(n int, err error) { s.count = n }) // want `it writes s\.count.*\(the //futurelint:ignore directive above has no reason, so it does not suppress this\)$`
}

//futurelint:ignore unwrapped the handle is awaited by the only caller
func suppressedNested(c *futures.Ctx) (*futures.Future[int], error) { return nil, nil }
