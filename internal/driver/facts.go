package driver

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// factKey identifies one fact: of an object (obj non-nil) or of a package.
type factKey struct {
	obj types.Object
	pkg *types.Package
	t   reflect.Type
}

// facts holds the facts visible while analysing one package: those its
// dependencies exported (decoded from their cache entries) and those its
// own analysis exports.
type facts struct {
	m     map[factKey]analysis.Fact
	types map[string]reflect.Type // fact type name -> pointer type
}

func newFacts(factTypes map[string]reflect.Type) *facts {
	return &facts{m: map[factKey]analysis.Fact{}, types: factTypes}
}

// encodedFact is a fact as stored: the object by package path and
// objectpath (empty for a package fact), the fact type by name, the fact
// itself gob-encoded (nil for a fact type with no fields).
type encodedFact struct {
	Pkg, Obj, Type string
	Data           []byte
}

// encode returns the facts about pkg's own objects and pkg itself, in a
// deterministic order.
func (fs *facts) encode(pkg *types.Package) ([]byte, error) {
	var out []encodedFact
	enc := &objectpath.Encoder{}
	for k, f := range fs.m {
		e := encodedFact{Type: typeName(k.t)}
		switch {
		case k.obj != nil:
			if k.obj.Pkg() != pkg {
				continue
			}
			p, err := enc.For(k.obj)
			if err != nil {
				continue // not addressable from outside: no importer can ask for it
			}
			e.Pkg, e.Obj = pkg.Path(), string(p)
		case k.pkg == pkg:
			e.Pkg = pkg.Path()
		default:
			continue
		}
		if reflect.TypeOf(f).Elem().NumField() > 0 {
			var b bytes.Buffer
			if err := gob.NewEncoder(&b).Encode(f); err != nil {
				return nil, fmt.Errorf("encoding fact %T: %v", f, err)
			}
			e.Data = b.Bytes()
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Obj != b.Obj {
			return a.Obj < b.Obj
		}
		return a.Type < b.Type
	})
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decode adds the facts in data, resolving objects in the packages that
// the package being analysed can see (pkgs, by path); facts about
// packages it cannot see are dropped, as it cannot refer to them.
func (fs *facts) decode(data []byte, pkgs map[string]*types.Package) error {
	var in []encodedFact
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&in); err != nil {
		return fmt.Errorf("decoding cached facts: %v", err)
	}
	for _, e := range in {
		pkg := pkgs[e.Pkg]
		if pkg == nil {
			continue
		}
		t := fs.types[e.Type]
		if t == nil {
			return fmt.Errorf("cached fact of unknown type %s", e.Type)
		}
		f := reflect.New(t.Elem()).Interface().(analysis.Fact)
		if e.Data != nil {
			if err := gob.NewDecoder(bytes.NewReader(e.Data)).Decode(f); err != nil {
				return fmt.Errorf("decoding fact %s: %v", e.Type, err)
			}
		}
		k := factKey{t: t}
		if e.Obj == "" {
			k.pkg = pkg
		} else {
			obj, err := objectpath.Object(pkg, objectpath.Path(e.Obj))
			if err != nil {
				continue // the export data does not hold it: nothing here can refer to it
			}
			k.obj = obj
		}
		fs.m[k] = f
	}
	return nil
}

func typeName(t reflect.Type) string { return t.String() }
