package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// profileResult is one profiled futurelint run: where its CPU time and
// allocation go.
type profileResult struct {
	workload  workload
	cpuTotal  float64 // seconds of samples (all threads; excludes the go list child)
	allocMB   float64 // total bytes allocated, MB
	liveMB    float64 // the live heap when it was at its highest, MB
	cpuAreas  []area
	allocArea []area
	liveAreas []area  // of the live heap at its highest
	cpuTop    []entry // by flat
	allocTop  []entry // by flat
}

// An area is a part of the work: every sample with a function matching
// focus anywhere on its stack, as pprof -focus selects them.
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

// exportData is the area of reading export data, which most of the live
// heap at its peak is.
const exportData = "reading export data (gcexportdata.Read)"

// areas names the parts of a run worth telling apart.
var areas = []struct{ name, focus string }{
	{exportData, `^golang\.org/x/tools/go/gcexportdata\.Read$`},
	{"parsing (go/parser)", `^go/(parser|scanner)\.`},
	{"type checking (go/types Checker.Files)", `^go/types\.\(\*Checker\)\.Files$`},
	{"SSA (x/tools/go/ssa, buildssa)", `^golang\.org/x/tools/go/(ssa|analysis/passes/buildssa)\.`},
	{"futurelint code (github.com/futurelint/futurelint/...)", `^github\.com/futurelint/futurelint/`},
	{"fact encoding (encoding/gob)", `^encoding/gob\.`},
	{"garbage collection (runtime.gcBgMarkWorker)", `^runtime\.gcBgMarkWorker$`},
}

// runProfiles profiles futurelint on each standalone workload and the
// largest corpus, with its -cpuprofile, -memprofile and -peakprofile.
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
		c := command{dir: w.dir, env: append(slices.Clone(offline), w.env...), ok: []int{3},
			args: []string{b.futurelint, "-cpuprofile=" + stem + ".cpu", "-memprofile=" + stem + ".mem",
				"-peakprofile=" + stem + ".peak", "-cache=false", w.pattern}}
		if _, err := measure(c, b.log); err != nil {
			return err
		}
		p := &profileResult{workload: w}
		var err error
		p.cpuTotal, p.cpuTop, err = b.pprofTop(stem+".cpu", "", "-flat")
		if err != nil {
			return err
		}
		if p.cpuAreas, err = b.pprofAreas(stem+".cpu", ""); err != nil {
			return err
		}
		p.allocMB, p.allocTop, err = b.pprofTop(stem+".mem", "alloc_space", "-flat")
		if err != nil {
			return err
		}
		if p.allocArea, err = b.pprofAreas(stem+".mem", "alloc_space"); err != nil {
			return err
		}
		if p.liveMB, _, err = b.pprofTop(stem+".peak", "inuse_space", "-flat"); err != nil {
			return err
		}
		if p.liveAreas, err = b.pprofAreas(stem+".peak", "inuse_space"); err != nil {
			return err
		}
		b.profiles = append(b.profiles, p)
	}
	return nil
}

// pprofAreas measures every area of a profile with pprof -focus.
func (b *bench) pprofAreas(profile, sampleIndex string) ([]area, error) {
	var out []area
	for _, a := range areas {
		v, _, err := b.pprofTop(profile, sampleIndex, "-flat", "-focus="+a.focus)
		if err != nil {
			return nil, err
		}
		out = append(out, area{a.name, v})
	}
	return out, nil
}

// pprofTop runs go tool pprof -top and parses it: the value the shown nodes
// account for (with -focus, the focused samples; without, the total) and
// the entries. Values are seconds for CPU profiles and MB for memory
// profiles.
func (b *bench) pprofTop(profile, sampleIndex string, options ...string) (shown float64, entries []entry, err error) {
	args := []string{"tool", "pprof", "-top", "-nodecount=0", "-nodefraction=0", "-edgefraction=0"}
	if sampleIndex != "" {
		args = append(args, "-sample_index="+sampleIndex)
	}
	args = append(args, options...)
	args = append(args, b.futurelint, profile)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return 0, nil, fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	header := true
	var total float64
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if header {
			// "Showing nodes accounting for X, Y% of TOTAL total"
			if len(f) >= 9 && f[0] == "Showing" && f[len(f)-1] == "total" {
				shown = quantity(strings.TrimSuffix(f[4], ","))
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
	return shown, entries, nil
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
