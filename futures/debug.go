package futures

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// DebugOptions configures debug mode (see the package documentation, "Debug
// mode"). The zero value gives the defaults.
type DebugOptions struct {
	// BlockThreshold is how long one callback or coroutine step may hold
	// the loop before the watchdog reports it (loopblock). Zero means
	// DefaultBlockThreshold.
	BlockThreshold time.Duration
	// Handler receives every report. It may be called from any goroutine
	// (the loop's watchdog, the goroutine that made the mistake, or the
	// runtime's cleanup goroutine), so it must be safe for concurrent use,
	// and it must not block on the loop. Nil means the standard logger:
	// log.Print(r.String()).
	Handler func(DebugReport)
}

// DefaultBlockThreshold is the BlockThreshold used when none is given.
const DefaultBlockThreshold = 100 * time.Millisecond

// ErrDeadlock is wrapped by the error that Future.Result and
// Future.ResultContext return in debug mode instead of waiting forever (see
// DebugReport).
var ErrDeadlock = errors.New("futures: deadlock")

// debugDefault holds the process-wide debug options: loops and futures
// created while it is set run in debug mode.
var debugDefault atomic.Pointer[DebugOptions]

func init() {
	if os.Getenv("FUTURES_DEBUG") == "1" {
		SetDebug(&DebugOptions{})
	}
}

// SetDebug turns debug mode on for the whole process (opts != nil) or off
// (opts == nil): loops made by NewLoop or Run, and futures made by
// NewPromise, Submit and RunThreadsafe, after the call run in debug mode with
// opts. Loops and futures made earlier keep the mode they were made with.
// Running a program with the environment variable FUTURES_DEBUG=1 (read once,
// at start) is the same as calling SetDebug(&DebugOptions{}) first thing.
// SetDebug may be called from any goroutine.
func SetDebug(opts *DebugOptions) {
	if opts == nil {
		debugDefault.Store(nil)
		return
	}
	o := opts.normalized()
	debugDefault.Store(&o)
}

// SetDebug turns debug mode on (opts != nil) or off (opts == nil) for l,
// whatever the process-wide setting. Call it before Run, from the goroutine
// that sets the loop up; it panics once the loop has started.
func (l *Loop) SetDebug(opts *DebugOptions) {
	if l == nil {
		misuse("SetDebug on a nil Loop")
	}
	if loopState(l.state.Load()) != loopNew {
		misuse("Loop.SetDebug after Run started the loop; call it before Run")
	}
	if opts == nil {
		l.dbg = nil
		return
	}
	l.dbg = newLoopDebug(opts.normalized())
}

func (o *DebugOptions) normalized() DebugOptions {
	n := *o
	if n.BlockThreshold <= 0 {
		n.BlockThreshold = DefaultBlockThreshold
	}
	return n
}

// report hands r to the handler, or logs it. A panicking handler is logged:
// it must not take the loop or the reporting goroutine down.
func (o *DebugOptions) report(r DebugReport) {
	if o.Handler == nil {
		log.Print(r.String())
		return
	}
	defer func() {
		if v := recover(); v != nil {
			logPanic("debug report handler", newPanicError(v))
		}
	}()
	o.Handler(r)
}

// DebugReport is one finding of debug mode. Rule and ID name the futurelint
// rule that finds the same mistake in source code; the other fields are set
// as the rule calls for. Positions are "file:line" with the file's full path.
type DebugReport struct {
	Rule string // "loopblock", "selfsubmit", "offloop" or "dropped"
	ID   string // the rule's ID: "FL001", "FL002", "FL005" or "FL004"

	// Call is the API involved: the blocking call the loop is in
	// (loopblock, e.g. "futures.(*Future).Result" or "chan receive"), the
	// call that would deadlock (selfsubmit) or was made off the loop
	// (offloop), or the API that made the dropped future or task.
	Call string
	// CallPos is where Call was called from.
	CallPos string

	// Func is the callback or coroutine function holding the loop
	// (loopblock), and FuncKind says which ("callback" or "coroutine");
	// FuncPos is the line of Func being run.
	Func     string
	FuncKind string
	FuncPos  string
	// Duration is how long, at least, the loop had been held when it was
	// reported (loopblock): the watchdog times an item from the first time
	// it sees it running.
	Duration time.Duration

	// Created is where the future or task was made (dropped, selfsubmit):
	// the function and position of the first caller outside this package.
	Created    string
	CreatedPos string

	// Err is the error: the unobserved failure (dropped), or ErrDeadlock
	// (selfsubmit). Value is the dropped future's or task's value.
	Err   error
	Value any

	// Stack is the stack of the goroutine concerned: the goroutine holding
	// the loop (loopblock) or the one that made the call (selfsubmit,
	// offloop), as printed by runtime.Stack.
	Stack string

	text string // the message after "futures debug: rule (ID): "
}

// String is the report as one line: "futures debug: <rule> (<ID>): " and
// what went wrong, with positions shortened to file base names.
func (r DebugReport) String() string {
	return fmt.Sprintf("futures debug: %s (%s): %s", r.Rule, r.ID, r.text)
}

// Error makes a *DebugReport the error that Result returns instead of
// deadlocking; it is String.
func (r *DebugReport) Error() string { return r.String() }

// Unwrap returns Err, so errors.Is(err, ErrDeadlock) holds for that error.
func (r *DebugReport) Unwrap() error { return r.Err }

// shortPos shortens "dir/file.go:12" to "file.go:12".
func shortPos(pos string) string {
	if pos == "" {
		return "?"
	}
	return filepath.Base(pos)
}

// shortFunc drops the import path of a function name and any type
// arguments: "github.com/x/futures.(*Future[...]).Result" becomes
// "futures.(*Future).Result".
func shortFunc(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	return strings.ReplaceAll(fn, "[...]", "")
}
