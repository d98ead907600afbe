// Forgottentask: tasks started and never awaited, one of which fails.
//
// A coroutine saves records by spawning a task per record and moves on
// without awaiting them (asyncio's fire-and-forget create_task). The tasks
// run, but nobody looks at their results, so a failed save is lost and the
// program reports success. asyncio logs "Task exception was never
// retrieved"; the futures runtime in debug mode reports the failed task
// nobody observed when its loop stops (or when it is garbage collected). The
// fix awaits every task and counts the failures.
//
//	go run ./examples/forgottentask                   # the fix
//	go run ./examples/forgottentask -mistake          # the mistake: claims success
//	go run ./examples/forgottentask -mistake -debug   # the mistake, reported by debug mode
package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

var records = []string{"alice", "bob", "carol"}

func main() {
	demo.Main(
		func() (string, error) { return futures.Run(context.Background(), saveAll) },
		func() (string, error) { return futures.Run(context.Background(), fireAndForget) },
	)
}

// save is the coroutine that stores one record; the disk is full for bob.
func save(name string) func(*futures.Ctx) (int, error) {
	return func(c *futures.Ctx) (int, error) {
		if err := futures.Sleep(c, 0); err != nil { // the write
			return 0, err
		}
		if name == "bob" {
			return 0, fmt.Errorf("saving %s: disk full", name)
		}
		return len(name), nil
	}
}

// fireAndForget is the mistake: the tasks are dropped.
func fireAndForget(c *futures.Ctx) (string, error) {
	for _, r := range records {
		futures.Spawn(c.Loop(), save(r)) // futurelint reports dropped
	}
	if err := futures.Sleep(c, 10*time.Millisecond); err != nil { // other work; the saves run meanwhile
		return "", err
	}
	return fmt.Sprintf("saved %d of %d records", len(records), len(records)), nil
}

// saveAll is the fix: await every task and report the failures.
func saveAll(c *futures.Ctx) (string, error) {
	var tasks []*futures.Task[int]
	for _, r := range records {
		tasks = append(tasks, futures.Spawn(c.Loop(), save(r)))
	}
	saved := 0
	var failed []string
	for _, t := range tasks {
		if _, err := futures.Await(c, t); err != nil {
			failed = append(failed, err.Error())
			continue
		}
		saved++
	}
	return fmt.Sprintf("saved %d of %d records; failed: %s", saved, len(records), strings.Join(failed, "; ")), nil
}
