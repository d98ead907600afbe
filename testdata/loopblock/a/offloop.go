package a

import (
	"context"
	"net"
	"net/http"
	"os/exec"
	"sync"
	"time"

	"futurelint.test/loopblock/lib"

	"github.com/futurelint/futurelint/futures"
)

// Every blocking kind of kinds.go again, in code that runs on another
// goroutine although it is written inside a coroutine: all quiet.
func offLoopKinds(c *futures.Ctx, f *futures.Future[int], ch chan int, wg *sync.WaitGroup, cond *sync.Cond,
	e *futures.Executor, other *futures.Loop, client *http.Client, cmd *exec.Cmd, d *net.Dialer, ln net.Listener) {
	go func() {
		f.Result()                            // quiet: a goroutine
		f.ResultContext(context.Background()) // quiet: a goroutine
		<-ch                                  // quiet: a goroutine
		for range ch {                        // quiet: a goroutine
		}
		select { // quiet: a goroutine
		case <-ch:
		case <-f.Done():
		}
		<-f.Done()                                      // quiet: a goroutine
		time.Sleep(time.Millisecond)                    // quiet: a goroutine
		wg.Wait()                                       // quiet: a goroutine
		cond.Wait()                                     // quiet: a goroutine
		e.Shutdown(context.Background())                // quiet: a goroutine
		other.Run(context.Background())                 // quiet: a goroutine may run a loop
		futures.Run(context.Background(), co)           // quiet: a goroutine may run a loop
		http.Get("http://example.com")                  // quiet: a goroutine
		client.Do(nil)                                  // quiet: a goroutine
		cmd.Output()                                    // quiet: a goroutine
		net.Dial("tcp", "localhost:1")                  // quiet: a goroutine
		d.DialContext(context.Background(), "tcp", "x") // quiet: a goroutine
		ln.Accept()                                     // quiet: a goroutine
		lib.Pause()                                     // quiet: a goroutine
		lib.Level1()                                    // quiet: a goroutine
	}()
	futures.RunInExecutor(c.Loop(), e, func() (int, error) {
		time.Sleep(time.Millisecond) // quiet: an executor job
		wg.Wait()                    // quiet: an executor job
		cmd.Output()                 // quiet: an executor job
		lib.Drain(ch)                // quiet: an executor job
		return f.Result()            // quiet: an executor job
	})
	f.OnDone(func(int, error) {
		time.Sleep(time.Millisecond) // quiet: an OnDone callback runs on the settling goroutine
		lib.Pause()                  // quiet: as above
	})
}

// A function literal run by a go statement runs on its own goroutine even
// when it takes the coroutine's marker: waiting there is fine. A named
// function with a marker parameter stays loop code, however it is started.
func goWithMarker(c *futures.Ctx, f *futures.Future[int]) {
	go func(c *futures.Ctx) {
		time.Sleep(time.Millisecond) // quiet: a goroutine, whatever its parameters
		f.Result()                   // quiet: a goroutine
	}(c)
	time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop`
}

// Functions that look like loop code but are not run on a loop.
func notScheduled(l *futures.Loop, f *futures.Future[int], e *futures.Executor) {
	run(func() {
		f.Result() // quiet: run is not a scheduling API and hands fn to none
	})
	h := holder{fn: func() {
		f.Result() // quiet: stored, never scheduled here
	}}
	_ = h
	futures.Submit(e, func() (int, error) {
		time.Sleep(time.Millisecond) // quiet: an executor job
		return 0, nil
	})
	f.Result()  // quiet: notScheduled itself runs on no loop
	lib.Pause() // quiet: as above
}

func run(fn func()) { go fn() }

type holder struct{ fn func() }

// A method with the marker's name but not its type is not loop code.
type fakeCtx struct{}

func (fakeCtx) Loop() *futures.Loop { return nil }

func notMarker(c fakeCtx, f *futures.Future[int]) {
	f.Result() // quiet: fakeCtx is not *futures.Ctx
}

// A function handed to a helper that runs it on a goroutine of its own
// may wait: it does not run on the loop.
func handedToGoroutine(c *futures.Ctx, f *futures.Future[int]) {
	lib.Go(func() {
		time.Sleep(time.Millisecond) // quiet: lib.Go runs it on a goroutine
		f.Result()                   // quiet: as above
	})
}
