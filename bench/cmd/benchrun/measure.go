package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A command is one measured program invocation.
type command struct {
	dir  string
	env  []string // added to the inherited environment, KEY=VALUE
	args []string
	ok   []int // exit codes that mean it ran to completion
	// dropStdout discards the standard output instead of keeping it for
	// the log: go list's JSON on std is tens of MB, which would grow this
	// process, and every child's peak RSS counts its parent's at fork.
	dropStdout bool
}

// String is the command as a shell line, for RESULTS.md.
func (c command) String() string {
	var b strings.Builder
	if len(c.env) > 0 {
		b.WriteString(strings.Join(c.env, " "))
		b.WriteString(" ")
	}
	b.WriteString(strings.Join(c.args, " "))
	return b.String()
}

// A sample is one run of a command.
type sample struct {
	wall        time.Duration
	cpu         time.Duration // user+system, the process and its waited-for children
	maxRSS      int64         // KiB, the largest single process (see RESULTS.md)
	diagnostics int           // output lines of the form file:line:col: message
}

var diagnosticLine = regexp.MustCompile(`(?m)^[^\s:][^:]*\.go:\d+:\d+: `)

// measure runs c once and reports its cost. Output goes to log.
func measure(c command, log *os.File) (sample, error) {
	cmd := exec.Command(c.args[0], c.args[1:]...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), c.env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	if c.dropStdout {
		cmd.Stdout = io.Discard
	}
	cmd.Stderr = &out
	fmt.Fprintf(log, "$ (cd %s && %s)\n", c.dir, c)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	log.Write(out.Bytes())
	code := 0
	if err != nil {
		ee, isExit := err.(*exec.ExitError)
		if !isExit {
			return sample{}, fmt.Errorf("%s: %v", c, err)
		}
		code = ee.ExitCode()
	}
	fmt.Fprintf(log, "# exit %d, %.2fs\n\n", code, wall.Seconds())
	if !slices.Contains(append([]int{0}, c.ok...), code) {
		return sample{}, fmt.Errorf("%s (in %s): exit code %d\n%s", c, c.dir, code, tail(out.String(), 20))
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return sample{
		wall:        wall,
		cpu:         time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		maxRSS:      ru.Maxrss,
		diagnostics: len(diagnosticLine.FindAllIndex(out.Bytes(), -1)),
	}, nil
}

func tail(s string, lines int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return strings.Join(ls, "\n")
}

// A series is the samples of one command.
type series struct {
	cmd     command
	before  func() error // runs before every sample, unmeasured
	samples []sample
}

func median[T int64 | time.Duration | int](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func (s *series) walls() []time.Duration {
	var xs []time.Duration
	for _, x := range s.samples {
		xs = append(xs, x.wall)
	}
	return xs
}

func (s *series) wall() time.Duration { return median(s.walls()) }

func (s *series) cpu() time.Duration {
	var xs []time.Duration
	for _, x := range s.samples {
		xs = append(xs, x.cpu)
	}
	return median(xs)
}

func (s *series) rss() int64 {
	var xs []int64
	for _, x := range s.samples {
		xs = append(xs, x.maxRSS)
	}
	return median(xs)
}

func (s *series) diagnostics() int {
	var xs []int
	for _, x := range s.samples {
		xs = append(xs, x.diagnostics)
	}
	return median(xs)
}

// spread is (max-min)/median of the wall times: how noisy the series is.
func (s *series) spread() float64 {
	ws := s.walls()
	if len(ws) < 2 {
		return 0
	}
	return float64(slices.Max(ws)-slices.Min(ws)) / float64(median(ws))
}
