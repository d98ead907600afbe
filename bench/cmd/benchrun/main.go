// Command benchrun measures futurelint against its baselines and writes
// RESULTS.md. Run it through bench/run.sh; see that script for the knobs.
//
// Every measured command runs with the tools built once into a temporary
// directory, repeated and interleaved (one of each, then the next round) so
// that load from other work on the machine falls on all of them alike.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

type config struct {
	quick     bool
	reps      int      // repetitions of every warm measurement
	coldReps  int      // repetitions of cold go vet (fresh GOCACHE)
	services  int      // services of the smallest corpus
	vet       []string // workloads measured in go vet mode
	coldVet   []string // of those, the ones also measured cold
	out       string
	keep      bool
	workloads []string // standalone workloads besides the corpus
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchrun: ")
	var cfg config
	var vet, coldVet, workloads string
	flag.BoolVar(&cfg.quick, "quick", false, "smoke test: one repetition, a small corpus, vet on the corpus only")
	flag.IntVar(&cfg.reps, "reps", 3, "repetitions of each warm measurement")
	flag.IntVar(&cfg.coldReps, "coldreps", 1, "repetitions of each cold go vet")
	flag.StringVar(&coldVet, "coldvet", "xtools,corpus", "go vet workloads also measured with an empty GOCACHE (std costs minutes per run)")
	flag.IntVar(&cfg.services, "services", 128, "service packages in the smallest corpus (doubled twice)")
	flag.StringVar(&vet, "vet", "std,xtools,corpus", "workloads measured in go vet mode")
	flag.StringVar(&workloads, "workloads", "std,xtools,golangci,gum", "standalone workloads besides the corpus")
	flag.StringVar(&cfg.out, "o", "RESULTS.md", "report to write")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the temporary directory")
	flag.Parse()
	if cfg.quick {
		cfg.reps, cfg.coldReps, cfg.services = 1, 1, 8
		vet, coldVet = "corpus", "corpus"
	}
	cfg.vet = split(vet)
	cfg.coldVet = split(coldVet)
	cfg.workloads = split(workloads)
	if cfg.reps < 1 || cfg.coldReps < 0 || cfg.services <= 0 || cfg.services%4 != 0 {
		log.Fatal("need -reps >= 1, -coldreps >= 0, -services a positive multiple of 4")
	}
	for _, w := range slices.Concat(cfg.vet, cfg.coldVet) {
		if w != "std" && w != "xtools" && w != "corpus" {
			log.Fatalf("unknown go vet workload %q (want std, xtools or corpus)", w)
		}
	}
	for _, w := range cfg.workloads {
		if w != "std" && w != "xtools" && modules[w].path == "" {
			log.Fatalf("unknown workload %q (want std, xtools, golangci or gum)", w)
		}
	}
	if err := run(cfg); err != nil {
		log.Fatal(err)
	}
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// A workload is a set of packages every tool is pointed at.
type workload struct {
	key     string // std, xtools, golangci, gum or corpus, as in the flags
	name    string // std, x/tools, corpus-N, ...
	dir     string // where the tools run
	pattern string
	env     []string // added to every command's environment
	// target is the most futurelint with an empty cache may cost, as a
	// multiple of the floor's wall time; 0: the ratio is reported only.
	target float64
	module module // for a published module: what to fetch into dir
}

// A module is a published module measured as its users would run
// futurelint on it: fetched through the module proxy into the module
// cache, copied somewhere writable, and run with GOFLAGS=-mod=mod (its
// go.sum need not list its test dependencies).
type module struct {
	path, version string
	about         string // what it is, for RESULTS.md
}

// modules are the published modules the bench measures, by workload key.
var modules = map[string]module{
	"golangci": {"github.com/golangci/golangci-lint/v2", "v2.15.0",
		"golangci-lint's module: a large real module with a real dependency tree and no loop code"},
	"gum": {"github.com/charmbracelet/gum", "v0.17.0",
		"a Bubble Tea application (24 packages) with its real dependencies: loop code that calls into them"},
}

// bench holds the state of one run.
type bench struct {
	cfg      config
	benchDir string // the bench module
	repo     string // the futurelint module
	tmp      string
	cacheDir string // persists between runs
	log      *os.File
	started  time.Time
	phases   []phase

	nop, nopFacts, futurelint, staticcheck string // binaries
	driver                                 string // how futurelint was built
	staticcheckVersion                     string

	standalone []*standaloneResult
	corpora    []*corpusResult
	vet        []*vetResult
	profiles   []*profileResult
	machine    machine
}

type phase struct {
	name string
	took time.Duration
}

func (b *bench) phase(name string, f func() error) error {
	log.Printf("%s", name)
	start := time.Now()
	err := f()
	b.phases = append(b.phases, phase{name, time.Since(start)})
	log.Printf("%s: %.0fs", name, time.Since(start).Seconds())
	return err
}

func run(cfg config) error {
	benchDir, err := os.Getwd()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(benchDir, "gen")); err != nil {
		return fmt.Errorf("run from the bench directory (bash bench/run.sh does): %v", err)
	}
	// Other work on the machine shares the default build cache and may trim
	// or clean it under a running measurement; a private one is stable. It
	// and the generated corpora persist between runs only to save setup
	// time: every workload is warmed before it is measured.
	cacheDir := os.Getenv("BENCH_CACHE")
	if cacheDir == "" {
		userCache, err := os.UserCacheDir()
		if err != nil {
			return fmt.Errorf("no cache directory for the benchmark (set BENCH_CACHE): %v", err)
		}
		cacheDir = filepath.Join(userCache, "futurelint-bench")
	}
	os.Setenv("GOCACHE", filepath.Join(cacheDir, "go-build"))
	log.Printf("private build cache, primed vet caches and corpora: %s", cacheDir)
	tmp, err := os.MkdirTemp("", "futurelint-bench-")
	if err != nil {
		return err
	}
	if !cfg.keep {
		defer os.RemoveAll(tmp)
	}
	logFile, err := os.Create(filepath.Join(tmp, "bench.log"))
	if err != nil {
		return err
	}
	defer logFile.Close()
	b := &bench{
		cfg:      cfg,
		benchDir: benchDir,
		repo:     filepath.Dir(benchDir),
		tmp:      tmp,
		cacheDir: cacheDir,
		log:      logFile,
		started:  time.Now(),
	}
	log.Printf("temporary files and the full command log: %s%s", tmp,
		map[bool]string{true: " (kept)", false: " (removed at the end; -keep keeps it)"}[cfg.keep])
	b.machine = readMachine(b.repo)

	if err := b.phase("build tools", b.buildTools); err != nil {
		return err
	}
	for _, name := range cfg.workloads {
		w := b.workload(name)
		if err := b.phase("standalone "+name, func() error { return b.runStandalone(w) }); err != nil {
			return err
		}
	}
	if err := b.phase("corpus scaling", b.runCorpora); err != nil {
		return err
	}
	for _, name := range cfg.vet {
		w := b.workload(name)
		if err := b.phase("go vet "+w.name, func() error { return b.runVet(w) }); err != nil {
			return err
		}
	}
	if err := b.phase("profiles", b.runProfiles); err != nil {
		return err
	}
	b.machine.loadEnd = loadAverage()
	report := b.report()
	if err := os.WriteFile(cfg.out, []byte(report), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s in %.1f minutes", cfg.out, time.Since(b.started).Minutes())
	return nil
}

func (b *bench) workload(name string) workload {
	switch name {
	case "std":
		return workload{key: "std", name: "std", dir: b.benchDir, pattern: "std", target: 1.5}
	case "xtools":
		return workload{key: "xtools", name: "x/tools", dir: filepath.Join(b.benchDir, "workload", "xtools"), pattern: "golang.org/x/tools/go/...", target: 1.3}
	case "golangci", "gum":
		m := modules[name]
		w := workload{key: name, name: name, dir: filepath.Join(b.cacheDir, "modules", name+"@"+m.version), pattern: "./...",
			env: []string{"GOFLAGS=-mod=mod"}, module: m}
		if name == "golangci" {
			w.name, w.target = "golangci-lint module", 1.5
		} else {
			w.name = "gum (Bubble Tea)"
		}
		return w
	default: // the middle corpus: go vet on the largest costs minutes more and shows nothing new
		c := b.corpora[len(b.corpora)/2]
		return c.workload
	}
}

// buildTools builds every measured binary once.
func (b *bench) buildTools() error {
	b.nop = filepath.Join(b.tmp, "bin", "nop")
	b.nopFacts = filepath.Join(b.tmp, "bin", "nopfacts")
	b.futurelint = filepath.Join(b.tmp, "bin", "futurelint")
	b.staticcheck = filepath.Join(b.tmp, "bin", "staticcheck")
	if err := goCmd(b.benchDir, "build", "-o", b.nop, "./cmd/nop"); err != nil {
		return err
	}
	if err := goCmd(b.benchDir, "build", "-o", b.nopFacts, "./cmd/nopfacts"); err != nil {
		return err
	}
	b.driver = "`cmd/futurelint` of the repository, built in its own module: `go build -o futurelint ./cmd/futurelint`"
	if err := goCmd(b.repo, "build", "-o", b.futurelint, "./cmd/futurelint"); err != nil {
		return err
	}
	if err := goCmd(b.benchDir, "build", "-o", b.staticcheck, "honnef.co/go/tools/cmd/staticcheck"); err != nil {
		return err
	}
	out, err := exec.Command(b.staticcheck, "-version").Output()
	if err != nil {
		return fmt.Errorf("staticcheck -version: %v", err)
	}
	b.staticcheckVersion = strings.TrimSpace(string(out))
	return nil
}

// goCmd runs the go command for setup (not measured), failing loudly.
func goCmd(dir string, args ...string) error { return goCmdEnv(dir, nil, args...) }

// goCmdEnv is goCmd with env added to the environment.
func goCmdEnv(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("(cd %s && go %s): %v\n%s", dir, strings.Join(args, " "), err, out)
	}
	return nil
}

// interleave runs every series reps times, one of each per round.
func (b *bench) interleave(reps int, ss ...*series) error {
	for range reps {
		for _, s := range ss {
			if s.before != nil {
				if err := s.before(); err != nil {
					return err
				}
			}
			x, err := measure(s.cmd, b.log)
			if err != nil {
				return err
			}
			s.samples = append(s.samples, x)
		}
	}
	return nil
}
