package roles

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"golang.org/x/mod/semver"
)

// Module is a module path a library's rows hold for: the one they are
// written for, or another path of the same API (a major version, an old
// path, a fork), whose rows are the library's with the module path
// replaced.
type Module struct {
	// Path is the module path as go.mod requires it.
	Path string
	// Of is the module path whose rows this one shares ("" for the
	// module the library's rows name).
	Of string
	// Kind says what the path is to the library, for listings: "major
	// version", "old path", "fork".
	Kind string
	// Checked is the version the rows were checked against: the one
	// testdata/presets requires.
	Checked string
	// Since is the first version the rows hold for ("" for every
	// version): older ones get a note, not the rows.
	Since string
	// Lacks are the rows ("Recv.Name", or "Name") whose function this
	// module does not have: a fork that did not take them.
	Lacks []string
	// Differs are the rows whose function this module has but does
	// otherwise, so that the row does not hold (a fork's TextView.SetText
	// that takes no lock).
	Differs []string
}

// skips reports whether the row named recv.name does not hold in m.
func (m Module) skips(recv, name string) bool {
	n := rowName(recv, name)
	return slices.Contains(m.Lacks, n) || slices.Contains(m.Differs, n)
}

// Older are rows that held before a version of a module: code built
// against an earlier version gets them instead of the library's rows for
// the same functions.
type Older struct {
	Module string // the module path
	Before string // the first version with the library's current rows
	Change string // what the current rows of these functions say that these do not: "wait for the loop"
	Funcs  []Func
}

// modules returns the library's modules: the first is the one its rows
// name. A library that lists none has one, with the path of its first
// package and its Version.
func (lib *Library) modules() []Module {
	if len(lib.Modules) > 0 || len(lib.Paths) == 0 {
		return lib.Modules
	}
	return []Module{{Path: lib.Paths[0], Checked: lib.Version}}
}

// rebase returns p, a path in module from, as the same path in module to;
// ok is false when p is not in from.
func rebase(p, from, to string) (string, bool) {
	if p == from {
		return to, true
	}
	if rest, ok := strings.CutPrefix(p, from+"/"); ok {
		return to + "/" + rest, true
	}
	return "", false
}

// rowName is how Module.Lacks names a row.
func rowName(recv, name string) string {
	if recv == "" {
		return name
	}
	return recv + "." + name
}

// RowName names a row as people write it: (*pkg.T).M or pkg.F, with
// the package's last path element for its name.
func RowName(f Func) string {
	pkg := path.Base(f.Pkg)
	if f.Recv == "" {
		return pkg + "." + f.Name
	}
	return "(*" + pkg + "." + f.Recv + ")." + f.Name
}

// moved returns the rows of lib as they read in module m (Of: the module
// they are written for): every package path rebased, less m.Lacks.
func (lib *Library) moved(m Module) *Library {
	out := &Library{Name: lib.Name, Version: m.Checked, Preset: lib.Preset, Example: lib.Example, Words: lib.Words}
	for _, p := range lib.Paths {
		if q, ok := rebase(p, m.Of, m.Path); ok {
			out.Paths = append(out.Paths, q)
		}
	}
	for _, p := range lib.Clients {
		if q, ok := rebase(p, m.Of, m.Path); ok {
			out.Clients = append(out.Clients, q)
		}
	}
	for _, p := range lib.NeedsLoop {
		if q, ok := rebase(p, m.Of, m.Path); ok {
			out.NeedsLoop = append(out.NeedsLoop, q)
		}
	}
	out.Funcs = movedFuncs(lib.Funcs, m)
	for _, t := range lib.Types {
		if q, ok := rebase(t.Pkg, m.Of, m.Path); ok && !m.skips("", t.Name) {
			t.Pkg = q
			out.Types = append(out.Types, t)
		}
	}
	for _, f := range lib.Fields {
		if q, ok := rebase(f.Pkg, m.Of, m.Path); ok && !m.skips(f.Type, f.Name) {
			f.Pkg = q
			out.Fields = append(out.Fields, f)
		}
	}
	return out
}

// movedFuncs rebases function rows of module m.Of onto m.Path.
func movedFuncs(funcs []Func, m Module) []Func {
	var out []Func
	for _, f := range funcs {
		if q, ok := rebase(f.Pkg, m.Of, m.Path); ok && !m.skips(f.Recv, f.Name) {
			f.Pkg = q
			out = append(out, f)
		}
	}
	return out
}

// Expanded returns lib and, for each of its other modules, its rows in
// that module (their Version is the one that module was checked at).
func (lib *Library) Expanded() []*Library {
	out := []*Library{lib}
	for _, m := range lib.modules() {
		if m.Of != "" {
			out = append(out, lib.moved(m))
		}
	}
	return out
}

// ModuleRef is one module of a shipped library.
type ModuleRef struct {
	Library *Library
	Module  Module
}

// Modules returns every module of the presets, in library order.
func Modules() []ModuleRef {
	var out []ModuleRef
	for _, lib := range Presets() {
		for _, m := range lib.modules() {
			out = append(out, ModuleRef{lib, m})
		}
	}
	return out
}

// FindModule returns the preset module whose path is path.
func FindModule(path string) (ModuleRef, bool) {
	for _, r := range Modules() {
		if r.Module.Path == path {
			return r, true
		}
	}
	return ModuleRef{}, false
}

// ModuleOf returns the preset module that package path pkg belongs to:
// the longest module path that is pkg or a prefix of it.
func ModuleOf(pkg string) (ModuleRef, bool) {
	var best ModuleRef
	found := false
	for _, r := range Modules() {
		if _, ok := rebase(pkg, r.Module.Path, r.Module.Path); ok && (!found || len(r.Module.Path) > len(best.Module.Path)) {
			best, found = r, true
		}
	}
	return best, found
}

// OlderRows returns the rows that module path mod had at version v, where
// they differ from the library's current rows, as a library to add to a
// table; nil when the current rows hold (or v is no valid version).
func OlderRows(mod, v string) *Library {
	if !semver.IsValid(v) {
		return nil
	}
	ref, ok := FindModule(mod)
	if !ok {
		return nil
	}
	return ref.Library.olderAt(mod, mod, v)
}

// olderAt returns lib's Older rows of module mod that hold at version v,
// as rows of module path at (mod itself, or a path a user attached).
func (lib *Library) olderAt(mod, at, v string) *Library {
	var funcs []Func
	for _, o := range lib.Older {
		if o.Module != mod || semver.Compare(v, o.Before) >= 0 {
			continue
		}
		funcs = append(funcs, movedFuncs(o.Funcs, Module{Of: mod, Path: at})...)
	}
	if len(funcs) == 0 {
		return nil
	}
	return &Library{Name: lib.Name, Funcs: funcs}
}

// Versioned reports whether the rows of module path mod differ by version.
func Versioned(mod string) bool {
	ref, ok := FindModule(mod)
	return ok && slices.ContainsFunc(ref.Library.Older, func(o Older) bool { return o.Module == mod })
}

// Attach returns the rows of the preset module target ("path" or
// "path@version") for the module or package path at: a private fork, a
// vendored copy. At a version, the rows that differ by version are those
// of that version.
func Attach(at, target string) (*Library, error) {
	mod, v, _ := strings.Cut(target, "@")
	ref, ok := FindModule(mod)
	if !ok {
		return nil, fmt.Errorf("%q is no module of a preset (futurelint help presets lists them)", mod)
	}
	if v != "" && !semver.IsValid(v) {
		return nil, fmt.Errorf("%q is not a module version (v1.2.3, or a pseudo-version)", v)
	}
	lib := ref.Library
	src := lib
	if ref.Module.Of != "" {
		src = lib.moved(ref.Module)
	}
	out := src.moved(Module{Of: mod, Path: at, Checked: ref.Module.Checked})
	out.Name = lib.Name + " attached to " + at
	if v != "" {
		if old := lib.olderAt(mod, at, v); old != nil {
			out.Funcs = append(out.Funcs, old.Funcs...)
		}
	}
	return out, nil
}

// Uncovered says whether a module a package uses looks like a preset's
// library that no preset covers at that path and version: a look-alike
// path (a fork, another major version), or a version older than the rows
// hold for. It returns the preset module that comes closest.
func Uncovered(mod, v string) (ModuleRef, bool) {
	if ref, ok := FindModule(mod); ok {
		since := ref.Module.Since
		return ref, since != "" && semver.IsValid(v) && semver.Compare(v, since) < 0
	}
	name := libraryName(mod)
	var best ModuleRef
	found := false
	for _, r := range Modules() {
		if IsStd(r.Module.Path) || libraryName(r.Module.Path) != name {
			continue
		}
		// The module the rows are written for comes closest; of several,
		// the newest major version.
		if !found || r.Module.Of == "" && (best.Module.Of != "" || r.Module.Path > best.Module.Path) {
			best, found = r, true
		}
	}
	return best, found
}

// libraryName is what a module path calls its library: its last element
// without a major version suffix or a "-go"/"go-" affix, in lower case
// (github.com/panjf2000/gnet/v2: gnet; .../protoactor-go: protoactor).
func libraryName(mod string) string {
	base := path.Base(mod)
	if len(base) > 1 && base[0] == 'v' && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(mod))
	}
	base = strings.ToLower(base)
	base = strings.TrimSuffix(base, "-go")
	base = strings.TrimPrefix(base, "go-")
	return base
}
