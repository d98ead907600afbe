package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// suite is the set of analyzers a run executes, with what running them
// needs: the order requirements impose and the fact types they declare.
type suite struct {
	rules     []*analysis.Analyzer // report findings on the packages the user named
	factful   []*analysis.Analyzer // declare facts: run on every dependency outside std
	factTypes map[string]reflect.Type
	exports   *engine.Exports // nil when an analyzer declares facts the engine does not know
}

func newSuite(rules []*analysis.Analyzer) *suite {
	s := &suite{rules: rules, factTypes: map[string]reflect.Type{}}
	for _, a := range Closure(rules) {
		if len(a.FactTypes) > 0 {
			s.factful = append(s.factful, a)
		}
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			s.factTypes[typeName(t)] = t
		}
	}
	if engineFacts(s.factTypes) {
		s.exports = engine.NewExports(roles.Default())
	}
	return s
}

// Closure returns the analyzers as and every analyzer they require,
// directly or not, each once, every one after those it requires.
func Closure(as []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range as {
		visit(a)
	}
	return out
}

// analyse type-checks n and runs the suite on it: every rule if n is a
// root, else only what computes facts. deps are the analysed packages n
// depends on, directly or not, with their facts; u is the universe n's
// imports come from, or nil if it needs no facts: then they come from
// sh, or a private view if n's directory has a config file.
func (s *suite) analyse(n *node, deps []*node, u *universe, sh *shallow) error {
	var (
		fset *token.FileSet
		v    view
	)
	switch {
	case u != nil:
		fset, v = u.fset, u
	case hasConfig(n):
		p := newPrivate()
		fset, v = p.fset, p
	default:
		fset, v = sh.fset, sh
	}
	var srcs [][]byte
	if u != nil {
		var nothing bool
		var err error
		nothing, srcs, err = s.exportsNothing(n, deps, u)
		if err != nil {
			return err
		}
		switch {
		case nothing && verifySkips:
			defer func() {
				if len(n.portable) > 0 {
					n.errs = append(n.errs, fmt.Sprintf("%s: found to export no facts, yet exports %d, the first about %s", n.pkg.ID, len(n.portable), n.portable[0].Name))
				}
				skipsVerified.Add(1)
			}()
		case nothing:
			n.skipped = true
			n.facts, err = encodeFacts(nil)
			return err
		}
	}
	fset, files, pkg, info, errs := typeCheck(n, fset, v, srcs)
	// The files' line tables would stay in the shared file set for the
	// rest of the run (33 MB on a Kubernetes client's tree); findings
	// and facts hold their positions as text, so nothing reads them
	// once the package is done.
	defer forget(fset, files)
	if errs != nil {
		n.errs = errs
		return nil
	}
	fs := newFacts(s.factTypes)
	if len(deps) > 0 {
		visible := u.snapshot()
		visible[pkg.Path()] = pkg
		for _, d := range deps {
			list, err := d.portableFacts(s.factTypes)
			if err != nil {
				return fmt.Errorf("%s: %v", d.pkg.ID, err)
			}
			fs.add(list, visible)
		}
	}
	p := n.pkg
	var module *analysis.Module
	if p.Module != nil {
		module = &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion}
	}
	readable := map[string]bool{}
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles} {
		for _, f := range list {
			readable[f] = true
		}
	}
	results := map[*analysis.Analyzer]any{}
	done := map[*analysis.Analyzer]bool{}
	var runErr error
	var exec func(a *analysis.Analyzer)
	exec = func(a *analysis.Analyzer) {
		if done[a] || runErr != nil {
			return
		}
		done[a] = true
		resultOf := map[*analysis.Analyzer]any{}
		for _, r := range a.Requires {
			exec(r)
			resultOf[r] = results[r]
		}
		if runErr != nil {
			return
		}
		report := n.root && slices.Contains(s.rules, a)
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         fset,
			Files:        files,
			OtherFiles:   p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles,
			Pkg:          pkg,
			TypesInfo:    info,
			TypesSizes:   p.TypesSizes,
			Module:       module,
			ResultOf:     resultOf,
			Report: func(d analysis.Diagnostic) {
				if report {
					n.diags = append(n.diags, newDiagnostic(fset, a, p.ID, d))
				}
			},
			ReadFile: func(name string) ([]byte, error) {
				if !readable[name] {
					return nil, fmt.Errorf("%s is not a file of package %s", name, p.PkgPath)
				}
				return os.ReadFile(name)
			},
			ImportObjectFact:  func(obj types.Object, f analysis.Fact) bool { return fs.get(factKey{obj: obj}, f) },
			ImportPackageFact: func(pk *types.Package, f analysis.Fact) bool { return fs.get(factKey{pkg: pk}, f) },
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				if obj.Pkg() != pkg {
					panic(fmt.Sprintf("%s: fact %T about %s, an object of another package", a.Name, f, obj))
				}
				fs.m[factKey{obj: obj, t: reflect.TypeOf(f)}] = f
			},
			ExportPackageFact: func(f analysis.Fact) { fs.m[factKey{pkg: pkg, t: reflect.TypeOf(f)}] = f },
			AllObjectFacts: func() []analysis.ObjectFact {
				var out []analysis.ObjectFact
				for k, f := range fs.m {
					if k.obj != nil {
						out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
					}
				}
				return out
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var out []analysis.PackageFact
				for k, f := range fs.m {
					if k.pkg != nil {
						out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
					}
				}
				return out
			},
		}
		res, err := run(pass)
		if err != nil {
			runErr = analysisError(a, p.PkgPath, err)
			return
		}
		results[a] = res
	}
	list := s.factful
	if n.root {
		list = s.rules
	}
	for _, a := range list {
		exec(a)
	}
	if runErr != nil {
		n.errs = []string{runErr.Error()}
		return nil
	}
	exported := fs.export(pkg)
	data, err := encodeFacts(exported)
	if err != nil {
		return err
	}
	n.facts, n.portable = data, exported
	return nil
}

// run runs one pass, making a panic an error that says where it happened.
func run(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = PanicError(pass.Analyzer, pass, p)
		}
	}()
	return pass.Analyzer.Run(pass)
}

// PanicError is the error of a pass of analyzer a that panicked with p;
// call it in the deferred function that recovered.
func PanicError(a *analysis.Analyzer, pass *analysis.Pass, p any) error {
	return fmt.Errorf("internal error: %s panicked on package %s: %v\n%s\nPlease report this at https://github.com/futurelint/futurelint/issues",
		a.Name, pass.Pkg.Path(), p, debug.Stack())
}

// get copies the fact of f's type stored under k (with k.t unset) into f.
func (fs *facts) get(k factKey, f analysis.Fact) bool {
	k.t = reflect.TypeOf(f)
	got, ok := fs.m[k]
	if ok {
		reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
	}
	return ok
}

// Position is a token.Position that survives the cache (gob-encodable).
type Position struct {
	Filename             string
	Offset, Line, Column int
}

func pos(fset *token.FileSet, p token.Pos) Position {
	q := fset.Position(p)
	return Position{q.Filename, q.Offset, q.Line, q.Column}
}

// forget removes files from fset.
func forget(fset *token.FileSet, files []*ast.File) {
	for _, f := range files {
		if tf := fset.File(f.FileStart); tf != nil {
			fset.RemoveFile(tf)
		}
	}
}
