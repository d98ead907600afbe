// Package blocking uses teamloop: loopblock findings come from the rows of
// ../.futurelint.json.
package blocking

import (
	"time"

	"futurelint.test/config/teamloop"
)

type server struct {
	loop  *teamloop.Loop
	count int
}

// A *teamloop.Ctx parameter makes a function loop code.
func (s *server) refresh(c *teamloop.Ctx, r *teamloop.Result) {
	s.count = r.Wait() // want `^\(\*teamloop\.Result\)\.Wait blocks the team loop; take the value on the loop with teamloop\.Adopt\(c\.Loop\(\), result, cb\)$`
}

// Functions posted to the loop are loop code.
func (s *server) start(r *teamloop.Result) {
	s.loop.Post(func(c *teamloop.Ctx) {
		time.Sleep(time.Second) // want `^time\.Sleep blocks the team loop`
	})
	s.loop.Call(func(c *teamloop.Ctx) int {
		return r.Wait() // want `^\(\*teamloop\.Result\)\.Wait blocks the team loop; take the value on the loop with teamloop\.Adopt\(c\.Loop\(\), result, cb\)$`
	})
}

// Quiet: waiting off the loop is what Wait is for.
func worker(r *teamloop.Result) int { return r.Wait() }

// Quiet: a goroutine started by teamloop.Go is not on the loop.
func background(r *teamloop.Result) *teamloop.Result {
	return teamloop.Go(func() int { return r.Wait() })
}

// Quiet: Adopt hands the value to the loop without blocking it.
func (s *server) adopt(c *teamloop.Ctx, r *teamloop.Result) {
	teamloop.Adopt(c.Loop(), r, func(c *teamloop.Ctx, v int) { s.count = v })
}

// Quiet: a function named like a loop function, with its own Ctx type.
type Ctx struct{}

func lookalike(c *Ctx, r *teamloop.Result) int { return r.Wait() }
