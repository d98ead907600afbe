package protoactor

import (
	"log"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/asynkron/protoactor-go/cluster"
)

// Greeter is a grain as protoc-gen-go-grain has users write one: the
// generated actor calls its methods from its Receive, with a
// cluster.GrainContext, so they run on the grain's mailbox.
type Greeter struct {
	names map[string]string
}

func (g *Greeter) Init(ctx cluster.GrainContext)           {}
func (g *Greeter) Terminate(ctx cluster.GrainContext)      {}
func (g *Greeter) ReceiveDefault(ctx cluster.GrainContext) {}

// SayHello asks another grain and waits for the answer: no other message
// of this grain is handled meanwhile.
func (g *Greeter) SayHello(name string, ctx cluster.GrainContext) (string, error) {
	res, err := ctx.Cluster().Request(name, "profile", &Lookup{Key: name}) // want "blocks the actor's mailbox"
	if err != nil {
		return "", err
	}
	time.Sleep(10 * time.Millisecond) // want "blocks the actor's mailbox"
	if v, ok := res.(*Value); ok {
		g.names[name] = v.Val
	}
	return "hello " + name, nil
}

// Remember asks the same grain without waiting: the reply comes back to
// the mailbox through ReenterAfter.
func (g *Greeter) Remember(name string, ctx cluster.GrainContext) error {
	f, err := ctx.Cluster().RequestFuture(name, "profile", &Lookup{Key: name})
	if err != nil {
		return err
	}
	ctx.ReenterAfter(f, func(res interface{}, err error) {
		if v, ok := res.(*Value); ok {
			g.names[name] = v.Val
		}
	})
	return nil
}

// router forwards to grains from an actor: Request there blocks its mailbox.
type router struct{ c *cluster.Cluster }

func (r *router) Receive(ctx actor.Context) {
	if m, ok := ctx.Message().(*Lookup); ok {
		res, err := r.c.Request(m.Key, "profile", m) // want "blocks the actor's mailbox"
		if err == nil {
			ctx.Respond(res)
		}
		// The same call on a goroutine, answered through the root context,
		// keeps the mailbox moving.
		self, root := ctx.Self(), ctx.ActorSystem().Root
		go func() {
			if res, err := r.c.Request(m.Key, "profile", m); err == nil {
				root.Send(self, res)
			}
		}()
	}
}

// Ask is called from main, off every mailbox: waiting is what it is for.
func Ask(c *cluster.Cluster, name string) {
	res, err := c.Request(name, "profile", &Lookup{Key: name})
	log.Print(res, err)
}
