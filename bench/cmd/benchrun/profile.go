package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// profileResult is one profiled futurelint run: where its CPU time and
// allocation go.
type profileResult struct {
	workload  workload
	cpuTotal  float64 // seconds of samples (all threads; excludes the go list child)
	allocMB   float64 // total bytes allocated, MB
	cpuAreas  []area
	allocArea []area
	cpuTop    []entry // by flat
	allocTop  []entry // by flat
}

// An area is a part of the work, measured as the largest cumulative value
// of any function matching it: the root of that part's call tree.
type area struct {
	name  string
	value float64
}

type entry struct {
	name       string
	flat, cum  float64
	flatShare  float64 // of the total
	cumulShare float64
}

// areas names the parts of a run worth telling apart, by function prefix.
var areas = []struct{ name, prefix string }{
	{"parsing (go/parser)", "go/parser."},
	{"type checking (go/types)", "go/types.(*Checker).Files"},
	{"SSA construction (x/tools/go/ssa)", "golang.org/x/tools/go/ssa."},
	{"futurelint code (github.com/futurelint/futurelint/...)", "github.com/futurelint/futurelint/"},
	{"fact encoding (encoding/gob)", "encoding/gob."},
	{"garbage collection (runtime.gcBgMarkWorker)", "runtime.gcBgMarkWorker"},
}

// runProfiles profiles futurelint on each standalone workload and the
// largest corpus, with multichecker's -cpuprofile and -memprofile.
func (b *bench) runProfiles() error {
	var ws []workload
	for _, r := range b.standalone {
		ws = append(ws, r.workload)
	}
	if len(b.corpora) > 0 {
		ws = append(ws, b.corpora[len(b.corpora)-1].workload)
	}
	for _, w := range ws {
		stem := filepath.Join(b.tmp, "profile-"+strings.ReplaceAll(w.name, "/", "-"))
		c := command{dir: w.dir, env: offline, ok: []int{3},
			args: []string{b.futurelint, "-cpuprofile=" + stem + ".cpu", "-memprofile=" + stem + ".mem", "-test=false", w.pattern}}
		if _, err := measure(c, b.log); err != nil {
			return err
		}
		p := &profileResult{workload: w}
		var err error
		p.cpuTotal, p.cpuTop, err = b.pprofTop(stem+".cpu", "", "-flat")
		if err != nil {
			return err
		}
		_, cum, err := b.pprofTop(stem+".cpu", "", "-cum")
		if err != nil {
			return err
		}
		p.cpuAreas = pickAreas(cum)
		p.allocMB, p.allocTop, err = b.pprofTop(stem+".mem", "alloc_space", "-flat")
		if err != nil {
			return err
		}
		_, cum, err = b.pprofTop(stem+".mem", "alloc_space", "-cum")
		if err != nil {
			return err
		}
		p.allocArea = pickAreas(cum)
		b.profiles = append(b.profiles, p)
	}
	return nil
}

func pickAreas(cum []entry) []area {
	var out []area
	for _, a := range areas {
		best := 0.0
		for _, e := range cum {
			if strings.HasPrefix(e.name, a.prefix) && e.cum > best {
				best = e.cum
			}
		}
		out = append(out, area{a.name, best})
	}
	return out
}

// pprofTop runs go tool pprof -top and parses it. Values are seconds for
// CPU profiles and MB for memory profiles.
func (b *bench) pprofTop(profile, sampleIndex, order string) (total float64, entries []entry, err error) {
	args := []string{"tool", "pprof", "-top", order, "-nodecount=0"}
	if sampleIndex != "" {
		args = append(args, "-sample_index="+sampleIndex)
	}
	args = append(args, b.futurelint, profile)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return 0, nil, fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	header := true
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if header {
			// "Showing nodes accounting for X, Y% of TOTAL total"
			if len(f) >= 2 && f[len(f)-1] == "total" && f[0] == "Showing" {
				total = quantity(f[len(f)-2])
			}
			if len(f) > 0 && f[0] == "flat" {
				header = false
			}
			continue
		}
		if len(f) < 6 {
			continue
		}
		e := entry{
			name: strings.Join(f[5:], " "),
			flat: quantity(f[0]),
			cum:  quantity(f[3]),
		}
		if total > 0 {
			e.flatShare, e.cumulShare = e.flat/total, e.cum/total
		}
		entries = append(entries, e)
	}
	return total, entries, nil
}

// quantity parses a pprof value ("1.62s", "890ms", "3.5MB", "512kB", "0")
// into seconds or megabytes.
func quantity(s string) float64 {
	units := []struct {
		suffix string
		scale  float64
	}{
		{"ms", 1e-3}, {"us", 1e-6}, {"µs", 1e-6}, {"ns", 1e-9}, {"s", 1}, {"min", 60}, {"h", 3600},
		{"kB", 1.0 / 1024}, {"MB", 1}, {"GB", 1024}, {"TB", 1024 * 1024}, {"B", 1.0 / (1024 * 1024)},
	}
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			v, err := strconv.ParseFloat(strings.TrimSuffix(s, u.suffix), 64)
			if err != nil {
				return 0
			}
			return v * u.scale
		}
	}
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
