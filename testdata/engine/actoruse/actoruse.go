// Package actoruse is actor code: Receive is loop code by its marker
// parameter (actor.Context), and ReenterAfter's callback runs on the actor.
package actoruse

import "futurelint.test/engine/actor"

type greeter struct{}

func (g *greeter) Receive(ctx actor.Context, f *actor.Future) { // want Receive:`^blocks: calls \(\*actor\.Future\)\.Result at actoruse\.go:10$`
	f.Result() // a stall: the mailbox waits for the timeout
	ctx.ReenterAfter(f, func(res interface{}, err error) {
		f.Result() // settled by now, but the engine only knows it is loop code
	})
}
