// Package offloop is protoactor code that uses an actor.Context away from
// its actor's turn: from a goroutine it starts, or from an event stream
// handler, which runs on the publisher's goroutine.
package offloop

import (
	"net/http"

	"github.com/asynkron/protoactor-go/actor"
)

type Fetch struct{ URL string }

type Status struct{ Code int }

type Joined struct{ Name string }

type worker struct{ members []string }

func (w *worker) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *Fetch:
		go func() {
			resp, err := http.Get(msg.URL)
			if err != nil {
				return
			}
			resp.Body.Close()
			ctx.Respond(&Status{resp.StatusCode}) // want "belongs to the actor's turn and sees whatever message"
		}()
	case *Status:
		go func() {
			_ = ctx.Message() // want "belongs to the actor's turn and sees whatever message"
		}()
	case *actor.Started:
		ctx.ActorSystem().EventStream.Subscribe(func(evt interface{}) {
			if j, ok := evt.(*Joined); ok {
				ctx.Spawn(actor.PropsFromFunc(func(actor.Context) {})) // want "belongs to the actor's turn and sees whatever message"
				_ = j
			}
		})
	}
}

// fetch is the hand-back: what the goroutine needs is read on the actor's
// turn, and the result goes back as messages.
type fetch struct{}

func (fetch) Receive(ctx actor.Context) {
	msg, ok := ctx.Message().(*Fetch)
	if !ok {
		return
	}
	sender, self, root := ctx.Sender(), ctx.Self(), ctx.ActorSystem().Root
	go func() {
		resp, err := http.Get(msg.URL)
		if err != nil {
			return
		}
		resp.Body.Close()
		root.Send(sender, &Status{resp.StatusCode})
		ctx.Send(self, &Status{resp.StatusCode})
	}()
}

// watcher hands events from the stream to the actor as messages.
type watcher struct{}

func (watcher) Receive(ctx actor.Context) {
	if _, ok := ctx.Message().(*actor.Started); ok {
		self, root := ctx.Self(), ctx.ActorSystem().Root
		ctx.ActorSystem().EventStream.Subscribe(func(evt interface{}) {
			if j, ok := evt.(*Joined); ok {
				root.Send(self, j)
			}
		})
	}
}

// spawnAll spawns from goroutines through the root context, which is made
// for any goroutine.
func spawnAll(system *actor.ActorSystem, n int) {
	var sp actor.SpawnerContext = system.Root
	for range n {
		go sp.Spawn(actor.PropsFromProducer(func() actor.Actor { return watcher{} }))
		go func() { _ = system.Root.Spawn(actor.PropsFromProducer(func() actor.Actor { return fetch{} })) }()
	}
}
