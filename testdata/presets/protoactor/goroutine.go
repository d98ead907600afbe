package protoactor

import (
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/asynkron/protoactor-go/cluster"
)

type Poll struct{}

// poller waits between polls on a goroutine it starts and hands the
// actor's context to it as an argument: the goroutine is not the actor's
// turn, whatever its parameters, so its wait holds no mailbox.
type poller struct{}

func (poller) Receive(ctx actor.Context) {
	if _, ok := ctx.Message().(*Poll); !ok {
		return
	}
	self, root := ctx.Self(), ctx.ActorSystem().Root
	go func(c actor.Context) {
		time.Sleep(time.Second) // quiet: a goroutine, not the mailbox
		root.Send(self, &Poll{})
	}(ctx)
	time.Sleep(time.Millisecond) // want "blocks the actor's mailbox"
}

// Wait is a grain method that does the same with its grain context.
func (g *Greeter) Wait(ctx cluster.GrainContext) {
	go func(c cluster.GrainContext) {
		time.Sleep(time.Second) // quiet: a goroutine, not the grain's mailbox
	}(ctx)
}
