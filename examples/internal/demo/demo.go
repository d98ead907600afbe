// Package demo runs an example's fixed version, or its mistake behind
// -mistake, and reports a stall instead of hanging when the mistake blocks
// the event loop for good.
package demo

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// Main parses the command line, runs fixed (or mistake with -mistake) and
// prints its result. A version that gives no result within -timeout is
// reported as stalled, with exit status 2.
func Main(fixed, mistake func() (string, error)) {
	useMistake := flag.Bool("mistake", false, "run the mistaken version instead of the fix")
	timeout := flag.Duration("timeout", 2*time.Second, "report a stall when there is no result after this long")
	flag.Parse()
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
