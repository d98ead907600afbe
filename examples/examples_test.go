// Package examples_test runs the example programs: each fix must print its
// result, and each deterministic mistake must show its symptom. With -debug,
// the futures runtime's debug mode must report each mistake it can see at
// run time, and stay quiet on the fixes.
package examples_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// blockedFor matches the one part of a debug report that changes from run
// to run: how long the loop had been blocked when the watchdog saw it.
var blockedFor = regexp.MustCompile(`loop blocked for at least [0-9.]+m?s `)

func TestExamples(t *testing.T) {
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", bin+string(filepath.Separator), "./...")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./...: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		example string
		args    []string
		stdout  string
		status  int
		// quiet says standard error must be empty; stderr, when set, is
		// the standard error expected, with blockedFor normalized;
		// stderrStart is what it must start with (for runs that end in a
		// panic and its stack).
		quiet               bool
		stderr, stderrStart string
	}{
		{example: "executorfuture", stdout: "result: 42\nthe loop kept running while waiting: true\n"},
		{example: "executorfuture", args: []string{"-mistake"}, stdout: "result: 42\nthe loop kept running while waiting: false\n"},
		{example: "selfsubmit", stdout: "f(g(10)) = 10, after one Result()\n"},
		{example: "selfsubmit", args: []string{"-mistake"}, stdout: "f(g(10)) = 10, after future.Result().Result()\n"},
		{example: "blockingcallback", stdout: "answer: 42\n"},
		{example: "blockingcallback", args: []string{"-mistake", "-timeout=500ms"}, stdout: "mistake: stalled: no result after 500ms; the event loop is blocked\n", status: 2},
		{example: "ondonecounter", stdout: "counted 1000 of 1000 jobs\n"},
		{example: "droppedfuture", stdout: "saved 3 documents, failures seen: [b.txt: disk full]\n"},
		{example: "droppedfuture", args: []string{"-mistake"}, stdout: "saved 3 documents, failures seen: []\n"},
		{example: "offloopcall", stdout: "fetched 42, handed back to the loop\n"},
		{example: "offloopcall", args: []string{"-mistake"}, stdout: "the goroutine's CallSoon panicked: futures: CallSoon called from outside the loop's code (the loop is idle); from another goroutine use CallSoonThreadsafe or RunThreadsafe\n"},
		{example: "lockacrossawait", stdout: "both coroutines finished: counter = 2\n"},
		{example: "lockacrossawait", args: []string{"-mistake", "-timeout=500ms"}, stdout: "mistake: stalled: no result after 500ms; the event loop is blocked\n", status: 2},
		{example: "poolstarvation", stdout: "sum of squares: 14\n"},
		{example: "poolstarvation", args: []string{"-mistake"}, stdout: "the inner work never started (the only worker is waiting for it): context deadline exceeded\n"},
		// The mistaken counter only sometimes loses increments; its data race
		// is TestOnDoneCounterRaces's.
		{example: "forgottentask", stdout: "saved 2 of 3 records; failed: saving bob: disk full\n"},
		{example: "forgottentask", args: []string{"-mistake"}, stdout: "saved 3 of 3 records\n"},
		{example: "workercallsoon", stdout: "answer: 42\n"},
		{example: "selfsubmit", args: []string{"-mistake", "-wait", "-timeout=500ms"},
			stdout: "mistake: stalled: no result after 500ms; the event loop is blocked\n", status: 2},

		// Debug mode: quiet on every fix. (The threshold is generous so
		// that a loaded machine's scheduling delays are not reported.)
		{example: "executorfuture", args: []string{"-debug", "-debug-threshold=500ms"}, stdout: "result: 42\nthe loop kept running while waiting: true\n", quiet: true},
		{example: "selfsubmit", args: []string{"-debug", "-debug-threshold=500ms"}, stdout: "f(g(10)) = 10, after one Result()\n", quiet: true},
		{example: "blockingcallback", args: []string{"-debug", "-debug-threshold=500ms"}, stdout: "answer: 42\n", quiet: true},
		{example: "ondonecounter", args: []string{"-debug", "-debug-threshold=500ms"}, stdout: "counted 1000 of 1000 jobs\n", quiet: true},
		{example: "forgottentask", args: []string{"-debug", "-debug-threshold=500ms"}, stdout: "saved 2 of 3 records; failed: saving bob: disk full\n", quiet: true},
		{example: "workercallsoon", args: []string{"-debug", "-debug-threshold=500ms"}, stdout: "answer: 42\n", quiet: true},
		// Debug mode on the mistakes.
		{example: "executorfuture", args: []string{"-mistake", "-debug", "-debug-threshold=20ms"},
			stdout: "result: 42\nthe loop kept running while waiting: false\n",
			stderr: "futures debug: loopblock (FL001): loop blocked for at least Nms in coroutine main.run.func1 (main.go:59); loop goroutine is in futures.(*Future).Result called from main.go:29; a callback or coroutine must not block: await instead (Wrap, RunInExecutor, Sleep)\n"},
		{example: "blockingcallback", args: []string{"-mistake", "-debug", "-timeout=500ms"},
			stdout: "mistake: stalled: no result after 500ms; the event loop is blocked\n", status: 2,
			stderr: "futures debug: loopblock (FL001): loop blocked for at least Nms in callback main.waitInCallback.func1 (main.go:36); loop goroutine is in chan receive called from main.go:36; a callback or coroutine must not block: await instead (Wrap, RunInExecutor, Sleep)\n"},
		{example: "selfsubmit", args: []string{"-mistake", "-wait", "-debug"}, status: 1,
			stderr: selfsubmitReport + "\nmistake: " + selfsubmitReport + "\n"},
		// Returning the nested future is needless but does not fail at run
		// time: nothing to report.
		{example: "selfsubmit", args: []string{"-mistake", "-debug", "-debug-threshold=500ms"}, stdout: "f(g(10)) = 10, after future.Result().Result()\n", quiet: true},
		{example: "forgottentask", args: []string{"-mistake", "-debug"}, stdout: "saved 3 of 3 records\n",
			stderr: `futures debug: dropped (FL004): task made by futures.Spawn in main.fireAndForget (main.go:51) failed with "saving bob: disk full", and nothing looked at its result before its loop stopped; Await or Gather it, or handle the error in Then` + "\n"},
		{example: "workercallsoon", args: []string{"-mistake", "-debug"}, status: 2,
			stderrStart: workercallsoonReport + "\npanic: futures: " + strings.TrimPrefix(workercallsoonReport, "futures debug: offloop (FL005): ") + " (futures debug: offloop, FL005)\n"},
	} {
		cmd := exec.Command(filepath.Join(bin, tc.example), tc.args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		status := 0
		if ee, ok := err.(*exec.ExitError); ok {
			status = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if stdout.String() != tc.stdout || status != tc.status {
			t.Errorf("%s %v: exit status %d, stdout %q (stderr %q); want %d, %q",
				tc.example, tc.args, status, stdout.String(), stderr.String(), tc.status, tc.stdout)
		}
		got := blockedFor.ReplaceAllString(stderr.String(), "loop blocked for at least Nms ")
		switch {
		case tc.quiet && got != "":
			t.Errorf("%s %v: stderr %q; want none", tc.example, tc.args, got)
		case tc.stderr != "" && got != tc.stderr:
			t.Errorf("%s %v: stderr\n%s\nwant\n%s", tc.example, tc.args, got, tc.stderr)
		case tc.stderrStart != "" && !strings.HasPrefix(got, tc.stderrStart):
			t.Errorf("%s %v: stderr\n%s\nwant it to start with\n%s", tc.example, tc.args, got, tc.stderrStart)
		}
	}
}

const (
	selfsubmitReport = "futures debug: selfsubmit (FL002): deadlock: futures.(*Future).Result called at main.go:58 on the loop that must run the coroutine started by RunThreadsafe in main.halfThenDoubleWaits (main.go:56): the loop cannot run it while it waits, so the wait would never end; in loop code, Await(c, Spawn(c.Loop(), co)) or call the coroutine directly"

	workercallsoonReport = "futures debug: offloop (FL005): CallSoon called at main.go:32 from a goroutine that is not running the loop's code; loop-only calls from other goroutines race with the loop: from another goroutine, use CallSoonThreadsafe to run a callback on the loop, or RunThreadsafe to start a coroutine there"
)

// TestOnDoneCounterRaces builds the OnDone counter with the race detector:
// the fix never races; the mistake does, and the detector reports it. The
// detector sees a race only when the racing writes happen to overlap, so the
// mistake gets up to three runs to show it.
func TestOnDoneCounterRaces(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "ondonecounter")
	build := exec.Command("go", "build", "-race", "-o", bin, "./ondonecounter")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -race: %v\n%s", err, out)
	}
	races := func(args ...string) (bool, string) {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, args...)
		cmd.Stderr = &stderr
		cmd.Run() // the exit status is the race detector's or a stall's; the report is what counts
		return strings.Contains(stderr.String(), "WARNING: DATA RACE"), stderr.String()
	}
	if raced, out := races(); raced {
		t.Errorf("ondonecounter (the fix) races:\n%s", out)
	}
	for range 3 {
		if raced, _ := races("-mistake", "-timeout=5s"); raced {
			return
		}
	}
	t.Error("ondonecounter -mistake: the race detector reported no race in three runs")
}
