// Package demo runs an example's fixed version, or its mistake behind
// -mistake, and reports a stall instead of hanging when the mistake blocks
// the event loop for good. With -debug it runs the futures runtime in debug
// mode, whose reports go to standard error.
package demo

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/futurelint/futurelint/futures"
)

// Main parses the command line, runs fixed (or mistake with -mistake) and
// prints its result. A version that gives no result within -timeout is
// reported as stalled, with exit status 2.
func Main(fixed, mistake func() (string, error)) {
	useMistake := flag.Bool("mistake", false, "run the mistaken version instead of the fix")
	timeout := flag.Duration("timeout", 2*time.Second, "report a stall when there is no result after this long")
	debug := flag.Bool("debug", false, "run the futures runtime in debug mode (as FUTURES_DEBUG=1 does)")
	threshold := flag.Duration("debug-threshold", futures.DefaultBlockThreshold, "with -debug, report a callback or coroutine step holding the loop longer than this")
	flag.Parse()
	if *debug {
		// Reports go to the standard logger (the default handler); without
		// timestamps, the output is the same from run to run.
		log.SetFlags(0)
		futures.SetDebug(&futures.DebugOptions{BlockThreshold: *threshold})
	}
	run, name := fixed, "fixed"
	if *useMistake {
		run, name = mistake, "mistake"
	}
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := run()
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, r.err)
			os.Exit(1)
		}
		fmt.Println(r.out)
	case <-time.After(*timeout):
		fmt.Printf("%s: stalled: no result after %v; the event loop is blocked\n", name, *timeout)
		os.Exit(2)
	}
}
