// Package examples_test runs the example programs: each fix must print its
// result, and each deterministic mistake must show its symptom.
package examples_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

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
	}{
		{"executorfuture", nil, "result: 42\nthe loop kept running while waiting: true\n", 0},
		{"executorfuture", []string{"-mistake"}, "result: 42\nthe loop kept running while waiting: false\n", 0},
		{"selfsubmit", nil, "f(g(10)) = 10, after one Result()\n", 0},
		{"selfsubmit", []string{"-mistake"}, "f(g(10)) = 10, after future.Result().Result()\n", 0},
		{"blockingcallback", nil, "answer: 42\n", 0},
		{"blockingcallback", []string{"-mistake", "-timeout=500ms"}, "mistake: stalled: no result after 500ms; the event loop is blocked\n", 2},
		{"ondonecounter", nil, "counted 1000 of 1000 jobs\n", 0},
		{"droppedfuture", nil, "saved 3 documents, failures seen: [b.txt: disk full]\n", 0},
		{"droppedfuture", []string{"-mistake"}, "saved 3 documents, failures seen: []\n", 0},
		{"offloopcall", nil, "fetched 42, handed back to the loop\n", 0},
		{"offloopcall", []string{"-mistake"}, "the goroutine's CallSoon panicked: futures: CallSoon called from outside the loop's code (the loop is idle); from another goroutine use CallSoonThreadsafe or RunThreadsafe\n", 0},
		{"lockacrossawait", nil, "both coroutines finished: counter = 2\n", 0},
		{"lockacrossawait", []string{"-mistake", "-timeout=500ms"}, "mistake: stalled: no result after 500ms; the event loop is blocked\n", 2},
		{"poolstarvation", nil, "sum of squares: 14\n", 0},
		{"poolstarvation", []string{"-mistake"}, "the inner work never started (the only worker is waiting for it): context deadline exceeded\n", 0},
		// The mistaken counter only sometimes loses increments; its data race
		// is TestOnDoneCounterRaces's.
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
	}
}

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
