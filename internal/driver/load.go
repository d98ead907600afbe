package driver

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/roles"
)

// graphMode asks go list for the import graph, the files and the export
// data of every package (compiled by the go command, cached in its build
// cache): enough to type-check any one package from source with its
// imports from export data, and to key the cache, without loading
// anything else.
const graphMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedExportFile |
	packages.NeedModule | packages.NeedTypesSizes

// node is one package of the graph.
type node struct {
	pkg     *packages.Package
	root    bool    // named by the user: its findings are reported
	std     bool    // the standard library: described by the roles table, never analysed as a dependency
	imports []*node // in import path order
	key     keyHash

	// Set before the plan: a hash of the files (names and contents),
	// whether their syntax may run a loop nobody described (mayInfer),
	// whether they may declare rows (//futurelint: directives, or such a
	// loop that internal/inferred turns into rows), whether loop code may
	// be in the package (its import closure holds a loop runtime, such
	// rows or config rows), and whether its facts are needed (some such
	// package depends on it, or it is one).
	files        keyHash
	size         int  // bytes of source: what type-checking it from source holds in memory, roughly
	directives   bool // its files hold //futurelint: comments, ignore included
	mayInfer     bool
	declaresRows bool
	loopy        bool
	needed       bool

	// skipped is set when n, analysed for its facts, was found to export
	// none without being type-checked (exportsNothing).
	skipped bool

	// The cache entry, read once by the plan (single-threaded): looked is
	// set once asked for, cached is nil if there is none.
	looked bool
	cached *entry

	// Set once analysed or found in the cache: facts as stored, and as
	// importers resolve them (portable, made from facts once, on first
	// use, when they come from the cache).
	facts     []byte
	portable  []portableFact
	decode    sync.Once
	decodeErr error
	diags     []Diagnostic
	errs      []string
}

// portableFacts returns n's facts for an importer, decoding the cached
// ones the first time they are asked for.
func (n *node) portableFacts(factTypes map[string]reflect.Type) ([]portableFact, error) {
	n.decode.Do(func() {
		if n.portable == nil && n.facts != nil {
			n.portable, n.decodeErr = decodeFacts(n.facts, factTypes)
		}
	})
	return n.portable, n.decodeErr
}

// analysed reports whether n is type-checked from source: the packages
// that may hold loop code or whose facts loop code may need, the standard
// library only when the user named it. A named package with no loop code
// in reach is not: every rule is quiet on it (see reach.go), and the go
// command, which compiled it for its export data, has said whether it
// builds.
func (n *node) analysed() bool { return n.needed && (n.root || !n.std) }

func isStd(p *packages.Package) bool {
	return (p.Module == nil || p.Module.Path == "") && roles.IsStd(p.PkgPath)
}

// universe holds packages read from export data, each read once, its
// imports before it, so a package in it is complete and never changes
// again: concurrent type checks can share it. The packages of one
// universe must agree on what each import path means, so the test
// variants of one test binary (whose imports may be test-augmented
// packages of the same path) get a universe of their own, which takes
// every package that is no test variant from the shared one: only the
// variants are read again.
type universe struct {
	mu       sync.Mutex
	fset     *token.FileSet
	parent   *universe                  // where packages that are no variant come from; nil for the shared one
	variants map[*packages.Package]bool // testVariant of every package; read-only
	pkgs     map[string]*types.Package  // by package path
	read     map[*packages.Package]bool
}

func newUniverse(fset *token.FileSet, parent *universe, variants map[*packages.Package]bool) *universe {
	return &universe{fset: fset, parent: parent, variants: variants, pkgs: map[string]*types.Package{}, read: map[*packages.Package]bool{}}
}

// load returns p's types from its export data, reading its dependencies'
// first.
func (u *universe) load(p *packages.Package) (*types.Package, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.loadLocked(p)
}

func (u *universe) loadLocked(p *packages.Package) (*types.Package, error) {
	if p.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	if u.read[p] {
		return u.pkgs[p.PkgPath], nil
	}
	for _, ip := range p.Imports {
		if _, err := u.loadLocked(ip); err != nil {
			return nil, err
		}
	}
	var t *types.Package
	if u.parent != nil && !u.variants[p] {
		// Its imports are no variants either: all of them, read above,
		// are the parent's packages too.
		var err error
		if t, err = u.parent.load(p); err != nil {
			return nil, err
		}
		u.pkgs[p.PkgPath] = t
	} else {
		var err error
		if t, err = readExport(p, u.fset, u.pkgs); err != nil {
			return nil, err
		}
	}
	u.read[p] = true
	return t, nil
}

// snapshot returns the packages read so far, by path.
func (u *universe) snapshot() map[string]*types.Package {
	u.mu.Lock()
	defer u.mu.Unlock()
	m := make(map[string]*types.Package, len(u.pkgs))
	for k, v := range u.pkgs {
		m[k] = v
	}
	return m
}

// testVariant reports whether p or anything it imports is a test variant.
func testVariant(p *packages.Package, memo map[*packages.Package]bool) bool {
	if v, ok := memo[p]; ok {
		return v
	}
	memo[p] = false
	v := p.ID != p.PkgPath
	for _, ip := range p.Imports {
		v = v || testVariant(ip, memo)
	}
	memo[p] = v
	return v
}

// testBinary returns the test binary a test variant belongs to, from its
// ID ("p [q.test]": "q.test"), or "" if the ID does not say.
func testBinary(p *packages.Package) string {
	_, rest, ok := strings.Cut(p.ID, " [")
	if !ok || !strings.HasSuffix(rest, "]") {
		return ""
	}
	return strings.TrimSuffix(rest, "]")
}

// A view reads a package's types from its export data, for one or more
// type checks.
type view interface {
	load(p *packages.Package) (*types.Package, error)
}

// shallow is the view shared by the type checks that need no facts. A
// universe reads every package of the import closure in full, so that
// facts about any of them resolve; on a large dependency tree with no
// loop code that is most of the memory, for no use. shallow reads a
// package only when some type check imports it directly: its export data
// holds what it uses of the packages below, which become partial
// packages here, and are completed if read in turn (as go/packages does).
// Completing one adds to it, so no code that may run at the same time
// may walk the scopes or imports of packages it was not handed by the
// type checker: a package whose analysis reads rows from a config file
// (it walks the packages below) gets a private view instead.
//
// Packages are kept by the go command's package (ID), so a test variant
// and the package it augments are two packages here.
type shallow struct {
	mu   sync.Mutex
	fset *token.FileSet
	pkgs map[*packages.Package]*types.Package
}

func newShallow(fset *token.FileSet) *shallow {
	return &shallow{fset: fset, pkgs: map[*packages.Package]*types.Package{}}
}

// get returns p's package, complete or not, making it if need be.
func (v *shallow) get(p *packages.Package) *types.Package {
	t := v.pkgs[p]
	if t == nil {
		t = types.NewPackage(p.PkgPath, p.Name)
		v.pkgs[p] = t
	}
	return t
}

func (v *shallow) load(p *packages.Package) (*types.Package, error) {
	if p.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	t := v.get(p)
	if t.Complete() {
		return t, nil
	}
	// What p's export data may name is in its import closure: by path,
	// that is its view of the packages.
	byPath := map[string]*types.Package{p.PkgPath: t}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		for _, ip := range q.Imports {
			if _, ok := byPath[ip.PkgPath]; !ok && ip.PkgPath != "unsafe" {
				byPath[ip.PkgPath] = v.get(ip)
				visit(ip)
			}
		}
	}
	visit(p)
	return readExport(p, v.fset, byPath)
}

// private is the view of one type check that needs no facts and may walk
// the packages below its imports: it reads only the package's direct
// imports into a map of its own (as go vet does).
type private struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func newPrivate() *private {
	return &private{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}}
}

func (v *private) load(p *packages.Package) (*types.Package, error) {
	if p.PkgPath == "unsafe" {
		return types.Unsafe, nil
	}
	if t := v.pkgs[p.PkgPath]; t != nil && t.Complete() {
		return t, nil
	}
	return readExport(p, v.fset, v.pkgs)
}

// readExport reads p's export data into pkgs, which it may complete
// packages of and add packages to.
func readExport(p *packages.Package, fset *token.FileSet, pkgs map[string]*types.Package) (*types.Package, error) {
	if p.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %s", p.PkgPath)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %s: %v", p.PkgPath, err)
	}
	return gcexportdata.Read(r, fset, pkgs, p.PkgPath)
}

// typeCheck parses n's files into fset and type-checks them with the
// imports v reads from the export data the go command wrote. srcs, if not
// nil, are the files' contents, already read.
func typeCheck(n *node, fset *token.FileSet, v view, srcs [][]byte) (*token.FileSet, []*ast.File, *types.Package, *types.Info, []string) {
	p := n.pkg
	var errs []string
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	// Of a dependency's comments only //futurelint: ones (directives,
	// ignores) change what its analysis finds: without any, they are not
	// kept (they are a third of a table-heavy package's syntax).
	mode := parser.SkipObjectResolution
	if n.root || n.directives {
		mode |= parser.ParseComments
	}
	for i, name := range p.CompiledGoFiles {
		var src []byte
		if srcs != nil {
			src = srcs[i]
		} else {
			var err error
			if src, err = os.ReadFile(name); err != nil {
				errs = append(errs, err.Error())
				continue
			}
		}
		f, err := parser.ParseFile(fset, name, src, mode)
		if err != nil {
			errs = append(errs, errorLines(err)...)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	if len(errs) > 0 {
		forget(fset, files)
		return nil, nil, nil, nil, errs
	}
	if !n.root {
		trimTables(files)
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			ip := p.Imports[path]
			if ip == nil {
				if path == "unsafe" {
					return types.Unsafe, nil
				}
				return nil, fmt.Errorf("no package for import %q", path)
			}
			return v.load(ip)
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) { errs = append(errs, err.Error()) },
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	} else if n.std {
		tags := build.Default.ReleaseTags
		conf.GoVersion = tags[len(tags)-1]
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	tpkg := types.NewPackage(p.PkgPath, p.Name)
	types.NewChecker(conf, fset, tpkg, info).Files(files)
	if len(errs) > 0 {
		forget(fset, files)
		return nil, nil, nil, nil, errs
	}
	return fset, files, tpkg, info, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// errorLines splits a parser error list into one message per error.
func errorLines(err error) []string {
	return strings.Split(strings.TrimSpace(err.Error()), "\n")
}
