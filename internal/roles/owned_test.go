package roles_test

import (
	"go/types"
	"slices"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

// checkOwned checks a LoopOwned row against its package: the type exists
// (or, for a whole package, it has methods), Lookup gives every exported
// method of it a LoopOnly row (no row for its getters, Type.Reads), and function-typed field rows name real
// function-typed fields.
func checkOwned(t *testing.T, table *roles.Table, lib *roles.Library, pkg *types.Package, ty roles.Type) {
	t.Helper()
	methods := 0
	for _, name := range pkg.Scope().Names() {
		tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || ty.Name != "" && name != ty.Name {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || types.IsInterface(named) {
			continue
		}
		for i := 0; i < named.NumMethods(); i++ {
			m := named.Method(i)
			if !m.Exported() {
				continue
			}
			methods++
			own := slices.ContainsFunc(lib.Funcs, func(f roles.Func) bool { return f.Pkg == ty.Pkg && f.Recv == name && f.Name == m.Name() })
			row := table.Lookup(m)
			if !own && slices.ContainsFunc(ty.Reads, func(p string) bool { return strings.HasPrefix(m.Name(), p) }) {
				if row != nil {
					t.Errorf("Lookup(%s) = %+v, want no row: a getter", m, row)
				}
				continue
			}
			if row == nil || !row.LoopOnly && !own {
				t.Errorf("Lookup(%s) = %+v, want a loop-only row", m, row)
			}
		}
	}
	if methods == 0 {
		t.Errorf("loop-owned %s.%s: no such type, or no exported methods", ty.Pkg, ty.Name)
	}
}

// TestFieldsExist checks every field row against the real packages: the
// type has a field of that name, of function type, and FieldOf finds it.
func TestFieldsExist(t *testing.T) {
	table := roles.Default()
	for _, lib := range roles.Libraries() {
		if len(lib.Fields) == 0 {
			continue
		}
		paths := map[string]bool{}
		for _, f := range lib.Fields {
			paths[f.Pkg] = true
		}
		var list []string
		for p := range paths {
			list = append(list, p)
		}
		pkgs := load(t, "../../testdata/presets", nil, list)
		for _, f := range lib.Fields {
			tn, ok := pkgs[f.Pkg].Scope().Lookup(f.Type).(*types.TypeName)
			if !ok {
				t.Errorf("%s: type %s.%s does not exist", lib.Name, f.Pkg, f.Type)
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(tn.Type(), true, pkgs[f.Pkg], f.Name)
			v, ok := obj.(*types.Var)
			if !ok || !v.IsField() {
				t.Errorf("%s: %s.%s has no field %s", lib.Name, f.Pkg, f.Type, f.Name)
				continue
			}
			if _, ok := v.Type().Underlying().(*types.Signature); !ok {
				t.Errorf("%s: %s.%s.%s is %s, not a function", lib.Name, f.Pkg, f.Type, f.Name, v.Type())
			}
			if got := table.FieldOf(types.NewPointer(tn.Type()), f.Name); got == nil || got.Name != f.Name {
				t.Errorf("%s: FieldOf(*%s, %s) = %v", lib.Name, f.Type, f.Name, got)
			}
		}
	}
}
