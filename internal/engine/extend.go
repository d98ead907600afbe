package engine

import (
	"fmt"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/inferred"
	"github.com/futurelint/futurelint/internal/roles"
)

// RolesFact is a package fact: the rows a package declares for its own
// functions and types with //futurelint: directives. Every package that
// depends on it sees them in its table, in every driver, with no
// configuration.
type RolesFact struct {
	Funcs []roles.Func
	Types []roles.Type
}

func (*RolesFact) AFact() {}

func (f *RolesFact) String() string {
	s := "roles:"
	for _, r := range f.Funcs {
		if r.Recv != "" {
			s += " " + r.Recv + "." + r.Name
		} else {
			s += " " + r.Name
		}
	}
	for _, t := range f.Types {
		s += " type " + t.Name
	}
	return s
}

// ModuleVersionFact is a package fact of a package of a library whose rows
// differ by version (tview's QueueUpdate waits only since 2020): the
// module version it was built at, which picks the rows its importers get.
// A package of a module that looks like a preset's library but that no
// preset covers at that version (roles.Uncovered: gnet v1) has one too:
// under go vet, where each package is analysed on its own, it tells an
// importer's unit what to note about it.
type ModuleVersionFact struct {
	Module, Version string
}

func (*ModuleVersionFact) AFact() {}

func (f *ModuleVersionFact) String() string { return "module " + f.Module + "@" + f.Version }

// extend returns the roles table for pass: base, then the rows that
// packages it depends on declare in directives (RolesFact), then its own
// directives, then the loops inferred in it and its dependencies
// (internal/inferred), then the rows of the config that applies to the package (the
// user's word is last, so it wins). It exports the package's own rows as a
// RolesFact, and returns the functions its directives declare loop code
// and what the loops inferred in it run. With nothing to add, it returns
// base itself.
func extend(pass *analysis.Pass, base *roles.Table) (*roles.Table, map[*types.Func]bool, []inferred.Body, error) {
	var libs []*roles.Library
	var facts []analysis.PackageFact
	for _, pf := range pass.AllPackageFacts() {
		switch pf.Fact.(type) {
		case *RolesFact, *ModuleVersionFact:
			if pf.Package != pass.Pkg {
				facts = append(facts, pf)
			}
		}
	}
	sort.Slice(facts, func(i, j int) bool { return facts[i].Package.Path() < facts[j].Package.Path() })
	older := map[string]bool{}
	for _, pf := range facts {
		switch f := pf.Fact.(type) {
		case *RolesFact:
			libs = append(libs, &roles.Library{Name: "directives of " + pf.Package.Path(), Funcs: f.Funcs, Types: f.Types})
		case *ModuleVersionFact:
			if lib := roles.OlderRows(f.Module, f.Version); lib != nil && !older[f.Module] {
				older[f.Module] = true
				libs = append(libs, lib)
			}
		}
	}
	if m := pass.Module; m != nil && ExportsModuleVersion(m.Path, m.Version) {
		pass.ExportPackageFact(&ModuleVersionFact{Module: m.Path, Version: m.Version})
	}

	dirs, err := config.ParseDirectives(pass.Fset, pass.Pkg.Path(), pass.Files)
	if err != nil {
		return nil, nil, nil, err
	}
	own, err := dirs.Library.Rows("directives of "+pass.Pkg.Path(), pass.Pkg)
	if err != nil {
		return nil, nil, nil, err
	}
	if len(own.Funcs) > 0 || len(own.Types) > 0 {
		pass.ExportPackageFact(&RolesFact{Funcs: own.Funcs, Types: own.Types})
		own.Paths = nil // directives carry no words
		libs = append(libs, own)
	}
	var loopCode map[*types.Func]bool
	for _, decl := range dirs.LoopCode {
		if fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
			if loopCode == nil {
				loopCode = map[*types.Func]bool{}
			}
			loopCode[fn] = true
		}
	}

	c, err := config.For(packageDir(pass))
	if err != nil {
		return nil, nil, nil, err
	}
	noInfer := false
	if c != nil {
		for _, lib := range c.Libraries {
			noInfer = noInfer || lib.NoInfer && lib.Pkg == pass.Pkg.Path()
		}
	}
	inferredLibs, bodies := inferred.Libraries(pass, base.With(libs...), dirs.NotLoops, noInfer)
	libs = append(libs, inferredLibs...)
	if c != nil {
		pkgs := dependencies(pass.Pkg)
		for _, lib := range c.Libraries {
			p := pkgs[lib.Pkg]
			if p == nil {
				continue // nothing here can call it
			}
			l, err := lib.Rows(c.Source, p)
			if err != nil {
				return nil, nil, nil, err
			}
			libs = append(libs, l)
		}
		for _, a := range c.Attach {
			if !dependsOn(pkgs, a.Path) {
				continue
			}
			l, err := roles.Attach(a.Path, a.Preset)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("%s: %v", a.At, err)
			}
			libs = append(libs, l)
		}
	}
	return base.With(libs...), loopCode, bodies, nil
}

// ExportsModuleVersion reports whether a package of module mod at
// version v exports its version (ModuleVersionFact), for its importers'
// rows to follow it: the module has rows by version, or looks like a
// preset's library that no preset covers there (roles.Uncovered).
func ExportsModuleVersion(mod, v string) bool {
	if v == "" {
		return false
	}
	_, uncovered := roles.Uncovered(mod, v)
	return roles.Versioned(mod) || uncovered
}

// dependsOn reports whether pkgs holds a package at path or below it.
func dependsOn(pkgs map[string]*types.Package, path string) bool {
	for p := range pkgs {
		if p == path || strings.HasPrefix(p, path+"/") {
			return true
		}
	}
	return false
}

// packageDir is the directory of the package's source files ("" when
// unknown), where the search for a config file starts.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if name := pass.Fset.Position(f.Package).Filename; filepath.IsAbs(name) {
			return filepath.Dir(name)
		}
	}
	return ""
}

// dependencies maps the import paths of pkg and the packages it depends on
// to their type-checked packages.
func dependencies(pkg *types.Package) map[string]*types.Package {
	m := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if m[p.Path()] != nil {
			return
		}
		m[p.Path()] = p
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	walk(pkg)
	return m
}
