// Package examples_test runs the example programs: each fix must print its
// result, and each deterministic mistake must show its symptom.
package examples_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
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
		// The mistaken counter loses increments only sometimes (it is a data
		// race; go run -race shows it every time), so only the fix is checked.
		{"ondonecounter", nil, "counted 1000 of 1000 jobs\n", 0},
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
