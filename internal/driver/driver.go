// Package driver is futurelint's standalone driver: it analyses the
// packages the user named, and the dependencies whose facts they need, one
// package at a time, caching each package's facts and findings on disk.
//
// A package is type-checked from source with its imports read from the
// export data the go command compiles (as go vet does), so no dependency
// is parsed or type-checked again. The standard library is described by
// the roles table and has no facts: it is never analysed as a dependency.
// Packages outside std that the named ones depend on are analysed for
// facts only, and only when loop code may reach them (see reach.go); the
// rules report on the named packages alone, and a named package with no
// loop code in reach is not analysed: they would find nothing there. A dependency's data tables
// (package-level literals of constants) are emptied before it is
// type-checked: no fact depends on them (see tables.go).
//
// Every cache entry is keyed by a hash of all its inputs: the package's
// files, the keys of the analysed packages it imports (so an edit redoes
// exactly the packages that depend on it), the export data of the others,
// and a salt that covers the futurelint binary and its flags. A re-run with
// nothing changed reads the findings of the named packages, as one entry
// keyed by the whole graph, before asking the go command for any export
// data (see rerun.go).
package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/cache"
)

// Options say what to analyse and how.
type Options struct {
	Dir      string   // where to run the go command; "" is the current directory
	Env      []string // its environment; nil is os.Environ()
	Patterns []string
	Tests    bool // analyse test files too
	Rules    []*analysis.Analyzer

	// Cache, if not nil, holds facts and findings between runs. Salt
	// must then change whenever the analysis may: it should hash the
	// binary and every flag that reaches an analyzer.
	Cache *cache.Cache
	Salt  string
	// DirKey, if not nil, adds to a package's key what its analysis reads
	// from the package's directory beyond its files (a config file that
	// applies there).
	DirKey func(dir string) (string, error)
}

// Result is what a run found.
type Result struct {
	// Diagnostics are the findings on the named packages, sorted by
	// position, then rule and message.
	Diagnostics []Diagnostic
	// Errors say why packages could not be analysed: they do not build,
	// or an analysis failed. Sorted.
	Errors []string
	// Named lists the named packages, by ID, sorted; NotAnalysed those of
	// them that have no findings because they, or packages they import,
	// could not be analysed (Errors say why).
	Named, NotAnalysed []string
	// Names maps the path of every package of the graph to its name: what
	// a file that imports it without renaming calls it.
	Names map[string]string
	// Analysed lists the packages analysed in this run (not taken from
	// the cache, and not left alone for holding no loop code), by ID,
	// sorted.
	Analysed []string
	// Rerun says the findings came whole from the cache, nothing having
	// changed since a run that stored them: go list compiled nothing.
	Rerun bool
	// Imports are the packages of other modules that the named packages
	// import, sorted by path: what a note about an unknown loop library
	// is about.
	Imports []Import
}

// Import is a package of another module that a named package imports.
type Import struct {
	Path            string // import path
	Module, Version string // its module
	Dir             string // the directory of a named package importing it
}

type keyHash = cache.Key

// Run loads the graph of opts.Patterns and analyses what it must.
func Run(opts Options) (*Result, error) {
	if opts.Cache != nil && opts.unchanged() {
		if res := opts.rerun(); res != nil {
			return res, nil
		}
	}
	s := newSuite(opts.Rules)
	cfg := &packages.Config{Mode: graphMode, Dir: opts.Dir, Env: opts.Env, Tests: opts.Tests}
	initial, err := packages.Load(cfg, opts.Patterns...)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	order := graph(initial)
	res.Names = names(order)
	unbuilt := buildErrors(order, res)
	if len(order) == 0 {
		return nil, fmt.Errorf("patterns %s match no packages", strings.Join(opts.Patterns, " "))
	}

	if err := readFiles(order); err != nil {
		return nil, err
	}
	// One view for every type check that needs no facts, the inference's
	// included: a package read for one serves them all.
	factless := newShallow(token.NewFileSet())
	markReach(order, func(candidates []*node) { opts.inferLoops(candidates, factless) })
	for _, n := range order {
		if n.analysed() && !unbuilt[n] {
			if err := n.computeKey(&opts); err != nil {
				return nil, err
			}
		}
	}

	// Plan: a named package whose findings are cached is done; any other
	// needs analysis, and so does every dependency whose facts it needs
	// and the cache does not hold.
	dirty := map[*node]bool{}
	deps := map[*node][]*node{} // transitive analysed dependencies
	var transitive func(n *node) []*node
	transitive = func(n *node) []*node {
		if d, ok := deps[n]; ok {
			return d
		}
		if !n.needed {
			return nil // no loop code: it needs no facts
		}
		seen := map[*node]bool{}
		var list []*node
		for _, m := range n.imports {
			if !m.analysed() || m.std {
				continue
			}
			for _, x := range append(transitive(m), m) {
				if !seen[x] {
					seen[x] = true
					list = append(list, x)
				}
			}
		}
		deps[n] = list
		return list
	}
	var needFacts func(n *node)
	var markDirty func(n *node)
	markDirty = func(n *node) {
		if dirty[n] {
			return
		}
		dirty[n] = true
		for _, d := range transitive(n) {
			needFacts(d)
		}
	}
	needFacts = func(n *node) {
		if dirty[n] || n.facts != nil {
			return
		}
		if e := opts.load(n); e != nil {
			n.facts = e.Facts
			return
		}
		markDirty(n)
	}
	for _, n := range order {
		if !n.root || unbuilt[n] || !n.analysed() {
			continue
		}
		if e := opts.load(n); e != nil && e.Named {
			n.facts, n.diags = e.Facts, e.Diags
			continue
		}
		markDirty(n)
	}

	if err := s.execute(order, dirty, transitive, &opts, factless); err != nil {
		return nil, err
	}

	for _, n := range order {
		if dirty[n] && !n.skipped {
			res.Analysed = append(res.Analysed, n.pkg.ID)
		}
		res.Errors = append(res.Errors, n.errs...)
		if n.root {
			res.Diagnostics = append(res.Diagnostics, n.diags...)
		}
	}
	notAnalysed(order, unbuilt, transitive, res)
	sort.Strings(res.Analysed)
	res.Imports = imports(order)
	sortUnique(&res.Errors)
	sortDiagnostics(res.Diagnostics)
	if opts.Cache != nil {
		opts.storeRun(order, res)
	}
	return res, nil
}

// graph returns the nodes of the packages initial names and of their
// dependencies, dependencies first; the named ones are roots.
func graph(initial []*packages.Package) []*node {
	nodes := map[*packages.Package]*node{}
	var order []*node
	var visit func(p *packages.Package) *node
	visit = func(p *packages.Package) *node {
		if n := nodes[p]; n != nil {
			return n
		}
		n := &node{pkg: p, std: isStd(p)}
		nodes[p] = n
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			n.imports = append(n.imports, visit(p.Imports[path]))
		}
		order = append(order, n)
		return n
	}
	for _, p := range initial {
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue // the generated test main: nothing of the user's
		}
		visit(p).root = true
	}
	return order
}

// names maps the path of every package of order to its name.
func names(order []*node) map[string]string {
	m := make(map[string]string, len(order))
	for _, n := range order {
		m[n.pkg.PkgPath] = n.pkg.Name
	}
	return m
}

// inFlightSource bounds the source, in bytes, of the packages analysed at
// once: type-checking a package holds about 15 times its source in
// syntax and types, so two of the largest dependencies (Unicode tables,
// x/sys/unix) analysed together set the peak memory of a run. A package
// larger than the bound is analysed alone.
const inFlightSource = 512 << 10

// fits returns the index of the first node of ready that may start while
// packages with inFlight bytes of source are analysed, or -1: any when
// none is, else one that keeps the total within inFlightSource.
func fits(ready []*node, inFlight int) int {
	for i, n := range ready {
		if inFlight == 0 || inFlight+n.size <= inFlightSource {
			return i
		}
	}
	return -1
}

// execute analyses the dirty nodes, dependencies first, as many at once
// as there are CPUs (and inFlightSource allows), and caches what they
// produce. factless is the view of the packages that need no facts: see
// shallow.
func (s *suite) execute(order []*node, dirty map[*node]bool, transitive func(*node) []*node, opts *Options, factless *shallow) error {
	waiting := map[*node]int{} // dirty dependencies not yet done
	dependents := map[*node][]*node{}
	var ready []*node
	for _, n := range order {
		if !dirty[n] {
			continue
		}
		for _, d := range transitive(n) {
			if dirty[d] {
				waiting[n]++
				dependents[d] = append(dependents[d], n)
			}
		}
		if waiting[n] == 0 {
			ready = append(ready, n)
		}
	}
	var (
		mu       sync.Mutex
		cond     = sync.NewCond(&mu)
		wg       sync.WaitGroup
		firstErr error
		failed   = map[*node]bool{}
		left     = len(dirty)
		variants = map[*packages.Package]bool{}
		// One file set for every universe, so a package read once
		// serves them all.
		shared = newUniverse(factless.fset, nil, variants)
		// The universe of each test binary, while packages of it are
		// left to analyse.
		binaries = map[string]*universe{}
		pending  = map[string]int{}
		inFlight = 0 // bytes of source being analysed
	)
	// next takes the first ready node that fits, or returns nil.
	next := func() *node {
		i := fits(ready, inFlight)
		if i < 0 {
			return nil
		}
		n := ready[i]
		ready = append(ready[:i], ready[i+1:]...)
		inFlight += n.size
		return n
	}
	for _, n := range order {
		if testVariant(n.pkg, variants) && dirty[n] && n.needed {
			pending[testBinary(n.pkg)]++
		}
	}
	worker := func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		for {
			var n *node
			for left > 0 {
				if n = next(); n != nil {
					break
				}
				cond.Wait()
			}
			if left == 0 {
				return
			}
			skip := failed[n] // a dependency failed: its errors say why
			u, binary := shared, ""
			if !n.needed {
				u = nil // no facts: a view of its own, see private
			} else if variants[n.pkg] {
				binary = testBinary(n.pkg)
				switch {
				case binary == "":
					u = newUniverse(shared.fset, shared, variants) // a variant of no known binary: a universe of its own
				case binaries[binary] != nil:
					u = binaries[binary]
				default:
					u = newUniverse(shared.fset, shared, variants)
					binaries[binary] = u
				}
			}
			mu.Unlock()
			var err error
			if !skip {
				err = s.analyse(n, transitive(n), u, factless)
				if err == nil && n.errs == nil && !n.skipped {
					// The cache only saves time: a result that cannot
					// be stored is computed again next time. A package
					// found to export nothing is found so again, at less
					// than a cache entry's cost to write.
					_ = opts.store(n)
				}
			}
			mu.Lock()
			inFlight -= n.size
			if binary != "" {
				if pending[binary]--; pending[binary] == 0 {
					delete(binaries, binary) // free what only its packages use
				}
			}
			if err != nil && firstErr == nil {
				firstErr = err
			}
			if skip || err != nil || n.errs != nil {
				failed[n] = true
			}
			for _, m := range dependents[n] {
				if failed[n] {
					failed[m] = true
				}
				waiting[m]--
				if waiting[m] == 0 {
					ready = append(ready, m)
				}
			}
			left--
			cond.Broadcast()
		}
	}
	for range min(runtime.GOMAXPROCS(0), len(dirty)) {
		wg.Add(1)
		go worker()
	}
	wg.Wait()
	return firstErr
}

// entry is what the cache holds for one package, in one file (creating
// files is most of what caching costs): the facts it exports and, when it
// was analysed as a named package, its findings.
type entry struct {
	Facts []byte
	Named bool // the rules ran: Diags are its findings
	Diags []Diagnostic
}

// store caches what analysing n produced.
func (opts *Options) store(n *node) error {
	if opts.Cache == nil {
		return nil
	}
	return putGob(opts.Cache, n.key, entry{Facts: n.facts, Named: n.root, Diags: n.diags})
}

// putGob stores v, gob-encoded, under k.
func putGob(c *cache.Cache, k keyHash, v any) error {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(v); err != nil {
		return err
	}
	return c.Put(k, b.Bytes())
}

// getGob decodes into v the entry stored under k, and reports whether
// there was one it could decode.
func getGob(c *cache.Cache, k keyHash, v any) bool {
	data, ok := c.Get(k)
	return ok && gob.NewDecoder(bytes.NewReader(data)).Decode(v) == nil
}

// load returns n's cache entry, or nil if there is none (or it cannot be
// read: the package is analysed again). The plan asks for a named package
// both as a root and as a dependency: the entry is read once.
func (opts *Options) load(n *node) *entry {
	if opts.Cache == nil {
		return nil
	}
	if !n.looked {
		n.looked = true
		if e := new(entry); getGob(opts.Cache, n.key, e) {
			n.cached = e
		}
	}
	return n.cached
}

// readFiles reads the files of every package that may be analysed (no
// std dependency is), as many at once as there are CPUs: it hashes them
// for the cache keys, looks for role directives and runs the syntax check
// for loops nobody described (mayRunLoop).
func readFiles(order []*node) error {
	var read []*node
	for _, n := range order {
		if n.root || !n.std {
			read = append(read, n)
		}
	}
	return forEach(read, (*node).readFiles)
}

// forEach calls f on every node of nodes, as many at once as there are
// CPUs, and returns one of the errors.
func forEach(nodes []*node, f func(*node) error) error {
	work := make(chan *node)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				if err := f(n); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, n := range nodes {
		work <- n
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// readFiles sets n.files, n.size, n.directives, n.declaresRows for role
// directives, and n.mayInfer.
func (n *node) readFiles() error {
	h := sha256.New()
	var srcs [][]byte // the sources, while no directive has been seen
	for _, name := range n.pkg.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		fileLine(h, name, sha256.Sum256(src))
		n.size += len(src)
		n.directives = n.directives || bytes.Contains(src, directivePrefix)
		n.declaresRows = n.declaresRows || !n.std && declaresRoles(src)
		if !n.std && !n.declaresRows {
			srcs = append(srcs, src)
		}
	}
	n.mayInfer = !n.std && !n.declaresRows && mayRunLoop(srcs)
	copy(n.files[:], h.Sum(nil))
	return nil
}

// fileLine adds a file's name and the hash of its content to the hash of
// a package's files (node.files).
func fileLine(h io.Writer, name string, sum [sha256.Size]byte) {
	fmt.Fprintf(h, "file %q %x\n", name, sum)
}

// computeKey hashes everything n's analysis depends on. Its analysed
// imports must have their keys already.
func (n *node) computeKey(opts *Options) error {
	salt := opts.Salt
	h := sha256.New()
	p := n.pkg
	fmt.Fprintf(h, "futurelint package\nsalt %q\nid %q\npath %q\nname %q\n", salt, p.ID, p.PkgPath, p.Name)
	if p.Module != nil {
		fmt.Fprintf(h, "module %q %q go %q\n", p.Module.Path, p.Module.Version, p.Module.GoVersion)
	}
	fmt.Fprintf(h, "sizes %v\n", p.TypesSizes)
	fmt.Fprintf(h, "files %x\n", n.files)
	fmt.Fprintf(h, "facts %v\n", n.needed)
	for _, list := range [][]string{p.OtherFiles, p.IgnoredFiles} {
		fmt.Fprintf(h, "other %q\n", list)
	}
	if opts.DirKey != nil && len(p.CompiledGoFiles) > 0 {
		extra, err := opts.DirKey(filepath.Dir(p.CompiledGoFiles[0]))
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "dir %s\n", extra)
	}
	for _, m := range n.imports {
		if n.needed && m.analysed() && !m.std {
			fmt.Fprintf(h, "import %q %x\n", m.pkg.ID, m.key)
		} else {
			// A std package's export data file is named by the hash of
			// its content in the go command's cache.
			fmt.Fprintf(h, "import %q export %q\n", m.pkg.ID, m.pkg.ExportFile)
		}
	}
	copy(n.key[:], h.Sum(nil))
	return nil
}

// imports returns the packages of other modules that the named packages
// import, each once, with the directory of the first importer in order.
func imports(order []*node) []Import {
	seen := map[string]bool{}
	var out []Import
	for _, n := range order {
		if !n.root || len(n.pkg.GoFiles) == 0 {
			continue
		}
		for _, m := range n.imports {
			mod := m.pkg.Module
			if m.std || mod == nil || mod.Main || seen[m.pkg.PkgPath] {
				continue
			}
			seen[m.pkg.PkgPath] = true
			out = append(out, Import{Path: m.pkg.PkgPath, Module: mod.Path, Version: mod.Version, Dir: filepath.Dir(n.pkg.GoFiles[0])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func sortUnique(ss *[]string) {
	sort.Strings(*ss)
	out := (*ss)[:0]
	for i, s := range *ss {
		if i == 0 || s != (*ss)[i-1] {
			out = append(out, s)
		}
	}
	*ss = out
}

func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos.Filename != b.Pos.Filename {
			return a.Pos.Filename < b.Pos.Filename
		}
		if a.Pos.Offset != b.Pos.Offset {
			return a.Pos.Offset < b.Pos.Offset
		}
		if a.Analyzer != b.Analyzer {
			return a.Analyzer < b.Analyzer
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Package < b.Package
	})
}
