package main

import (
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []int
		want int
	}{
		{nil, 0},
		{[]int{7}, 7},
		{[]int{9, 1, 5}, 5},
		{[]int{4, 1, 3, 2}, 2}, // (2+3)/2 in integers
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
	ds := []time.Duration{3 * time.Second, time.Second, 2 * time.Second}
	if got := median(ds); got != 2*time.Second {
		t.Errorf("median of durations = %v, want 2s", got)
	}
	if ds[0] != 3*time.Second {
		t.Errorf("median reordered its argument")
	}
}

func TestQuantity(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"1.5s", 1.5}, {"250ms", 0.25}, {"0", 0}, {"2min", 120},
		{"3MB", 3}, {"512kB", 0.5}, {"2GB", 2048}, {"1048576B", 1},
	} {
		if got := quantity(tc.in); got != tc.want {
			t.Errorf("quantity(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestCountJSON(t *testing.T) {
	out := []byte(`{
	"example.com/a": {
		"loopblock": [{"posn": "a.go:1:1", "message": "m"}, {"posn": "a.go:2:1", "message": "m"}],
		"selfsubmit": {"error": "failed"}
	},
	"example.com/b": {"loopblock": [{"posn": "b.go:1:1", "message": "m"}], "unwrapped": []}
}`)
	got, err := countJSON(out)
	if err != nil {
		t.Fatal(err)
	}
	if got["loopblock"] != 3 || got["selfsubmit"] != 0 || got["unwrapped"] != 0 || len(got) != 2 {
		t.Errorf("countJSON = %v, want loopblock 3, unwrapped 0 and no count for the failed analyzer", got)
	}
	if got, err := countJSON(nil); err != nil || len(got) != 0 {
		t.Errorf("countJSON(empty) = %v, %v; want no counts", got, err)
	}
	if _, err := countJSON([]byte("not json")); err == nil {
		t.Error("countJSON accepted malformed output")
	}
}

func TestDiagnosticLine(t *testing.T) {
	out := "/src/a/a.go:12:3: Result blocks the loop\n" +
		"-: loading failed\n" +
		"b.go:1:1: another\n" +
		"# exit 3\n"
	if got := len(diagnosticLine.FindAllString(out, -1)); got != 2 {
		t.Errorf("counted %d diagnostic lines, want 2", got)
	}
}

// TestWhyMemory: a peak over the floor's is explained by the floor's go
// list and by what futurelint's live heap holds, from the profiled run of
// the same workload only.
func TestWhyMemory(t *testing.T) {
	w := workload{name: "gum"}
	r := &standaloneResult{
		workload: w,
		nop:      &series{samples: []sample{{maxRSS: 31 << 10}}},
		goList:   &series{samples: []sample{{maxRSS: 28 << 10}}},
	}
	b := &bench{profiles: []*profileResult{
		{workload: workload{name: "corpus-64"}, liveMB: 40, liveAreas: []area{{exportData, 30}}},
		{workload: w, liveMB: 26.1, liveAreas: []area{{"parsing (go/parser)", 1}, {exportData, 17.2}}},
	}}
	want := " The floor's peak is that of its largest process: the `go list` it runs peaks at 28 MB alone" +
		" (futurelint runs it with the same flags), so futurelint's own process would have to stay within 31 MB." +
		" In the profiled run its live heap at its highest is 26.1 MB, 17.2 MB of it read from export data;" +
		" the Go collector lets the heap grow to twice the live heap before it collects (GOGC=100)."
	if got := b.whyMemory(r); got != want {
		t.Errorf("whyMemory =\n%s\nwant\n%s", got, want)
	}
	b.profiles = b.profiles[:1]
	if got, want := b.whyMemory(r), want[:strings.Index(want, " In the profiled")]; got != want {
		t.Errorf("whyMemory with no profile of the workload =\n%s\nwant\n%s", got, want)
	}
}
