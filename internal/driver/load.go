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

func (n *node) analysed() bool { return n.root || !n.std }

func isStd(p *packages.Package) bool {
	return (p.Module == nil || p.Module.Path == "") && roles.IsStd(p.PkgPath)
}

// universe holds packages read from export data, each read once, its
// imports before it, so a package in it is complete and never changes
// again: concurrent type checks can share it. The packages of one
// universe must agree on what each import path means, so test variants
// (whose imports may be test-augmented packages of the same path) get a
// universe of their own.
type universe struct {
	mu   sync.Mutex
	fset *token.FileSet
	pkgs map[string]*types.Package // by package path
	read map[*packages.Package]bool
}

func newUniverse() *universe {
	return &universe{fset: token.NewFileSet(), pkgs: map[string]*types.Package{}, read: map[*packages.Package]bool{}}
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
	t, err := gcexportdata.Read(r, u.fset, u.pkgs, p.PkgPath)
	if err != nil {
		return nil, err
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

// typeCheck parses n's files and type-checks them in universe u, which
// provides every import from the export data the go command wrote.
func typeCheck(n *node, u *universe) (*token.FileSet, []*ast.File, *types.Package, *types.Info, []string) {
	p := n.pkg
	fset := u.fset
	var errs []string
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, errorLines(err)...)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	if len(errs) > 0 {
		return nil, nil, nil, nil, errs
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
			return u.load(ip)
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
