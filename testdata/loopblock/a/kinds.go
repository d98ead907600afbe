// Package a is loopblock's specification: each case says what is reported
// and why, and each quiet look-alike says why it is quiet.
package a

import (
	"context"
	"net"
	"net/http"
	"os/exec"
	"sync"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// Every kind of blocking operation, in a coroutine (it has a *futures.Ctx
// parameter). Each stalls the loop: nothing else on it runs meanwhile.
func kinds(c *futures.Ctx, f *futures.Future[int], ch chan int, wg *sync.WaitGroup, cond *sync.Cond,
	e *futures.Executor, other *futures.Loop, client *http.Client, cmd *exec.Cmd, d *net.Dialer, ln net.Listener) {
	f.Result()                   // want `\(\*futures\.Future\)\.Result blocks the event loop goroutine; use futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), f\)\)`
	f.ResultContext(c.Context()) // want `^\(\*futures\.Future\)\.ResultContext blocks the event loop goroutine`
	<-ch                         // want `a channel receive blocks the event loop goroutine; receive with futures\.Await\(c, futures\.RunInExecutor\(c\.Loop\(\), e, job\)\)`
	for range ch {               // want `^a range over a channel blocks the event loop goroutine`
	}
	select { // want `^a select without default blocks the event loop goroutine`
	case <-ch:
	case v := <-ch:
		_ = v
	}
	<-f.Done()                               // want `a receive from \(\*futures\.Future\)\.Done blocks the event loop goroutine; use futures\.Await\(c, futures\.Wrap\(c\.Loop\(\), f\)\)`
	time.Sleep(time.Millisecond)             // want `time\.Sleep blocks the event loop goroutine; suspend with futures\.Sleep\(c, d\)`
	wg.Wait()                                // want `\(\*sync\.WaitGroup\)\.Wait blocks the event loop goroutine; run it with futures\.Await\(c, futures\.RunInExecutor\(c\.Loop\(\), e, job\)\)`
	cond.Wait()                              // want `^\(\*sync\.Cond\)\.Wait blocks the event loop goroutine`
	e.Shutdown(c.Context())                  // want `^\(\*futures\.Executor\)\.Shutdown blocks the event loop goroutine`
	other.Run(c.Context())                   // want `\(\*futures\.Loop\)\.Run runs a nested loop on the event loop goroutine; run it on a goroutine of its own \(go other\.Run\(ctx\)\) and hand it work with futures\.RunThreadsafe\(other, co\)`
	futures.Run(c.Context(), co)             // want `futures\.Run runs a nested loop on the event loop goroutine; spawn it on this loop: futures\.Await\(c, futures\.Spawn\(c\.Loop\(\), co\)\)`
	http.Get("http://example.com")           // want `^http\.Get blocks the event loop goroutine`
	http.Post("http://example.com", "", nil) // want `^http\.Post blocks the event loop goroutine`
	client.Do(nil)                           // want `^\(\*http\.Client\)\.Do blocks the event loop goroutine`
	exec.Command("true").Run()               // want `^\(\*exec\.Cmd\)\.Run blocks the event loop goroutine`
	cmd.Output()                             // want `^\(\*exec\.Cmd\)\.Output blocks the event loop goroutine`
	net.Dial("tcp", "localhost:1")           // want `^net\.Dial blocks the event loop goroutine`
	d.DialContext(c.Context(), "tcp", "x")   // want `^\(\*net\.Dialer\)\.DialContext blocks the event loop goroutine`
	ln.Accept()                              // want `^net\.Listener\.Accept blocks the event loop goroutine`
}

func co(c *futures.Ctx) (int, error) { return 0, nil }

// In a callback (no *futures.Ctx to await with), the advice is a
// continuation instead.
func callbackAdvice(l *futures.Loop, f *futures.Future[int], ch chan int) {
	l.CallSoon(func() {
		f.Result()                   // want `\(\*futures\.Future\)\.Result blocks the event loop goroutine; take the result with futures\.Wrap\(loop, f\)\.Then\(fn\)`
		time.Sleep(time.Millisecond) // want `time\.Sleep blocks the event loop goroutine; schedule the rest with loop\.CallLater\(d, fn\)`
		<-ch                         // want `a channel receive blocks the event loop goroutine; deliver the value with loop\.CallSoonThreadsafe\(fn\) instead`
		<-time.After(time.Second)    // want `a receive from time\.After blocks the event loop goroutine; schedule the rest with loop\.CallLater\(d, fn\)`
	})
}

// <-time.After(d) is a sleep, and advised as one.
func sleepByChannel(c *futures.Ctx) {
	<-time.After(time.Second) // want `a receive from time\.After blocks the event loop goroutine; suspend with futures\.Sleep\(c, d\)`
	select {                  // want `^a select without default blocks`
	case <-time.After(time.Second):
	case <-c.Context().Done():
	}
}

// A Loop.Run takes no coroutine: the advice is to run that loop elsewhere.
func callbackRunAdvice(l, other *futures.Loop) {
	l.CallSoon(func() {
		other.Run(context.Background()) // want `\(\*futures\.Loop\)\.Run runs a nested loop on the event loop goroutine; run it on a goroutine of its own \(go other\.Run\(ctx\)\) and hand it work with other\.CallSoonThreadsafe\(fn\)`
	})
}

// The marker parameter may have any name.
func anyName(ctx *futures.Ctx, f *futures.Future[int]) {
	f.Result() // want `\(\*futures\.Future\)\.Result blocks the event loop goroutine`
}

// Looks alike, but does not block: suspensions, sends, selects with a
// default case, non-blocking future and task methods.
func quietKinds(c *futures.Ctx, f *futures.Future[int], t *futures.Task[int], ch chan int) {
	futures.Await(c, t)                // suspends: the loop keeps running
	futures.Sleep(c, time.Millisecond) // suspends
	futures.Gather(c, t, t)            // suspends
	ch <- 1                            // sends are not reported
	select {                           // has a default case: never waits
	case <-ch:
	case <-f.Done():
	default:
	}
	_ = f.Done() // only takes the channel
	f.Cancel()
	t.Done()
	_ = context.Background()
}
