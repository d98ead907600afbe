package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// marker is the comment that marks a mistake in the examples.
var marker = regexp.MustCompile(`// futurelint reports (\w+(?:, \w+)*)`)

// TestExamplesReportExactlyTheMistakes runs futurelint over examples/ and
// checks it reports each marked mistake, by the marked rule, and nothing else:
// the fixes next to the mistakes must stay quiet.
func TestExamplesReportExactlyTheMistakes(t *testing.T) {
	root := filepath.Join("..", "..")
	var want []finding
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(root, path)
		for i, line := range strings.Split(string(data), "\n") {
			if m := marker.FindStringSubmatch(line); m != nil {
				for _, rule := range strings.Split(m[1], ", ") {
					want = append(want, finding{filepath.ToSlash(name) + ":" + strconv.Itoa(i+1), rule})
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("no marked mistakes in examples/")
	}
	sortFindings(want)

	r := futurelint(t, root, "./examples/...")
	if r.code != 3 {
		t.Errorf("futurelint ./examples/...: exit status %d, want 3\n%s", r.code, r.stderr)
	}
	j := futurelint(t, root, "-json", "./examples/...")
	var got []finding
	for _, f := range jsonFindings(t, root, parseJSON(t, j.stdout)) {
		f.pos = f.pos[:strings.LastIndex(f.pos, ":")] // the marker gives the line, not the column
		got = append(got, f)
	}
	if d := diff(got, want); d != "" {
		t.Errorf("futurelint ./examples/... differs from the marked mistakes:\n%s\noutput:\n%s", d, j.stdout)
	}
}
