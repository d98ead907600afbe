package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/analyzer"
)

// binary is futurelint, built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "futurelint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "futurelint")
	// A cache of the test's own, so runs start cold and leave nothing behind.
	os.Setenv("FUTURELINT_CACHE", filepath.Join(dir, "cache"))
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building futurelint: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testdata is the module the tests lint; its go.mod replaces futurelint with
// this checkout.
const testdata = "testdata"

type result struct {
	stdout, stderr string
	code           int
}

// run runs name with args in dir and returns what it printed and its exit
// status; it fails the test if the command could not run at all.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
		}
		r.code = ee.ExitCode()
	}
	if crash.MatchString(r.stderr) {
		t.Errorf("%s %s panicked:\n%s", name, strings.Join(args, " "), r.stderr)
	}
	return r
}

// crash matches the output of a Go program that died of a panic.
var crash = regexp.MustCompile(`(?m)^(panic: |goroutine \d+ \[)`)

func futurelint(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, binary, args...)
}

func requireRules(t *testing.T) {
	t.Helper()
	if len(analyzer.Rules) == 0 {
		t.Fatal("the suite has no rules")
	}
}

// finding is one diagnostic: where, and (when known) which rule.
type finding struct {
	pos  string // file:line:col, file relative to the module directory
	rule string
}

func (f finding) String() string { return f.pos + ": " + f.rule }

// diagLine matches a diagnostic printed as text:
// file:line:col: rule: message, or file:line:col: rule (error): message.
var diagLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (\w+)(?: \(error\))?: (.+)$`)

// textFindings returns the text diagnostics in out, sorted, with file
// names made relative to dir.
func textFindings(t *testing.T, dir, out string) []finding {
	t.Helper()
	var fs []finding
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		m := diagLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		fs = append(fs, finding{rel(t, dir, m[1]) + ":" + m[2] + ":" + m[3], m[4]})
	}
	sortFindings(fs)
	return fs
}

func rel(t *testing.T, dir, file string) string {
	t.Helper()
	if !filepath.IsAbs(file) {
		return filepath.ToSlash(file)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := filepath.Rel(abs, file)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(r)
}

// jsonDiagnostic is a diagnostic of futurelint -json.
type jsonDiagnostic struct {
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// parseJSON reads futurelint -json output: package → rule → diagnostics
// (or an {"error": ...} object, which fails the test).
func parseJSON(t *testing.T, out string) map[string]map[string][]jsonDiagnostic {
	t.Helper()
	var raw map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, out)
	}
	tree := map[string]map[string][]jsonDiagnostic{}
	for pkg, rules := range raw {
		tree[pkg] = map[string][]jsonDiagnostic{}
		for rule, msg := range rules {
			var ds []jsonDiagnostic
			if err := json.Unmarshal(msg, &ds); err != nil {
				t.Errorf("%s: %s: not a list of diagnostics: %s", pkg, rule, msg)
				continue
			}
			tree[pkg][rule] = ds
		}
	}
	return tree
}

// jsonFindings flattens a -json tree into sorted findings.
func jsonFindings(t *testing.T, dir string, tree map[string]map[string][]jsonDiagnostic) []finding {
	t.Helper()
	var fs []finding
	for _, rules := range tree {
		for rule, ds := range rules {
			for _, d := range ds {
				m := regexp.MustCompile(`^(.+\.go):(\d+):(\d+)$`).FindStringSubmatch(d.Posn)
				if m == nil {
					t.Fatalf("bad posn %q", d.Posn)
				}
				fs = append(fs, finding{rel(t, dir, m[1]) + ":" + m[2] + ":" + m[3], rule})
			}
		}
	}
	sortFindings(fs)
	return fs
}

func sortFindings(fs []finding) {
	slices.SortFunc(fs, func(a, b finding) int { return strings.Compare(a.String(), b.String()) })
}

// golden reads testdata/findings.golden: one "file:line:col: rule" a line.
func golden(t *testing.T) []finding {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdata, "findings.golden"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []finding
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndex(line, ": ")
		fs = append(fs, finding{line[:i], line[i+2:]})
	}
	sortFindings(fs)
	return fs
}

func diff[T fmt.Stringer](got, want []T) string {
	var b strings.Builder
	str := func(xs []T) []string {
		var ss []string
		for _, x := range xs {
			ss = append(ss, x.String())
		}
		return ss
	}
	g, w := str(got), str(want)
	for _, x := range w {
		if !slices.Contains(g, x) {
			fmt.Fprintf(&b, "missing: %s\n", x)
		}
	}
	for _, x := range g {
		if !slices.Contains(w, x) {
			fmt.Fprintf(&b, "unexpected: %s\n", x)
		}
	}
	return b.String()
}

// TestFindings runs futurelint over the testdata package that makes every
// mistake once, in text and JSON form, and checks the exact findings.
func TestFindings(t *testing.T) {
	want := golden(t)

	r := futurelint(t, testdata, "./app")
	if r.code != 3 {
		t.Errorf("futurelint ./app: exit status %d, want 3 (findings)\nstderr:\n%s", r.code, r.stderr)
	}
	if d := diff(textFindings(t, testdata, r.stderr), want); d != "" {
		t.Errorf("futurelint ./app: text findings differ from findings.golden:\n%s\nstderr:\n%s", d, r.stderr)
	}

	j := futurelint(t, testdata, "-json", "./app")
	if j.code != 0 {
		t.Errorf("futurelint -json ./app: exit status %d, want 0 (with -json, findings are data)\nstderr:\n%s", j.code, j.stderr)
	}
	tree := parseJSON(t, j.stdout)
	if d := diff(jsonFindings(t, testdata, tree), want); d != "" {
		t.Errorf("futurelint -json ./app: findings differ from findings.golden:\n%s\nstdout:\n%s", d, j.stdout)
	}
	if _, ok := tree["futurelint.test/cmd/app"]; !ok {
		t.Errorf("-json output has no entry for package futurelint.test/cmd/app: %s", j.stdout)
	}
	for _, rules := range tree {
		for rule, ds := range rules {
			for _, d := range ds {
				if d.Message == "" || d.End == "" {
					t.Errorf("%s at %s: empty message or end position", rule, d.Posn)
				}
			}
		}
	}
}

// TestClean checks correct futures code, and a suppressed finding, give no
// output and exit status 0.
func TestClean(t *testing.T) {
	r := futurelint(t, testdata, "./clean")
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Errorf("futurelint ./clean: exit status %d, output %q %q; want 0 and nothing", r.code, r.stdout, r.stderr)
	}
	j := futurelint(t, testdata, "-json", "./clean")
	if j.code != 0 {
		t.Errorf("futurelint -json ./clean: exit status %d", j.code)
	}
	if fs := jsonFindings(t, testdata, parseJSON(t, j.stdout)); len(fs) != 0 {
		t.Errorf("futurelint -json ./clean: findings %v, want none", fs)
	}
}

// TestRuleFlags checks -<rule> runs only that rule and -<rule>=false
// leaves it out.
func TestRuleFlags(t *testing.T) {
	requireRules(t)
	want := golden(t)
	for _, r := range analyzer.Rules {
		name := r.Analyzer.Name
		var only, others []finding
		for _, f := range want {
			if f.rule == name {
				only = append(only, f)
			} else {
				others = append(others, f)
			}
		}
		if len(only) == 0 {
			t.Errorf("findings.golden has no %s finding; testdata/app should make every rule's mistake", name)
		}
		got := jsonFindings(t, testdata, parseJSON(t, futurelint(t, testdata, "-json", "-"+name, "./app").stdout))
		if d := diff(got, only); d != "" {
			t.Errorf("-%s: %s", name, d)
		}
		got = jsonFindings(t, testdata, parseJSON(t, futurelint(t, testdata, "-json", "-"+name+"=false", "./app").stdout))
		if d := diff(got, others); d != "" {
			t.Errorf("-%s=false: %s", name, d)
		}
	}
}

// copyModule copies the testdata module into a new directory, with its
// replace directive pointing at this checkout, so fixes can rewrite it.
func copyModule(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(testdata, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(testdata, path)
		if d.IsDir() {
			if r == "xtools" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, r), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, r), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	gomod := filepath.Join(dst, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(data), "=> ../../..", "=> "+root, 1)
	if fixed == string(data) {
		t.Fatal("testdata/go.mod has no replace => ../../..")
	}
	if err := os.WriteFile(gomod, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestFix applies the suggested fixes to a copy of the testdata module and
// checks the result against fixed/app.go.golden, that it builds, and that
// only the findings that came without a fix are left.
func TestFix(t *testing.T) {
	var unfixable []finding
	for _, rules := range parseJSON(t, futurelint(t, testdata, "-json", "./app").stdout) {
		for rule, ds := range rules {
			for _, d := range ds {
				if len(d.SuggestedFixes) == 0 {
					unfixable = append(unfixable, finding{rel(t, testdata, strings.TrimSuffix(d.Posn, ":"+lineCol(d.Posn))) + ":" + lineCol(d.Posn), rule})
				}
			}
		}
	}
	sortFindings(unfixable)

	dir := copyModule(t)
	r := futurelint(t, dir, "-fix", "./app")
	if r.code != 0 {
		t.Errorf("futurelint -fix ./app: exit status %d\nstderr:\n%s", r.code, r.stderr)
	}
	checkFixed(t, dir)
	left := jsonFindings(t, dir, parseJSON(t, futurelint(t, dir, "-json", "./app").stdout))
	if d := diff(left, unfixable); d != "" {
		t.Errorf("after -fix, the findings left are not those that came without a fix:\n%s", d)
	}
}

// lineCol is the "line:col" end of a "file:line:col" position.
func lineCol(posn string) string {
	i := strings.LastIndex(posn, ":")
	j := strings.LastIndex(posn[:i], ":")
	return posn[j+1:]
}

func checkFixed(t *testing.T, dir string) {
	t.Helper()
	got := readFile(t, filepath.Join(dir, "app", "app.go"))
	want := readFile(t, filepath.Join(testdata, "fixed", "app.go.golden"))
	if got != want {
		t.Errorf("fixed app/app.go differs from testdata/fixed/app.go.golden:\n--- got\n%s\n--- want\n%s", got, want)
	}
	if b := run(t, dir, "go", "build", "./app"); b.code != 0 {
		t.Errorf("fixed app/app.go does not build:\n%s", b.stderr)
	}
}

// TestDiff checks -fix -diff prints the fixes and changes nothing.
func TestDiff(t *testing.T) {
	dir := copyModule(t)
	before := readFile(t, filepath.Join(dir, "app", "app.go"))
	r := futurelint(t, dir, "-fix", "-diff", "./app")
	if r.code != 0 {
		t.Errorf("futurelint -fix -diff ./app: exit status %d\nstderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "--- ") || !strings.Contains(r.stdout, "+++ ") || !strings.Contains(r.stdout, "@@") {
		t.Errorf("futurelint -fix -diff printed no unified diff:\n%s", r.stdout)
	}
	if after := readFile(t, filepath.Join(dir, "app", "app.go")); after != before {
		t.Error("futurelint -fix -diff changed app/app.go")
	}
	// The diff is the fix: applied to app.go, it gives what -fix writes.
	want := readFile(t, filepath.Join(testdata, "fixed", "app.go.golden"))
	if got := patched(t, before, r.stdout); got != want {
		t.Errorf("app/app.go patched with the diff of -fix -diff:\n%s\nwant testdata/fixed/app.go.golden:\n%s", got, want)
	}
	if d := futurelint(t, dir, "-diff", "./app"); d != r {
		t.Errorf("futurelint -diff printed\n%s\nwant what -fix -diff prints:\n%s", d.stdout, r.stdout)
	}
}

// TestVet runs futurelint as a go vet tool.
func TestVet(t *testing.T) {
	want := golden(t)
	r := run(t, testdata, "go", "vet", "-vettool="+binary, "./app")
	if r.code == 0 {
		t.Errorf("go vet -vettool=futurelint ./app: exit status 0, want non-zero (findings)")
	}
	if d := diff(textFindings(t, testdata, r.stderr), want); d != "" {
		t.Errorf("go vet -vettool=futurelint ./app: findings differ from findings.golden:\n%s\nstderr:\n%s", d, r.stderr)
	}

	j := run(t, testdata, "go", "vet", "-vettool="+binary, "-json", "./app")
	if d := diff(jsonFindings(t, testdata, parseJSON(t, j.stdout)), want); d != "" {
		t.Errorf("go vet -vettool=futurelint -json ./app: %s\n%s", d, j.stdout)
	}

	c := run(t, testdata, "go", "vet", "-vettool="+binary, "./clean")
	if c.code != 0 || c.stderr != "" {
		t.Errorf("go vet -vettool=futurelint ./clean: exit status %d, stderr %q; want 0 and nothing", c.code, c.stderr)
	}

	dir := copyModule(t)
	f := run(t, dir, "go", "vet", "-vettool="+binary, "-fix", "./app")
	if f.code != 0 {
		t.Errorf("go vet -vettool=futurelint -fix ./app: exit status %d\n%s", f.code, f.stderr)
	}
	checkFixed(t, dir)
}

// TestBroken checks packages that do not build give a clear error naming
// the problem, and exit status 1, in both drivers.
func TestBroken(t *testing.T) {
	for _, tc := range []struct{ pkg, want string }{
		{"./broken/syntax", "broken/syntax/syntax.go:3:14"},
		{"./broken/types", `broken/types/types.go:4:9: cannot use "not an int"`},
		{"./broken/missingimport", "nosuchpackage/anywhere"},
		{"./nosuchdir", "nosuchdir"},
	} {
		r := futurelint(t, testdata, tc.pkg)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("futurelint %s: exit status %d, stderr:\n%s\nwant status 1 and %q", tc.pkg, r.code, r.stderr, tc.want)
		}
		j := futurelint(t, testdata, "-json", tc.pkg)
		if j.code != 1 {
			t.Errorf("futurelint -json %s: exit status %d, want 1", tc.pkg, j.code)
		}
		v := run(t, testdata, "go", "vet", "-vettool="+binary, tc.pkg)
		if v.code == 0 || !strings.Contains(v.stderr, tc.want) {
			t.Errorf("go vet -vettool=futurelint %s: exit status %d, stderr:\n%s\nwant non-zero and %q", tc.pkg, v.code, v.stderr, tc.want)
		}
	}
}

// TestBadCommandLine checks malformed invocations exit 1 with a message.
func TestBadCommandLine(t *testing.T) {
	requireRules(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-nosuchflag", "./app"}, "flag provided but not defined: -nosuchflag"},
		{[]string{"-" + analyzer.Rules[0].Analyzer.Name + "=maybe", "./app"}, "invalid boolean value"},
		{[]string{"-V=short"}, "unsupported flag value: -V=short"},
		{[]string{"-c=many", "./app"}, "invalid value"},
		{nil, "Usage:"},
		{[]string{"help", "nosuchrule"}, `unknown rule "nosuchrule"`},
	} {
		r := futurelint(t, testdata, tc.args...)
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("futurelint %s: exit status %d, stderr:\n%s\nwant status 1 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
	r := futurelint(t, testdata, "-h")
	if r.code != 0 || !strings.Contains(r.stdout, "futurelint help") {
		t.Errorf("futurelint -h: exit status %d, stdout %q; want 0 and usage", r.code, r.stdout)
	}
}

// TestVersion checks the -V=full protocol go vet uses to cache results.
func TestVersion(t *testing.T) {
	r := futurelint(t, testdata, "-V=full")
	if r.code != 0 || !regexp.MustCompile(`^\S*futurelint version \S+.* buildID=[0-9a-f]+\n$`).MatchString(r.stdout) {
		t.Errorf("futurelint -V=full: exit status %d, stdout %q", r.code, r.stdout)
	}
}

// TestHelp checks `futurelint help <rule>` prints the rule's documentation
// and link, by name or ID, and `futurelint help` lists every rule.
func TestHelp(t *testing.T) {
	requireRules(t)
	for _, rule := range analyzer.Rules {
		a := rule.Analyzer
		for _, name := range []string{a.Name, rule.ID} {
			r := futurelint(t, testdata, "help", name)
			if r.code != 0 {
				t.Errorf("futurelint help %s: exit status %d", name, r.code)
			}
			if !strings.HasPrefix(r.stdout, a.Name+" ("+rule.ID+"): ") || !strings.Contains(r.stdout, a.Doc) {
				t.Errorf("futurelint help %s does not print the rule's documentation:\n%s", name, r.stdout)
			}
			if a.URL == "" || !strings.Contains(r.stdout, a.URL) {
				t.Errorf("futurelint help %s does not print the rule's URL %q", name, a.URL)
			}
		}
	}
	r := futurelint(t, testdata, "help")
	for _, rule := range analyzer.Rules {
		if !strings.Contains(r.stdout, rule.Analyzer.Name) {
			t.Errorf("futurelint help does not list %s:\n%s", rule.Analyzer.Name, r.stdout)
		}
	}
}
