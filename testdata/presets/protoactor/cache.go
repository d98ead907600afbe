// Package protoactor is a small actor system in the style of protoactor-go's
// examples: a store actor answering lookups, and a cache actor in front of it.
package protoactor

import (
	"log"
	"time"

	"github.com/asynkron/protoactor-go/actor"
)

type Lookup struct{ Key string }

type Value struct{ Key, Val string }

type Refresh struct{ Key string }

type Prefetch struct{ Key string }

type Stop struct{}

type Ping struct{}

// store answers lookups.
type store struct{ data map[string]string }

func (s *store) Receive(ctx actor.Context) {
	switch m := ctx.Message().(type) {
	case *Lookup:
		ctx.Respond(&Value{Key: m.Key, Val: s.data[m.Key]})
	}
}

// cache asks the store and remembers the answers.
type cache struct {
	store *actor.PID
	vals  map[string]string
}

func (c *cache) Receive(ctx actor.Context) {
	switch m := ctx.Message().(type) {
	case *Lookup:
		if v, ok := c.vals[m.Key]; ok {
			ctx.Respond(&Value{Key: m.Key, Val: v})
			return
		}
		// Waits for the store inside Receive: no other message of this
		// actor is handled until the reply comes or the request times out.
		res, err := ctx.RequestFuture(c.store, m, time.Second).Result() // want "blocks the actor's mailbox"
		if err != nil {
			log.Print(err)
			return
		}
		c.remember(res)
		ctx.Respond(res)
	case *Refresh:
		// The documented way: continue in the actor once the reply is in.
		f := ctx.RequestFuture(c.store, &Lookup{Key: m.Key}, time.Second)
		ctx.ReenterAfter(f, func(res interface{}, err error) {
			if err == nil {
				c.remember(res)
			}
		})
	case *Prefetch:
		// Also correct: the reply arrives later as an ordinary message.
		ctx.RequestFuture(c.store, &Lookup{Key: m.Key}, time.Second).PipeTo(ctx.Self())
	case *Value:
		c.remember(m)
	case *Ping:
		c.ping(ctx)
	case *Stop:
		// Poisons itself, then waits for its own stop: the PoisonPill
		// queues behind this very message, so the wait always times out.
		if err := ctx.PoisonFuture(ctx.Self()).Wait(); err != nil { // want "which answers only after this code returns: the wait blocks the actor's mailbox"
			log.Print(err)
		}
	}
}

// ping is loop code by its actor.Context parameter.
func (c *cache) ping(ctx actor.Context) {
	// Asks itself and waits: the request sits in the mailbox behind the
	// message being handled, so it always times out.
	if _, err := ctx.RequestFuture(ctx.Self(), &Lookup{Key: "ping"}, 50*time.Millisecond).Result(); err != nil { // want "which answers only after this code returns: the wait blocks the actor's mailbox"
		log.Print(err)
	}
	// Asking another actor and handing the wait to a goroutine is fine.
	f := ctx.RequestFuture(c.store, &Lookup{Key: "ping"}, time.Second)
	self, root := ctx.Self(), ctx.ActorSystem().Root
	go func() {
		if res, err := f.Result(); err == nil {
			root.Send(self, res)
		}
	}()
}

func (c *cache) remember(res interface{}) {
	if v, ok := res.(*Value); ok {
		c.vals[v.Key] = v.Val
	}
}

// Run starts the system and queries the cache from main, where waiting on
// a future is what the API is for.
func Run() {
	system := actor.NewActorSystem()
	root := system.Root
	st := root.Spawn(actor.PropsFromProducer(func() actor.Actor {
		return &store{data: map[string]string{"a": "1"}}
	}))
	ca := root.Spawn(actor.PropsFromProducer(func() actor.Actor {
		return &cache{store: st, vals: map[string]string{}}
	}))
	res, err := root.RequestFuture(ca, &Lookup{Key: "a"}, time.Second).Result()
	log.Print(res, err)

	// A function actor: its argument is an actor.Context, so it runs in
	// the actor's mailbox too.
	audit := root.Spawn(actor.PropsFromFunc(func(ctx actor.Context) {
		if _, ok := ctx.Message().(*Ping); ok {
			time.Sleep(100 * time.Millisecond) // want "blocks the actor's mailbox"
			// The root context sends to the same mailbox: waiting for it
			// from here always times out.
			_, _ = system.Root.RequestFuture(ctx.Self(), &Lookup{Key: "x"}, time.Second).Result() // want "which answers only after this code returns: the wait blocks the actor's mailbox"
		}
	}))
	root.Send(audit, &Ping{})
	_ = root.PoisonFuture(ca).Wait()
}
