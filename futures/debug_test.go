package futures_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// Debug mode is tested from outside the package, as a program meets it: the
// positions it reports are those of the first caller outside the package.

// reports collects the reports of a debug-mode handler.
type reports chan futures.DebugReport

func (r reports) handler(rep futures.DebugReport) { r <- rep }

// next waits (bounded) for the next report and checks its rule.
func (r reports) next(t *testing.T, rule string) futures.DebugReport {
	t.Helper()
	select {
	case rep := <-r:
		if rep.Rule != rule {
			t.Fatalf("report %s; want rule %s", rep, rule)
		}
		return rep
	case <-time.After(10 * time.Second):
		t.Fatalf("no %s report within 10s", rule)
	}
	panic("unreachable")
}

// none fails the test if a report has arrived.
func (r reports) none(t *testing.T) {
	t.Helper()
	select {
	case rep := <-r:
		t.Fatalf("unexpected report: %s", rep)
	default:
	}
}

// debugLoop starts a loop in debug mode with threshold, on a goroutine of
// its own, and returns once it runs. stop stops it, waits for Run to return,
// and checks that its watchdog goroutine is gone.
func debugLoop(t *testing.T, threshold time.Duration) (l *futures.Loop, reps reports, stop func()) {
	t.Helper()
	reps = make(reports, 100)
	l = futures.NewLoop()
	l.SetDebug(&futures.DebugOptions{BlockThreshold: threshold, Handler: reps.handler})
	l.SetPanicHandler(func(pe *futures.PanicError) { t.Errorf("callback panic: %v\n%s", pe.Value, pe.Stack) })
	ran := make(chan struct{})
	go func() { defer close(ran); l.Run(context.Background()) }()
	futures.OnLoop(t, l, func() {})
	// The check in stop must be able to see the watchdog at all.
	if !eventually(func() bool { return watchdogs(l) == 1 }) {
		t.Fatalf("no watchdog goroutine of the running loop found:\n%s", allStacks())
	}
	stopped := false
	stop = func() {
		t.Helper()
		if stopped {
			return
		}
		stopped = true
		l.Stop()
		select {
		case <-ran:
		case <-time.After(10 * time.Second):
			t.Fatal("loop did not stop within 10s")
		}
		// Run waits for its watchdog to return. The goroutine itself
		// leaves the runtime's list a moment after its deferred close
		// has let Run go on: allow it that moment, not more.
		if !eventually(func() bool { return watchdogs(l) == 0 }) {
			t.Fatalf("the loop's watchdog goroutine is still there after Run returned:\n%s", allStacks())
		}
	}
	t.Cleanup(stop)
	return l, reps, stop
}

// watchdogs counts the goroutines running l's watchdog: the frame of
// (*loopDebug).watch whose second argument is l.
func watchdogs(l *futures.Loop) int {
	ptr := fmt.Sprintf("%p", l)
	n := 0
	for line := range strings.Lines(allStacks()) {
		if strings.Contains(line, "futures.(*loopDebug).watch(") &&
			(strings.Contains(line, ", "+ptr+")") || strings.Contains(line, ", "+ptr+"?)")) {
			n++
		}
	}
	return n
}

// eventually reports whether cond holds within five seconds.
func eventually(cond func() bool) bool {
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

func allStacks() string {
	for n := 1 << 20; ; n *= 2 {
		buf := make([]byte, n)
		if m := runtime.Stack(buf, true); m < n {
			return string(buf[:m])
		}
	}
}

// nextLine returns the position of the line after its call.
func nextLine() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", file, line+1)
}

// Seed 000: a coroutine blocks on an executor future. The watchdog reports
// the stall once, naming the coroutine and the blocking call; the fix
// (RunInExecutor and Await) holds the loop for no time and is not reported.
func TestDebugLoopBlockOnExecutorFuture(t *testing.T) {
	// The job of the mistake waits for the report, so any threshold finds
	// it; a large one keeps a loaded machine's scheduling delays from
	// being reported in the quiet part.
	const threshold = 200 * time.Millisecond
	e := futures.NewExecutor(1)
	defer e.Shutdown(context.Background())
	l, reps, stop := debugLoop(t, threshold)

	release := make(chan struct{})
	job := func() (int, error) { <-release; return 42, nil }
	var at string
	mistake := futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) {
		at = nextLine()
		return futures.Submit(e, job).Result()
	})
	rep := reps.next(t, "loopblock")
	// Keep the loop blocked for several more thresholds: still one report.
	time.Sleep(5 * threshold)
	close(release)
	if v, err := futures.WaitResult(t, mistake); v != 42 || err != nil {
		t.Fatalf("mistake = %v, %v; want 42, nil", v, err)
	}
	if rep.ID != "FL001" || rep.FuncKind != "coroutine" || rep.Duration < threshold ||
		!strings.HasPrefix(rep.Func, "futures_test.TestDebugLoopBlockOnExecutorFuture.func") ||
		rep.Call != "futures.(*Future).Result" || rep.CallPos != at || rep.FuncPos != at ||
		!strings.Contains(rep.Stack, "futures.(*Future[...]).Result") {
		t.Errorf("report fields: %+v", rep)
	}
	want := fmt.Sprintf("loop goroutine is in futures.(*Future).Result called from debug_test.go:%s", strings.Split(at, ":")[1])
	if s := rep.String(); !strings.HasPrefix(s, "futures debug: loopblock (FL001): loop blocked for at least ") || !strings.Contains(s, want) {
		t.Errorf("String() = %q; want the rule and %q", s, want)
	}

	slow := func() (int, error) { time.Sleep(3 * threshold); return 42, nil }
	fixed := futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) {
		return futures.Await(c, futures.RunInExecutor(c.Loop(), e, slow))
	})
	if v, err := futures.WaitResult(t, fixed); v != 42 || err != nil {
		t.Fatalf("fixed = %v, %v; want 42, nil", v, err)
	}
	stop()
	reps.none(t)
}

// The blockingcallback example: a callback waits on a channel that only a
// later callback fills. The watchdog names the callback and the receive.
func TestDebugLoopBlockOnChannelInCallback(t *testing.T) {
	l, reps, stop := debugLoop(t, 200*time.Millisecond)
	values := make(chan int)
	var at string
	got := make(chan int, 1)
	if err := l.CallSoonThreadsafe(func() {
		at = nextLine()
		got <- 2 * <-values
	}); err != nil {
		t.Fatal(err)
	}
	rep := reps.next(t, "loopblock")
	values <- 21 // what the later callback would have sent
	if v := <-got; v != 42 {
		t.Fatalf("got %d", v)
	}
	if rep.FuncKind != "callback" || rep.Call != "chan receive" || rep.CallPos != at ||
		!strings.HasPrefix(rep.Func, "futures_test.TestDebugLoopBlockOnChannelInCallback.func") {
		t.Errorf("report fields: %+v", rep)
	}
	if s := rep.String(); !strings.Contains(s, "in callback futures_test.TestDebugLoopBlockOnChannelInCallback.func") ||
		!strings.Contains(s, "loop goroutine is in chan receive called from debug_test.go:") {
		t.Errorf("String() = %q", s)
	}

	// The fix: the consumer is a continuation; nothing blocks.
	answer := make(chan int, 1)
	futures.OnLoop(t, l, func() {
		p := futures.NewPromise[int]()
		futures.Wrap(l, p.Future()).Then(func(v int, err error) { answer <- 2 * v })
		l.CallLater(100*time.Millisecond, func() { p.Resolve(21) })
	})
	if v := <-answer; v != 42 {
		t.Fatalf("answer %d", v)
	}
	stop()
	reps.none(t)
}

// Seed 004: a coroutine waits for a coroutine it submitted to its own loop
// with RunThreadsafe. In debug mode Result fails at once with a deadlock
// error instead of hanging; so does ResultContext in a callback.
func TestDebugSelfSubmitFailsFast(t *testing.T) {
	l, reps, stop := debugLoop(t, 10*time.Second)
	half := func(x float64) func(*futures.Ctx) (float64, error) {
		return func(*futures.Ctx) (float64, error) { return x / 2, nil }
	}
	var at, made string
	mistake := futures.RunThreadsafe(l, func(c *futures.Ctx) (float64, error) {
		made = nextLine()
		f := futures.RunThreadsafe(c.Loop(), half(20))
		at = nextLine()
		v, err := f.Result()
		return v * 2, err
	})
	_, err := futures.WaitResult(t, mistake)
	var rep *futures.DebugReport
	if !errors.Is(err, futures.ErrDeadlock) || !errors.As(err, &rep) {
		t.Fatalf("mistake: err = %v; want a *DebugReport wrapping ErrDeadlock", err)
	}
	if rep.Rule != "selfsubmit" || rep.ID != "FL002" || rep.Call != "futures.(*Future).Result" || rep.CallPos != at || rep.CreatedPos != made {
		t.Errorf("error fields: %+v", rep)
	}
	if s := err.Error(); !strings.HasPrefix(s, "futures debug: selfsubmit (FL002): deadlock: futures.(*Future).Result called at debug_test.go:") {
		t.Errorf("error text %q", s)
	}
	if handed := reps.next(t, "selfsubmit"); handed.String() != rep.String() {
		t.Errorf("handler got %q; Result returned %q", handed, rep)
	}

	inCallback := make(chan error, 1)
	futures.OnLoop(t, l, func() {
		_, err := futures.RunThreadsafe(l, half(20)).ResultContext(context.Background())
		inCallback <- err
	})
	if err := <-inCallback; !errors.Is(err, futures.ErrDeadlock) || !strings.Contains(err.Error(), "futures.(*Future).ResultContext called at") {
		t.Errorf("callback: err = %v; want the deadlock error naming ResultContext", err)
	}
	reps.next(t, "selfsubmit")

	// The fixes: await a Spawn on the loop; wait for RunThreadsafe only
	// from another goroutine; read a future that has already settled.
	fixed := futures.RunThreadsafe(l, func(c *futures.Ctx) (float64, error) {
		v, err := futures.Await(c, futures.Spawn(c.Loop(), half(20)))
		if err != nil {
			return 0, err
		}
		f := futures.RunThreadsafe(c.Loop(), half(v))
		if _, err := futures.Await(c, futures.Wrap(c.Loop(), f)); err != nil {
			return 0, err
		}
		return f.Result() // settled: does not block
	})
	if v, err := futures.WaitResult(t, fixed); v != 5 || err != nil {
		t.Fatalf("fixed = %v, %v; want 5, nil", v, err)
	}
	if v, err := futures.RunThreadsafe(l, half(8)).Result(); v != 4 || err != nil {
		t.Fatalf("from another goroutine = %v, %v; want 4, nil", v, err)
	}
	stop()
	reps.none(t)
}

// offloopCall is one loop-only call, made by use from some goroutine with
// what setup gave it on the loop.
type offloopCall struct {
	api string
	use func(l *futures.Loop, c *futures.Ctx, e *futures.Executor, t *futures.Task[int])
}

func offloopCalls() []offloopCall {
	nop := func() {}
	co := func(*futures.Ctx) (int, error) { return 1, nil }
	job := func() (int, error) { return 1, nil }
	return []offloopCall{
		{"CallSoon", func(l *futures.Loop, _ *futures.Ctx, _ *futures.Executor, _ *futures.Task[int]) { l.CallSoon(nop) }},
		{"CallLater", func(l *futures.Loop, _ *futures.Ctx, _ *futures.Executor, _ *futures.Task[int]) {
			l.CallLater(time.Hour, nop).Stop()
		}},
		{"Spawn", func(l *futures.Loop, _ *futures.Ctx, _ *futures.Executor, _ *futures.Task[int]) {
			futures.Spawn(l, co).Cancel()
		}},
		{"Wrap", func(l *futures.Loop, _ *futures.Ctx, _ *futures.Executor, _ *futures.Task[int]) {
			futures.Wrap(l, futures.NewPromise[int]().Future()).Cancel()
		}},
		{"RunInExecutor", func(l *futures.Loop, _ *futures.Ctx, e *futures.Executor, _ *futures.Task[int]) {
			futures.RunInExecutor(l, e, job).Cancel()
		}},
		{"Await", func(_ *futures.Loop, c *futures.Ctx, _ *futures.Executor, t *futures.Task[int]) { futures.Await(c, t) }},
		{"Sleep", func(_ *futures.Loop, c *futures.Ctx, _ *futures.Executor, _ *futures.Task[int]) { futures.Sleep(c, 0) }},
		{"Gather", func(_ *futures.Loop, c *futures.Ctx, _ *futures.Executor, t *futures.Task[int]) { futures.Gather(c, t) }},
		{"Context", func(_ *futures.Loop, c *futures.Ctx, _ *futures.Executor, _ *futures.Task[int]) { c.Context() }},
	}
}

// Loop-only calls from another goroutine while the loop is busy (a data race
// that the ordinary checks cannot see) panic in debug mode, naming the API
// and the fix, and are reported; the same calls from loop code are quiet.
func TestDebugOffLoopPanics(t *testing.T) {
	e := futures.NewExecutor(1)
	defer e.Shutdown(context.Background())
	l, reps, stop := debugLoop(t, 10*time.Second)
	co := func(*futures.Ctx) (int, error) { return 1, nil }
	for _, call := range offloopCalls() {
		// The coroutine keeps the loop busy while another goroutine makes
		// the call with its Ctx or loop.
		f := futures.RunThreadsafe(l, func(c *futures.Ctx) (any, error) {
			done := futures.Spawn(c.Loop(), co)
			futures.Await(c, done)
			panicked := make(chan any)
			go func() {
				defer func() { panicked <- recover() }()
				call.use(l, c, e, done)
			}()
			return <-panicked, nil
		})
		v, err := futures.WaitResult(t, f)
		msg, _ := v.(string)
		if err != nil || !strings.HasPrefix(msg, "futures: "+call.api+" called at debug_test.go:") ||
			!strings.Contains(msg, "use CallSoonThreadsafe") || !strings.HasSuffix(msg, "(futures debug: offloop, FL005)") {
			t.Errorf("%s off the loop: panic %v, err %v; want the offloop message", call.api, v, err)
		}
		if rep := reps.next(t, "offloop"); rep.Call != call.api || !strings.Contains(rep.CallPos, "debug_test.go:") {
			t.Errorf("%s: report fields %+v", call.api, rep)
		}
	}
	// Task and Timer methods: made on the loop, used from elsewhere.
	var task *futures.Task[int]
	var timer *futures.Timer
	futures.OnLoop(t, l, func() {
		task = futures.Wrap(l, futures.NewPromise[int]().Future())
		timer = l.CallLater(time.Hour, func() {})
	})
	for api, use := range map[string]func(){
		"Task.Then":   func() { task.Then(func(int, error) {}) },
		"Task.Done":   func() { task.Done() },
		"Task.Cancel": func() { task.Cancel() },
		"Timer.Stop":  func() { timer.Stop() },
	} {
		var msg any
		futures.OnLoop(t, l, func() {
			panicked := make(chan any)
			go func() {
				defer func() { panicked <- recover() }()
				use()
			}()
			msg = <-panicked
		})
		if s, _ := msg.(string); !strings.HasPrefix(s, "futures: "+api+" called at debug_test.go:") {
			t.Errorf("%s off the loop: panic %v; want the offloop message", api, msg)
		}
		reps.next(t, "offloop")
	}

	// The same calls from loop code.
	for _, call := range offloopCalls() {
		f := futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) {
			done := futures.Spawn(c.Loop(), co)
			futures.Await(c, done)
			call.use(l, c, e, done)
			return 0, nil
		})
		if _, err := futures.WaitResult(t, f); err != nil {
			t.Errorf("%s on the loop: %v", call.api, err)
		}
	}
	futures.OnLoop(t, l, func() {
		task.Then(func(int, error) {})
		task.Done()
		task.Cancel()
		timer.Stop()
	})
	stop()
	reps.none(t)
}

// A failing task nobody awaited is reported when its loop stops, with the
// place it was spawned; failing tasks that were awaited, gathered, checked
// with Done or handled in Then, and cancelled tasks, are not.
func TestDebugDroppedTaskAtLoopStop(t *testing.T) {
	l, reps, stop := debugLoop(t, 10*time.Second)
	boom := errors.New("boom")
	fail := func(*futures.Ctx) (int, error) { return 7, boom }
	var made string
	f := futures.RunThreadsafe(l, func(c *futures.Ctx) (int, error) {
		l := c.Loop()
		made = nextLine()
		futures.Spawn(l, fail) // dropped
		awaited := futures.Spawn(l, fail)
		gathered := futures.Spawn(l, fail)
		checked := futures.Spawn(l, fail)
		futures.Spawn(l, fail).Then(func(int, error) {})
		futures.Spawn(l, func(c *futures.Ctx) (int, error) { return 0, futures.Sleep(c, time.Hour) }).Cancel()
		futures.Await(c, awaited)
		futures.Gather(c, gathered)
		futures.Sleep(c, 0)
		checked.Done()
		return 0, nil
	})
	if _, err := futures.WaitResult(t, f); err != nil {
		t.Fatal(err)
	}
	reps.none(t)
	stop()
	rep := reps.next(t, "dropped")
	if rep.ID != "FL004" || rep.Err != boom || rep.Value != 7 || rep.Call != "futures.Spawn" || rep.CreatedPos != made ||
		!strings.HasPrefix(rep.Created, "futures_test.TestDebugDroppedTaskAtLoopStop.func") {
		t.Errorf("report fields: %+v", rep)
	}
	want := `task made by futures.Spawn in futures_test.TestDebugDroppedTaskAtLoopStop.func`
	if s := rep.String(); !strings.HasPrefix(s, "futures debug: dropped (FL004): "+want) ||
		!strings.Contains(s, `failed with "boom", and nothing looked at its result (value 7) before its loop stopped`) {
		t.Errorf("String() = %q", s)
	}
	reps.none(t)
}

// A failing future made while debug mode is on process-wide, dropped
// without anyone reading it, is reported once it is garbage collected.
func TestDebugDroppedFutureCollected(t *testing.T) {
	reps := make(reports, 10)
	futures.SetDebug(&futures.DebugOptions{Handler: reps.handler})
	t.Cleanup(func() { futures.SetDebug(nil) })
	e := futures.NewExecutor(1)
	defer e.Shutdown(context.Background())

	collected := make(chan struct{})
	func() {
		read := futures.NewPromise[int]()
		read.Reject(errors.New("read"))
		read.Future().Result()
		runtime.AddCleanup(read.Future(), func(int) { close(collected) }, 0)

		waited := futures.Submit(e, func() (int, error) { return 0, errors.New("waited") })
		<-waited.Done() // Done observes it too

		p := futures.NewPromise[int]()
		p.Reject(errors.New("never read"))
	}()
	futures.SetDebug(nil)
	deadline := time.Now().Add(10 * time.Second)
	var rep futures.DebugReport
wait:
	for {
		runtime.GC()
		select {
		case rep = <-reps:
			break wait
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("no dropped report within 10s")
		}
	}
	if rep.Rule != "dropped" || rep.Err == nil || rep.Err.Error() != "never read" || rep.Call != "futures.NewPromise" ||
		!strings.Contains(rep.String(), "future made by futures.NewPromise in futures_test.TestDebugDroppedFutureCollected.func") ||
		!strings.Contains(rep.String(), "before it was garbage collected") {
		t.Errorf("report: %s (%+v)", rep, rep)
	}
	// The future that was read is collected without a report (and so, as
	// far as can be told, is the one waited for).
	for {
		runtime.GC()
		select {
		case <-collected:
		case <-time.After(10 * time.Millisecond):
			if time.Now().After(deadline) {
				t.Fatal("the read future was not collected within 10s")
			}
			continue
		}
		break
	}
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	reps.none(t)
}

// Reports go to the standard logger by default, and SetDebug after Run
// panics.
func TestDebugDefaultHandlerAndSetDebugMisuse(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	l := futures.NewLoop()
	l.SetDebug(&futures.DebugOptions{})
	futures.Spawn(l, func(*futures.Ctx) (int, error) { return 0, errors.New("lost") })
	l.CallSoon(l.Stop)
	l.Run(context.Background())
	if s := buf.String(); !strings.Contains(s, `futures debug: dropped (FL004): task made by futures.Spawn`) || !strings.Contains(s, `"lost"`) {
		t.Errorf("log output %q; want the dropped report", s)
	}
	defer func() {
		if r, _ := recover().(string); !strings.Contains(r, "SetDebug after Run") {
			t.Errorf("SetDebug after Run: panic %q", r)
		}
	}()
	l.SetDebug(nil)
}

// FUTURES_DEBUG=1 turns debug mode on for the whole process: the child
// below deadlocks on its own loop unless debug mode catches it.
func TestDebugEnvironment(t *testing.T) {
	if os.Getenv("FUTURES_DEBUG_CHILD") == "1" {
		_, err := futures.Run(context.Background(), func(c *futures.Ctx) (int, error) {
			return futures.RunThreadsafe(c.Loop(), func(*futures.Ctx) (int, error) { return 1, nil }).Result()
		})
		fmt.Println("child:", errors.Is(err, futures.ErrDeadlock))
		return
	}
	for env, want := range map[string]string{"1": "child: true", "0": "stalled"} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestDebugEnvironment$")
		cmd.Env = append(os.Environ(), "FUTURES_DEBUG_CHILD=1", "FUTURES_DEBUG="+env)
		out, _ := cmd.Output()
		cancel()
		got := "stalled"
		if strings.Contains(string(out), "child: true") {
			got = "child: true"
		}
		if got != want {
			t.Errorf("FUTURES_DEBUG=%s: %s (output %q); want %s", env, got, out, want)
		}
	}
}

// Code running on one loop is off any other loop: a loop-only call on loop
// L from a callback of loop M panics too.
func TestDebugOffLoopFromAnotherLoop(t *testing.T) {
	l, reps, stop := debugLoop(t, 10*time.Second)
	m, _, stopM := debugLoop(t, 10*time.Second)
	var msg any
	futures.OnLoop(t, m, func() {
		defer func() { msg = recover() }()
		l.CallSoon(func() {})
	})
	if s, _ := msg.(string); !strings.HasPrefix(s, "futures: CallSoon called at debug_test.go:") {
		t.Errorf("CallSoon on L from M's callback: panic %v; want the offloop message", msg)
	}
	reps.next(t, "offloop")
	// On its own loop, the same call is fine with two loops running.
	futures.OnLoop(t, l, func() { l.CallSoon(func() {}) })
	stopM()
	stop()
	reps.none(t)
}
