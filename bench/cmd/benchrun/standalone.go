package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"

	"github.com/futurelint/futurelint/bench/gen"
)

// standaloneResult is futurelint and its baselines, each as its own command,
// on one workload. Every tool runs with its defaults, tests included, as
// users run it; the floor and futurelint also run with -test=false.
type standaloneResult struct {
	workload workload
	nop      *series // the floor: no facts, dependencies from export data
	goList   *series // the go list command the floor runs, alone
	nopFacts *series // the same driver with a fact type: dependencies from source (nil on published modules)
	// futurelint with an empty result cache, then again with nothing
	// changed, and (on the corpus) after editing one leaf package.
	futurelint, futurelintWarm, futurelintEdit *series
	static, staticWarm                         *series // staticcheck, empty cache and warm
	// The floor and futurelint (empty cache) with -test=false.
	nopNoTests, futurelintNoTests *series
}

// offline keeps the network out of measured runs: everything they need was
// fetched during setup.
var offline = []string{"GOPROXY=off"}

// floorGoList is the go list command go/packages runs for the floor's load,
// with its flags (go/packages/golist.go) and all fields in its JSON.
var floorGoList = []string{"go", "list", "-e", "-json", "-compiled=true", "-test=true", "-export=true", "-deps=true",
	"-find=false", "-pgo=off"}

// editedLeaf is the corpus package the edit row changes: it imports no
// other corpus package, and several import it.
const editedLeaf = "blockpath/p0"

func (b *bench) standaloneSeries(w workload) *standaloneResult {
	scCache := filepath.Join(b.tmp, "staticcheck-cache")
	flCache := filepath.Join(b.tmp, "futurelint-cache")
	env := append(slices.Clone(offline), w.env...)
	scEnv := append([]string{"STATICCHECK_CACHE=" + scCache}, env...)
	flEnv := append([]string{"FUTURELINT_CACHE=" + flCache}, env...)
	fl := command{dir: w.dir, env: flEnv, ok: []int{3}, args: []string{b.futurelint, w.pattern}}
	flNoTests := command{dir: w.dir, env: flEnv, ok: []int{3}, args: []string{b.futurelint, "-test=false", w.pattern}}
	sc := command{dir: w.dir, env: scEnv, ok: []int{1}, args: []string{b.staticcheck, w.pattern}}
	emptyCache := func() error { return os.RemoveAll(flCache) }
	r := &standaloneResult{
		workload: w,
		nop:      &series{cmd: command{dir: w.dir, env: env, ok: []int{3}, args: []string{b.nop, w.pattern}}},
		goList: &series{cmd: command{dir: w.dir, env: env, dropStdout: true,
			args: append(slices.Clone(floorGoList), "--", w.pattern)}},
		nopNoTests: &series{cmd: command{dir: w.dir, env: env, ok: []int{3},
			args: []string{b.nop, "-test=false", w.pattern}}},
		// Both caches are emptied before every cold run, so that each
		// analyses everything; the warm runs follow their cold run.
		futurelint:        &series{cmd: fl, before: emptyCache},
		futurelintWarm:    &series{cmd: fl},
		futurelintNoTests: &series{cmd: flNoTests, before: emptyCache},
		static:            &series{cmd: sc, before: func() error { return os.RemoveAll(scCache) }},
		staticWarm:        &series{cmd: sc},
	}
	if w.module.path == "" {
		// On a published module's tree it type-checks over a thousand
		// packages from source per run: minutes, and no target.
		r.nopFacts = &series{cmd: command{dir: w.dir, env: env, ok: []int{3}, args: []string{b.nopFacts, w.pattern}}}
	}
	if w.key == "corpus" {
		edits := 0
		r.futurelintEdit = &series{cmd: fl, before: func() error {
			edits++
			return appendComment(filepath.Join(w.dir, editedLeaf, "blockpath.go"), fmt.Sprintf("// edit %d\n", edits))
		}}
	}
	return r
}

// rounds lists the series of r in the order of one round: each warm run
// right after its cold run, the edit between futurelint's cold and warm.
func (r *standaloneResult) rounds() []*series {
	ss := []*series{r.nop, r.goList, r.nopNoTests}
	if r.nopFacts != nil {
		ss = append(ss, r.nopFacts)
	}
	ss = append(ss, r.futurelintNoTests, r.futurelint)
	if r.futurelintEdit != nil {
		ss = append(ss, r.futurelintEdit)
	}
	return append(ss, r.futurelintWarm, r.static, r.staticWarm)
}

func appendComment(file, comment string) error {
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(comment)
	return errors.Join(err, f.Close())
}

// warm brings the go command's caches to a steady state for w: go list
// -export compiles what staticcheck asks for; one floor run settles the rest.
func (b *bench) warm(w workload) error {
	if err := b.fetch(w); err != nil {
		return err
	}
	if err := goCmdEnv(w.dir, w.env, "list", "-export", "-deps", "-test", "-e", w.pattern); err != nil {
		return err
	}
	s := b.standaloneSeries(w)
	return b.interleave(1, &series{cmd: s.nop.cmd})
}

// fetch puts a published module's source in w.dir, writable, through the
// module proxy and the module cache, once: later runs reuse the copy.
func (b *bench) fetch(w workload) error {
	if w.module.path == "" {
		return nil
	}
	if _, err := os.Stat(filepath.Join(w.dir, "go.mod")); err == nil {
		return nil
	}
	cmd := exec.Command("go", "mod", "download", "-json", w.module.path+"@"+w.module.version)
	cmd.Dir = b.benchDir
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go mod download %s@%s: %v", w.module.path, w.module.version, err)
	}
	var dl struct{ Dir string }
	if err := json.Unmarshal(out, &dl); err != nil || dl.Dir == "" {
		return fmt.Errorf("go mod download %s@%s: no directory in %s", w.module.path, w.module.version, out)
	}
	tmp := w.dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	if err := os.CopyFS(tmp, os.DirFS(dl.Dir)); err != nil {
		return err
	}
	// The module cache's files are read-only; -mod=mod writes go.mod.
	if err := filepath.WalkDir(tmp, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		mode := os.FileMode(0o644)
		if d.IsDir() {
			mode = 0o755
		}
		return os.Chmod(path, mode)
	}); err != nil {
		return err
	}
	return os.Rename(tmp, w.dir)
}

func (b *bench) runStandalone(w workload) error {
	if err := b.warm(w); err != nil {
		return err
	}
	r := b.standaloneSeries(w)
	if err := b.interleave(b.cfg.reps, r.rounds()...); err != nil {
		return err
	}
	b.standalone = append(b.standalone, r)
	return nil
}

// corpusResult is one size of the generated corpus.
type corpusResult struct {
	services int
	manifest gen.Manifest
	standaloneResult
	byRule map[string]int // futurelint's diagnostics per analyzer
}

func (b *bench) runCorpora() error {
	sum, err := os.ReadFile(filepath.Join(b.repo, "go.sum"))
	if err != nil {
		return fmt.Errorf("reading the repository's go.sum: %v", err)
	}
	for i, n := 0, b.cfg.services; i < 3; i, n = i+1, n*2 {
		// Regenerated every run, but at a stable path: the same bytes at the
		// same place let the build cache keep the compiled corpus.
		dir := filepath.Join(b.cacheDir, fmt.Sprintf("corpus-%d", n))
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		m, err := gen.Write(dir, gen.Config{Services: n, RepoRoot: b.repo, GoSum: sum})
		if err != nil {
			return err
		}
		c := &corpusResult{services: n, manifest: m}
		c.standaloneResult = *b.standaloneSeries(workload{key: "corpus", name: fmt.Sprintf("corpus-%d", n), dir: dir, pattern: "./...", target: 1.5})
		b.corpora = append(b.corpora, c)
		if err := b.warm(c.workload); err != nil {
			return err
		}
	}
	// Rounds go over all sizes so that noise falls on every size alike.
	var all []*series
	for _, c := range b.corpora {
		all = append(all, c.rounds()...)
	}
	if err := b.interleave(b.cfg.reps, all...); err != nil {
		return err
	}
	for _, c := range b.corpora {
		byRule, err := b.diagnosticsByRule(c.workload)
		if err != nil {
			return err
		}
		c.byRule = byRule
	}
	return nil
}

// diagnosticsByRule runs futurelint -json (unmeasured) and counts its
// diagnostics per analyzer.
func (b *bench) diagnosticsByRule(w workload) (map[string]int, error) {
	cmd := exec.Command(b.futurelint, "-json", "-cache=false", w.pattern)
	cmd.Dir = w.dir
	cmd.Env = append(os.Environ(), offline...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 3) {
		return nil, fmt.Errorf("futurelint -json in %s: %v\n%s", w.dir, err, tail(stderr.String(), 20))
	}
	return countJSON(out)
}

// countJSON counts diagnostics in multichecker -json output:
// {"pkg": {"analyzer": [diagnostic...] or {"error": ...}}}.
func countJSON(data []byte) (map[string]int, error) {
	counts := map[string]int{}
	if len(bytes.TrimSpace(data)) == 0 {
		return counts, nil
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, fmt.Errorf("futurelint -json output: %v", err)
	}
	for _, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []json.RawMessage
			if json.Unmarshal(raw, &diags) == nil {
				counts[name] += len(diags)
			}
		}
	}
	return counts, nil
}
