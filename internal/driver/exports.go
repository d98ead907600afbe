package driver

import (
	"go/types"
	"os"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// Which dependencies are type-checked.
//
// A dependency with no loop code is analysed for its facts alone, and most
// of those in a real tree (Unicode tables, syscall wrappers, parsers)
// export none: nothing in them blocks, runs goroutines or calls what it is
// handed. engine.Exports tells them from their tokens, the names their
// dependencies' facts are about and the export data of their import
// closure; such a package is not type-checked, and has no facts, as its
// analysis would have given (nor a cache entry: telling it again costs
// less than writing one). Every package that may
// declare or infer rows, that a config file covers, whose module has
// rows by version, or that may call through a closed library's interface
// is analysed as before.

// verifySkips, set by tests, analyses the packages found to export
// nothing all the same, and makes any that exports a fact fail;
// skipsVerified counts those checked.
var (
	verifySkips   bool
	skipsVerified atomic.Int64
)

// exportsNothing reports whether n, a dependency analysed for its facts
// in universe u with the analysed dependencies deps, certainly exports
// none, so need not be analysed. When it read n's files to tell, it
// returns their contents, for the type check.
func (s *suite) exportsNothing(n *node, deps []*node, u *universe) (nothing bool, srcs [][]byte, err error) {
	p := n.pkg
	switch {
	case s.exports == nil, n.root || n.loopy || n.mayInfer || n.declaresRows || hasConfig(n),
		roles.Default().DescribedOnly(p.PkgPath),
		p.Module != nil && engine.ExportsModuleVersion(p.Module.Path, p.Module.Version):
		return false, nil, nil
	}
	var names []engine.FactName
	for _, d := range deps {
		list, err := d.portableFacts(s.factTypes)
		if err != nil {
			return false, nil, err
		}
		for _, f := range list {
			if f.Obj == "" {
				return false, nil, nil // a package fact (rows, inferred loops) changes what n's analysis does
			}
			// A package-level object's path is its name.
			names = append(names, engine.FactName{Pkg: f.Pkg, Name: f.Name, Member: f.Obj != f.Name})
		}
	}
	// The import closure, as the analysis would see it.
	var closure []*types.Package
	seen := map[*node]bool{}
	var walk func(m *node) bool
	walk = func(m *node) bool {
		for _, q := range m.imports {
			if seen[q] {
				continue
			}
			seen[q] = true
			if roles.ClosedInterface(q.pkg.PkgPath) {
				return false // calls through its interfaces are resolved: analyse
			}
			t, err := u.load(q.pkg)
			if err != nil {
				return false // the analysis says what is wrong
			}
			closure = append(closure, t)
			if !walk(q) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return false, nil, nil
	}
	srcs = make([][]byte, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return false, nil, nil // the type check says why
		}
		srcs = append(srcs, src)
	}
	return !s.exports.May(srcs, closure, names), srcs, nil
}

// engineFacts reports whether every fact type of factTypes is one the
// engine declares: exportsNothing knows what exports those alone.
func engineFacts(factTypes map[string]reflect.Type) bool {
	known := map[reflect.Type]bool{}
	for _, f := range append(slices.Clone(engine.FactTypes), engine.BlockingFactTypes...) {
		known[reflect.TypeOf(f)] = true
	}
	for _, t := range factTypes {
		if !known[t] {
			return false
		}
	}
	return true
}
