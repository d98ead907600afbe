// Droppedfuture: saving documents in executor jobs and dropping the futures.
//
// A future is how a job reports its outcome. The mistaken saver submits each
// save and keeps nothing: when a save fails, the error is lost and the saver
// reports success. The fix keeps the futures and takes every outcome.
//
//	go run ./examples/droppedfuture            # the fix
//	go run ./examples/droppedfuture -mistake   # the mistake
package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/futurelint/futurelint/examples/internal/demo"
	"github.com/futurelint/futurelint/futures"
)

func main() {
	demo.Main(func() (string, error) { return run(saveAndCheck) }, func() (string, error) { return run(saveAndForget) })
}

var docs = []string{"a.txt", "b.txt", "c.txt"}

// save stores one document; the second one fails.
func save(doc string) func() (int, error) {
	return func() (int, error) {
		if doc == "b.txt" {
			return 0, errors.New("disk full")
		}
		return len(doc), nil
	}
}

// saveAndForget is the mistake: the futures, and the failure, are dropped.
func saveAndForget(e *futures.Executor) []error {
	for _, doc := range docs {
		futures.Submit(e, save(doc)) // futurelint reports dropped
	}
	return nil
}

// saveAndCheck is the fix: keep each future and take its outcome.
func saveAndCheck(e *futures.Executor) []error {
	var saves []*futures.Future[int]
	for _, doc := range docs {
		saves = append(saves, futures.Submit(e, save(doc)))
	}
	var errs []error
	for i, f := range saves {
		if _, err := f.Result(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", docs[i], err))
		}
	}
	return errs
}

// run saves the documents and reports the failures the saver saw.
func run(saveAll func(*futures.Executor) []error) (string, error) {
	e := futures.NewExecutor(2)
	errs := saveAll(e)
	if err := e.Shutdown(context.Background()); err != nil {
		return "", err
	}
	return fmt.Sprintf("saved %d documents, failures seen: %v", len(docs), errs), nil
}
