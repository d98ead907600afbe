// Package gen writes a synthetic, futures-heavy Go module for measuring how
// futurelint's cost grows with code size.
//
// The module has three kinds of packages, all in fixed proportion to the
// number of service packages, so doubling Config.Services doubles every kind:
//
//   - svc/sN: services with plain code (a record store, sorting, formatting),
//     coroutines taking *futures.Ctx, CallSoon/CallLater/Then callbacks,
//     executor jobs, goroutines, OnDone callbacks, calls into the other two
//     kinds and into one earlier service (a tree, so import depth is log n),
//     and exactly one seeded finding (see Finding).
//   - blockpath/pN: functions that block (Future.Result, channel receive,
//     WaitGroup.Wait), in chains of up to four packages, so a may-block fact
//     has to travel through several packages.
//   - sched/wN: wrappers that hand their function parameter on to CallSoon,
//     CallLater and Spawn, half of them through another wrapper package.
//
// Output is a pure function of Config: the same Config writes the same bytes.
package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ModulePath is the module path of the generated corpus.
const ModulePath = "futurelint.bench/corpus"

const futuresPath = "github.com/futurelint/futurelint/futures"

// chainDepth is the longest chain of blockpath packages a may-block fact
// travels through. It is fixed so that the work per package does not grow
// with the corpus.
const chainDepth = 4

// Config describes one corpus.
type Config struct {
	// Services is the number of svc packages; blockpath and sched packages
	// are derived from it. It must be a positive multiple of 4.
	Services int
	// RepoRoot is the absolute path of the futurelint module the corpus
	// imports futures from (written as a replace directive).
	RepoRoot string
	// GoSum, if non-empty, is written as the corpus's go.sum. The corpus
	// needs the checksums of futurelint's own requirements.
	GoSum []byte
}

// Manifest describes what Write produced.
type Manifest struct {
	Packages int
	Files    int
	Lines    int
	// Findings counts the seeded findings per rule analyzer name.
	Findings map[string]int
}

// Total is the number of seeded findings over all rules.
func (m Manifest) Total() int {
	n := 0
	for _, c := range m.Findings {
		n += c
	}
	return n
}

// String summarises m on one line, rules in name order.
func (m Manifest) String() string {
	names := make([]string, 0, len(m.Findings))
	for name := range m.Findings {
		names = append(names, name)
	}
	sort.Strings(names)
	var parts []string
	for _, name := range names {
		parts = append(parts, fmt.Sprintf("%s %d", name, m.Findings[name]))
	}
	return fmt.Sprintf("%d packages, %d files, %d lines, %d seeded findings (%s)",
		m.Packages, m.Files, m.Lines, m.Total(), strings.Join(parts, ", "))
}

// Write generates the corpus described by cfg into dir, which must not exist
// or be empty.
func Write(dir string, cfg Config) (Manifest, error) {
	if cfg.Services <= 0 || cfg.Services%4 != 0 {
		return Manifest{}, fmt.Errorf("gen: Services must be a positive multiple of 4, got %d", cfg.Services)
	}
	if !filepath.IsAbs(cfg.RepoRoot) {
		return Manifest{}, fmt.Errorf("gen: RepoRoot must be absolute, got %q", cfg.RepoRoot)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Manifest{}, fmt.Errorf("gen: %s is not empty", dir)
	}
	c := newCorpus(cfg)
	files := c.files()
	m := Manifest{Findings: map[string]int{}}
	pkgs := map[string]bool{}
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return Manifest{}, err
		}
		if err := os.WriteFile(path, []byte(f.text), 0o644); err != nil {
			return Manifest{}, err
		}
		m.Files++
		m.Lines += strings.Count(f.text, "\n")
		if strings.HasSuffix(f.path, ".go") {
			pkgs[filepath.Dir(f.path)] = true
		}
	}
	m.Packages = len(pkgs)
	for i := range cfg.Services {
		m.Findings[findingOf(i).rule]++
	}
	return m, nil
}

type file struct {
	path string // slash-separated, relative to the module root
	text string
}

// corpus holds the derived shape of one Config.
type corpus struct {
	cfg       Config
	services  int
	blockpath int // a multiple of chainDepth
	sched     int // a multiple of 2
}

func newCorpus(cfg Config) *corpus {
	return &corpus{
		cfg:       cfg,
		services:  cfg.Services,
		blockpath: cfg.Services / 2,
		sched:     cfg.Services / 4,
	}
}

func (c *corpus) files() []file {
	var fs []file
	fs = append(fs, file{"go.mod", c.goMod()})
	if len(c.cfg.GoSum) > 0 {
		fs = append(fs, file{"go.sum", string(c.cfg.GoSum)})
	}
	for j := range c.blockpath {
		fs = append(fs, file{fmt.Sprintf("blockpath/p%d/blockpath.go", j), blockpathFile(j)})
	}
	for j := range c.sched {
		fs = append(fs, file{fmt.Sprintf("sched/w%d/sched.go", j), schedFile(j)})
	}
	for i := range c.services {
		s := c.service(i)
		fs = append(fs,
			file{s.dir() + "/model.go", s.modelFile()},
			file{s.dir() + "/service.go", s.serviceFile()},
			file{s.dir() + "/jobs.go", s.jobsFile()},
			file{s.dir() + "/finding.go", s.findingFile()},
		)
	}
	return fs
}

func (c *corpus) goMod() string {
	return fmt.Sprintf(`module %s

go 1.26.0

require github.com/futurelint/futurelint v0.0.0

replace github.com/futurelint/futurelint => %s
`, ModulePath, c.cfg.RepoRoot)
}

// service describes svc package i and the packages it uses.
type service struct {
	i         int
	parent    int // the earlier service it calls into, or -1
	blockpath int // the blockpath package it calls
	sched     int // the sched package it calls
}

func (c *corpus) service(i int) service {
	parent := -1
	if i > 0 {
		parent = (i - 1) / 2
	}
	return service{
		i:         i,
		parent:    parent,
		blockpath: (i * 7) % c.blockpath,
		sched:     (i * 3) % c.sched,
	}
}

func (s service) dir() string { return fmt.Sprintf("svc/s%d", s.i) }

func (s service) pkg() string { return fmt.Sprintf("s%d", s.i) }
