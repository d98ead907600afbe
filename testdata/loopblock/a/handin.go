package a

import (
	"time"

	"futurelint.test/loopblock/lib"
	"futurelint.test/loopblock/svc"

	"github.com/futurelint/futurelint/futures"
)

// Implementations handed to another package's loop code: svc calls their
// Get from its loop, which only this package, knowing the type, can tell.

type diskStore struct{ ch chan int }

func (d *diskStore) Get(string) int { return <-d.ch }

// memStore's Get does not block.
type memStore map[string]int

func (m memStore) Get(k string) int { return m[k] }

// coldStore's Get waits only for an empty key.
type coldStore struct{}

func (coldStore) Get(k string) int {
	if k == "" {
		time.Sleep(time.Millisecond)
	}
	return 0
}

// filledStore's Get receives from a channel its callers have filled: the
// directive there silences its hand-ins too.
type filledStore struct{ ch chan int }

func (f filledStore) Get(string) int {
	//futurelint:ignore loopblock the channel is filled before the store is handed in
	return <-f.ch
}

func handIn(l *futures.Loop, srv *svc.Server) {
	svc.Serve(l, &diskStore{})                                  // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through svc\.Serve; run it with`
	svc.Serve(l, memStore{})                                    // quiet: its Get does not block
	svc.Serve(l, coldStore{})                                   // quiet: its Get does not always wait
	svc.Serve(l, &lib.Disk{})                                   // want `\(\*lib\.Disk\)\.Get blocks the event loop: loop code calls it through svc\.Serve`
	svc.Serve(l, filledStore{})                                 // quiet: ignored where its Get waits
	svc.Prefetch(&diskStore{})                                  // quiet: svc calls Get only on a goroutine
	srv.Store = &diskStore{}                                    // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through svc\.Server\.Store`
	srv.Store = memStore{}                                      // quiet: the other implementation
	_ = &svc.Server{Store: &diskStore{}}                        // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through svc\.Server\.Store`
	srv.SetCache(&diskStore{})                                  // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through \(\*svc\.Server\)\.SetCache`
	srv.SetCache(memStore{})                                    // quiet
	_ = svc.NewServer(l, &diskStore{})                          // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through svc\.NewServer`
	_ = svc.NewWithOptions(l, svc.Options{Cache: &diskStore{}}) // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through svc\.Options\.Cache`
	_ = svc.NewWithOptions(l, svc.Options{Spare: &diskStore{}}) // quiet: only Flush calls it
	srv.Backup = &diskStore{}                                   // quiet: only Flush, off the loop, calls it
	srv.SetBackup(&diskStore{})                                 // quiet: the same field
	var s svc.Store = &diskStore{}
	svc.Serve(l, s) // want `\(\*diskStore\)\.Get blocks the event loop: loop code calls it through svc\.Serve`
}

// passOn hands in whatever it is given: the type is not known here.
func passOn(l *futures.Loop, s svc.Store) {
	svc.Serve(l, s)
}
