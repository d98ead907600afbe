package driver

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"
)

// A re-run with nothing changed.
//
// go list compiles every package of the graph to name its export data
// (-export), or at least works out whether it must (on a warm build cache
// it hashes every file of the graph, std included): most of a re-run's
// time, for nothing when every result is cached. So a run with a cache
// first asks go list for the graph alone, which compiles nothing, and
// looks up the whole run's findings under a key of everything the
// packages' keys depend on (runKey); only if they are not there does it
// load the graph with export data and go on as usual, storing the
// findings under that key at the end.
//
// A key of a package hashes the export data of the imports it does not
// analyse, which the graph alone does not name. It is fixed by what they
// are built from: a std package by the toolchain (a release's GOROOT
// never changes, as the go command itself assumes), a package in the
// module cache by its module's version (that cache is read-only and
// checked against go.sum), any other by its files, hashed; and all of
// them by the environment of the go command. A package that uses cgo is
// compiled from files cgo generates, which only -export names: a graph
// with such a package outside std keeps no run entry.

// Asking go list twice costs a re-run that is not one: a run tries the
// graph alone first only when the files it would hash have not changed
// since the last run that stored its findings, as their sizes and
// modification times tell (runHint). That only picks which load comes
// first: the run key, not the hint, decides whether findings are reused.

// quickMode asks go list for the graph and the files, without compiling
// anything (no -export, no -compiled).
const quickMode = packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule

// runEntry is what the cache holds for a run: the findings on the named
// packages (the rest of a Result follows from the graph).
type runEntry struct {
	Diags []Diagnostic
}

// rerun returns the result of a run whose findings the cache holds, or
// nil.
func (opts *Options) rerun() *Result {
	cfg := &packages.Config{Mode: quickMode, Dir: opts.Dir, Env: opts.Env, Tests: opts.Tests}
	initial, err := packages.Load(cfg, opts.Patterns...)
	if err != nil {
		return nil
	}
	order := graph(initial)
	if len(order) == 0 {
		return nil
	}
	for _, n := range order {
		if len(n.pkg.Errors) > 0 {
			return nil // the full load says what is wrong
		}
	}
	// Hash the files of the packages outside std and the module cache,
	// as many at once as there are CPUs, before the key takes them in
	// order.
	fh := newFileHashes()
	var local []*node
	for _, n := range order {
		if !n.std && !inModuleCache(n.pkg) {
			local = append(local, n)
		}
	}
	_ = forEach(local, func(n *node) error { fh.digest(n); return nil })
	key, ok := opts.runKey(order, fh.digest)
	if !ok {
		return nil
	}
	var e runEntry
	if !getGob(opts.Cache, key, &e) {
		return nil
	}
	res := &Result{Diagnostics: e.Diags, Names: names(order), Imports: imports(order), Rerun: true}
	notAnalysed(order, nil, func(*node) []*node { return nil }, res)
	return res
}

// runHint lists the files of a run's graph whose change its run key
// would see, as they were when the run stored its findings: those of the
// packages outside std and the module cache, their directories (a file
// added or removed), and the go.mod and go.sum of their modules (another
// version of a dependency).
type runHint struct {
	Files []fileStamp
}

type fileStamp struct {
	Name    string
	Size    int64
	ModTime int64 // Unix nanoseconds
}

// hintKey addresses the hint of the runs with opts' patterns, directory,
// test flag, salt and go command environment.
func (opts *Options) hintKey() (keyHash, bool) {
	dir := opts.Dir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return keyHash{}, false
		}
		dir = wd
	}
	h := sha256.New()
	fmt.Fprintf(h, "futurelint run hint\nsalt %q\ndir %q\npatterns %q\ntests %v\n", opts.Salt, dir, opts.Patterns, opts.Tests)
	for _, kv := range opts.env() {
		if buildEnv(kv) {
			fmt.Fprintf(h, "env %q\n", kv)
		}
	}
	var k keyHash
	copy(k[:], h.Sum(nil))
	return k, true
}

// unchanged reports whether the files of the last run that stored its
// findings look as they did then.
func (opts *Options) unchanged() bool {
	key, ok := opts.hintKey()
	if !ok {
		return false
	}
	var hint runHint
	if !getGob(opts.Cache, key, &hint) {
		return false
	}
	for _, f := range hint.Files {
		if stamp(f.Name) != f {
			return false
		}
	}
	return true
}

// stamp returns the size and modification time of a file, zero if it
// does not exist.
func stamp(name string) fileStamp {
	fi, err := os.Stat(name)
	if err != nil {
		return fileStamp{Name: name}
	}
	return fileStamp{Name: name, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// storeHint stores the hint of a run whose findings were stored.
func (opts *Options) storeHint(order []*node) {
	key, ok := opts.hintKey()
	if !ok {
		return
	}
	seen := map[string]bool{}
	var hint runHint
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			hint.Files = append(hint.Files, stamp(name))
		}
	}
	for _, n := range order {
		p := n.pkg
		if n.std || inModuleCache(p) {
			continue
		}
		for _, name := range append(p.GoFiles[:len(p.GoFiles):len(p.GoFiles)], p.OtherFiles...) {
			add(filepath.Dir(name))
			add(name)
		}
		if m := p.Module; m != nil && m.GoMod != "" {
			add(m.GoMod)
			add(filepath.Join(filepath.Dir(m.GoMod), "go.sum"))
		}
	}
	_ = putGob(opts.Cache, key, hint)
}

// env is the environment of the go command.
func (opts *Options) env() []string {
	if opts.Env != nil {
		return opts.Env
	}
	return os.Environ()
}

// storeRun caches the findings of a run that analysed every named
// package without an error, and its hint.
func (opts *Options) storeRun(order []*node, res *Result) {
	if len(res.Errors) > 0 || len(res.NotAnalysed) > 0 {
		return
	}
	key, ok := opts.runKey(order, filesRead)
	if !ok {
		return
	}
	if putGob(opts.Cache, key, runEntry{Diags: res.Diagnostics}) == nil { // the cache only saves time
		opts.storeHint(order)
	}
}

// filesRead is the digest of a package's files readFiles made, when it
// read its GoFiles: it reads the compiled files, the same unless cgo made
// some.
func filesRead(n *node) (keyHash, bool) {
	return n.files, slices.Equal(n.pkg.CompiledGoFiles, n.pkg.GoFiles)
}

// runKey hashes everything the keys of the packages of order depend on,
// as the graph alone tells it (see the top of this file), or reports
// false when it cannot: a toolchain that is not a release, or a package
// whose files digest cannot hash (it uses cgo, or a file is missing).
// digest returns the hash of a package's files, as node.files has it.
func (opts *Options) runKey(order []*node, digest func(*node) (keyHash, bool)) (keyHash, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "futurelint run\nsalt %q\ntests %v\n", opts.Salt, opts.Tests)
	env := opts.env()
	for _, kv := range env {
		if buildEnv(kv) {
			fmt.Fprintf(h, "env %q\n", kv)
		}
	}
	fmt.Fprintf(h, "go env file %q\n", goEnvFile(env))
	version, ok := toolchain(order)
	if !ok {
		return keyHash{}, false
	}
	fmt.Fprintf(h, "toolchain %q\n", version)

	nodes := slices.Clone(order)
	slices.SortFunc(nodes, func(a, b *node) int { return strings.Compare(a.pkg.ID, b.pkg.ID) })
	dirKeys := map[string]string{}
	for _, n := range nodes {
		p := n.pkg
		if n.std && !n.root {
			// The toolchain's, as are its files and imports (which
			// differ with -compiled: cgo adds runtime/cgo to net's).
			continue
		}
		fmt.Fprintf(h, "package %q\npath %q\nname %q\nroot %v\n", p.ID, p.PkgPath, p.Name, n.root)
		fmt.Fprintf(h, "files %q\nother %q\nignored %q\n", p.GoFiles, p.OtherFiles, p.IgnoredFiles)
		for _, m := range n.imports {
			fmt.Fprintf(h, "import %q %q\n", m.pkg.PkgPath, m.pkg.ID)
		}
		if m := p.Module; m != nil {
			fmt.Fprintf(h, "module %q %q go %q main %v dir %q\n", m.Path, m.Version, m.GoVersion, m.Main, m.Dir)
			if r := m.Replace; r != nil {
				fmt.Fprintf(h, "replaced by %q %q dir %q\n", r.Path, r.Version, r.Dir)
			}
		}
		switch {
		case n.std, inModuleCache(p):
			// The toolchain's or its module's version's.
		default:
			files, ok := digest(n)
			if !ok {
				return keyHash{}, false
			}
			fmt.Fprintf(h, "content %x\n", files)
		}
		if opts.DirKey != nil && (n.root || !n.std) && len(p.GoFiles) > 0 {
			dir := filepath.Dir(p.GoFiles[0])
			extra, seen := dirKeys[dir]
			if !seen {
				var err error
				if extra, err = opts.DirKey(dir); err != nil {
					return keyHash{}, false
				}
				dirKeys[dir] = extra
			}
			fmt.Fprintf(h, "dir %s\n", extra)
		}
	}
	var k keyHash
	copy(k[:], h.Sum(nil))
	return k, true
}

// buildEnv reports whether an environment variable (NAME=value) may
// change what the go command builds or reports: the go command's own
// settings and those of the C toolchain cgo runs.
func buildEnv(kv string) bool {
	name, _, _ := strings.Cut(kv, "=")
	switch name {
	case "CC", "CXX", "FC", "AR", "PKG_CONFIG":
		return true
	}
	return strings.HasPrefix(name, "GO") || strings.HasPrefix(name, "CGO_")
}

// goEnvFile returns the content of the file `go env -w` writes, which the
// go command reads as defaults of its environment ("" if there is none).
func goEnvFile(env []string) string {
	name := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOENV="); ok {
			name = v // the last one counts, as in exec
		}
	}
	if name == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return ""
		}
		name = filepath.Join(dir, "go", "env")
	}
	if name == "off" {
		return ""
	}
	data, _ := os.ReadFile(name)
	return string(data)
}

// toolchain returns the version of the release toolchain whose GOROOT
// the std packages of order are in, or false if it is no release (or
// order has no std package to tell).
func toolchain(order []*node) (string, bool) {
	goroot := ""
	for _, n := range order {
		if !n.std {
			continue
		}
		sep := string(filepath.Separator)
		r, ok := strings.CutSuffix(n.pkg.Dir, sep+"src"+sep+filepath.FromSlash(n.pkg.PkgPath))
		if !ok || goroot != "" && r != goroot {
			return "", false
		}
		goroot = r
	}
	if goroot == "" {
		return "", false
	}
	data, err := os.ReadFile(filepath.Join(goroot, "VERSION"))
	if err != nil {
		return "", false
	}
	version, _, _ := strings.Cut(string(data), "\n")
	if !strings.HasPrefix(version, "go1") {
		return "", false // a development toolchain: its GOROOT may change
	}
	return goroot + " " + string(data), true
}

// inModuleCache reports whether p is in a module of the module cache: a
// required version, not replaced by a directory, its files where the go
// command extracted that version.
func inModuleCache(p *packages.Package) bool {
	m := p.Module
	if m == nil || m.Main {
		return false
	}
	if m.Replace != nil {
		m = m.Replace
	}
	if m.Version == "" || m.Dir == "" || !strings.Contains(filepath.Base(m.Dir), "@") {
		return false
	}
	for _, name := range append(p.GoFiles[:len(p.GoFiles):len(p.GoFiles)], p.OtherFiles...) {
		if !strings.HasPrefix(name, m.Dir+string(filepath.Separator)) {
			return false
		}
	}
	return true
}

// fileHashes hashes the files of packages as readFiles does, each file
// once (a test variant shares most of its files with the package it
// augments).
type fileHashes struct {
	mu   sync.Mutex
	sums map[string][sha256.Size]byte
}

func newFileHashes() *fileHashes {
	return &fileHashes{sums: map[string][sha256.Size]byte{}}
}

// digest returns what node.files of n would be, or false if a file
// cannot be read.
func (fh *fileHashes) digest(n *node) (keyHash, bool) {
	h := sha256.New()
	for _, name := range n.pkg.GoFiles {
		fh.mu.Lock()
		sum, ok := fh.sums[name]
		fh.mu.Unlock()
		if !ok {
			src, err := os.ReadFile(name)
			if err != nil {
				return keyHash{}, false
			}
			sum = sha256.Sum256(src)
			fh.mu.Lock()
			fh.sums[name] = sum
			fh.mu.Unlock()
		}
		fileLine(h, name, sum)
	}
	var k keyHash
	copy(k[:], h.Sum(nil))
	return k, true
}
