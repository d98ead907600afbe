package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// vetResult is go vet with its default suite against go vet with
// -vettool=futurelint on one workload, in three cache states.
type vetResult struct {
	workload workload
	// cold: a fresh, empty GOCACHE, so everything is compiled first.
	coldVet, coldFuturelint *series
	// warm build: a copy of a GOCACHE holding every compiled package the
	// workload needs but no vet results of either tool, so the measured tool
	// analyses every package: a developer's build cache after changing code
	// at the bottom of the graph, or after switching vet tools.
	warmVet, warmFuturelint *series
	// cached: the same command again; go vet replays cached results.
	cachedVet, cachedFuturelint *series
}

func (b *bench) runVet(w workload) error {
	// The primed cache outlives the run: filling it compiles the workload
	// with its tests (minutes for std), and later runs only top it up.
	primed := filepath.Join(b.cacheDir, "vet-primed-"+strings.ReplaceAll(w.name, "/", "-"))
	scratch := filepath.Join(b.tmp, "gocache-scratch")
	vetArgs := []string{"go", "vet", w.pattern}
	flArgs := []string{"go", "vet", "-vettool=" + b.futurelint, w.pattern}
	in := func(cache string, args []string) command {
		return command{dir: w.dir, env: slices.Concat([]string{"GOCACHE=" + cache}, offline, w.env), args: args, ok: []int{1}}
	}
	fresh := func(cache string) func() error { return func() error { return os.RemoveAll(cache) } }
	copyTo := func(to string) func() error {
		return func() error {
			if err := os.RemoveAll(to); err != nil {
				return err
			}
			out, err := exec.Command("cp", "-a", primed, to).CombinedOutput()
			if err != nil {
				return fmt.Errorf("cp -a %s %s: %v\n%s", primed, to, err, out)
			}
			return nil
		}
	}
	r := &vetResult{
		workload:         w,
		coldVet:          &series{cmd: in(scratch+"-vet", vetArgs), before: fresh(scratch + "-vet")},
		coldFuturelint:   &series{cmd: in(scratch+"-futurelint", flArgs), before: fresh(scratch + "-futurelint")},
		warmVet:          &series{cmd: in(scratch+"-vet", vetArgs), before: copyTo(scratch + "-vet")},
		warmFuturelint:   &series{cmd: in(scratch+"-futurelint", flArgs), before: copyTo(scratch + "-futurelint")},
		cachedVet:        &series{cmd: in(scratch+"-vet", vetArgs)},
		cachedFuturelint: &series{cmd: in(scratch+"-futurelint", flArgs)},
	}
	if slices.Contains(b.cfg.coldVet, w.key) {
		if err := b.interleave(b.cfg.coldReps, r.coldVet, r.coldFuturelint); err != nil {
			return err
		}
	}
	// Prime with the floor as vet tool: it makes go vet compile everything
	// the workload needs (tests included) and leaves no results the measured
	// tools could reuse.
	prime := command{dir: w.dir, env: []string{"GOCACHE=" + primed}, args: []string{"go", "vet", "-vettool=" + b.nop, w.pattern}}
	if _, err := measure(prime, b.log); err != nil {
		return err
	}
	if err := b.interleave(b.cfg.reps, r.warmVet, r.warmFuturelint); err != nil {
		return err
	}
	// The warm runs left each tool's results in its scratch cache.
	if err := b.interleave(b.cfg.reps, r.cachedVet, r.cachedFuturelint); err != nil {
		return err
	}
	b.vet = append(b.vet, r)
	os.RemoveAll(scratch + "-vet")
	os.RemoveAll(scratch + "-futurelint")
	return nil
}
