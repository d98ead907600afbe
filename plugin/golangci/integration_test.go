package golangci

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// gclDir is a module of its own: golangci-lint v2.15.0 with this plugin built
// in, as `golangci-lint custom` would build it, and a package to lint.
const gclDir = "testdata/gcl"

// TestGolangciLint builds the custom golangci-lint and runs it over
// testdata/gcl/sample: every line marked "want:" must be reported, tagged
// (futurelint), and nothing else; //nolint:futurelint must silence a line;
// bad plugin settings must stop the run with the plugin's error.
func TestGolangciLint(t *testing.T) {
	if os.Getenv("CI") == "" && os.Getenv("FUTURELINT_GOLANGCI") == "" {
		t.Skip("slow (builds golangci-lint, minutes): set CI=true or FUTURELINT_GOLANGCI=1; .ci/run does")
	}
	tmp := t.TempDir()
	gcl := filepath.Join(tmp, "golangci-lint")
	build := exec.Command("go", "build", "-o", gcl, ".")
	build.Dir = gclDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building golangci-lint with the plugin: %v\n%s", err, out)
	}

	run := func(args ...string) (string, int) {
		cmd := exec.Command(gcl, args...)
		cmd.Dir = gclDir
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "cache"))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), code
	}

	out, code := run("run", "--output.text.colors=false", "./sample/...")
	if code != 1 {
		t.Errorf("golangci-lint run: exit status %d, want 1 (issues found)\n%s", code, out)
	}
	// golangci-lint prints file:line:col: rule: message (linter).
	var got []string
	issue := regexp.MustCompile(`^((?:sample|custom)/\S+\.go):(\d+):\d+: (\w+): .+ \((\w+)\)$`)
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if m := issue.FindStringSubmatch(sc.Text()); m != nil {
			if m[4] != "futurelint" {
				t.Errorf("issue from linter %q, want futurelint: %s", m[4], sc.Text())
			}
			got = append(got, m[1]+":"+m[2]+": "+m[3])
		}
	}
	want := wantLines(t, filepath.Join(gclDir, "sample", "sample.go"), "sample/sample.go")
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("golangci-lint reported lines %v, want %v\noutput:\n%s", got, want, out)
	}
	// The deadlock of AskSelf is proved by Blocking from the SchedulesFact
	// package ask exports, read through Analyzer's Result.
	if !strings.Contains(out, "ask.Ask submits to the current loop, then waits for it: a deadlock") {
		t.Errorf("golangci-lint did not prove AskSelf's deadlock from package ask's facts:\n%s", out)
	}

	out, code = run("run", "-c", "bad-settings.golangci.yml", "./sample/...")
	if code == 0 || !strings.Contains(out, `unknown field "enabled"`) {
		t.Errorf("golangci-lint with an unknown plugin setting: exit status %d, want non-zero and the plugin's error\n%s", code, out)
	}

	// Without settings describing it, the custom loop is unknown: quiet.
	out, code = run("run", "--output.text.colors=false", "./custom/...")
	if code != 0 {
		t.Errorf("golangci-lint on an undescribed loop: exit status %d, want 0\n%s", code, out)
	}
	// A config file named in the settings describes it: its mistakes
	// are found, in its words.
	out, code = run("run", "--output.text.colors=false", "-c", "packages.golangci.yml", "./custom/...")
	got = nil
	sc = bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if m := issue.FindStringSubmatch(sc.Text()); m != nil {
			got = append(got, m[1]+":"+m[2]+": "+m[3])
		}
	}
	want = wantLines(t, filepath.Join(gclDir, "custom", "app", "app.go"), "custom/app/app.go")
	if code != 1 || !slices.Equal(got, want) || !strings.Contains(out, "blocks the custom loop") {
		t.Errorf("golangci-lint with a config setting: exit status %d, lines %v, want 1 and %v in the loop's words\n%s", code, got, want, out)
	}
	for _, tc := range []struct{ config, want string }{
		{"bad-packages.golangci.yml", `futurelint: settings: config: custom/bad.json:7:28: unknown key "block"`},
		{"typo-packages.golangci.yml", `custom/typo.json:7:9: type futurelint.test/gcl/custom/loop.Future has no method Wiat`},
	} {
		out, code = run("run", "-c", tc.config, "./custom/...")
		if code == 0 || code == 1 || !strings.Contains(out, tc.want) {
			t.Errorf("golangci-lint -c %s: exit status %d, want an error (not 0 or 1: issues) saying %q\n%s", tc.config, code, tc.want, out)
		}
	}
}

// wantLines returns "name:line: rule" for every line of file with a
// "// want: rule" marker, sorted.
func wantLines(t *testing.T, file, name string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i, l := range strings.Split(string(data), "\n") {
		if _, rule, ok := strings.Cut(l, "// want: "); ok {
			lines = append(lines, name+":"+strconv.Itoa(i+1)+": "+strings.TrimSpace(rule))
		}
	}
	slices.Sort(lines)
	return lines
}
