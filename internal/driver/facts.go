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

// portableFact is a fact with its object named by package path and
// objectpath (Obj empty for a package fact): the form in which every
// importer, whose view of the package is its own, can resolve it. A
// package's portable facts are made once per run, when it is analysed or
// its cache entry is first read, and shared by every importer; facts are
// not changed once exported.
type portableFact struct {
	Pkg, Obj string
	Name     string // the object's name (exportsNothing looks for it)
	t        reflect.Type
	fact     analysis.Fact
}

// export returns the facts about pkg's own objects and pkg itself, in a
// deterministic order.
func (fs *facts) export(pkg *types.Package) []portableFact {
	var out []portableFact
	enc := &objectpath.Encoder{}
	for k, f := range fs.m {
		e := portableFact{t: k.t, fact: f}
		switch {
		case k.obj != nil:
			if k.obj.Pkg() != pkg {
				continue
			}
			p, err := enc.For(k.obj)
			if err != nil {
				continue // not addressable from outside: no importer can ask for it
			}
			e.Pkg, e.Obj, e.Name = pkg.Path(), string(p), k.obj.Name()
		case k.pkg == pkg:
			e.Pkg = pkg.Path()
		default:
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Obj != b.Obj {
			return a.Obj < b.Obj
		}
		return typeName(a.t) < typeName(b.t)
	})
	return out
}

// factHeader is a stored fact's key: the fact's value, if its type has
// fields, follows the list of headers in the same gob stream, so the
// stream describes each fact type once.
type factHeader struct {
	Pkg, Obj, Name, Type string
	HasData              bool
}

// encodeFacts writes list as a cache entry.
func encodeFacts(list []portableFact) ([]byte, error) {
	headers := make([]factHeader, len(list))
	for i, e := range list {
		headers[i] = factHeader{Pkg: e.Pkg, Obj: e.Obj, Name: e.Name, Type: typeName(e.t), HasData: e.t.Elem().NumField() > 0}
	}
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode(headers); err != nil {
		return nil, err
	}
	for i, e := range list {
		if headers[i].HasData {
			if err := enc.Encode(e.fact); err != nil {
				return nil, fmt.Errorf("encoding fact %T: %v", e.fact, err)
			}
		}
	}
	return b.Bytes(), nil
}

// decodeFacts reads a cache entry written by encodeFacts; factTypes maps
// fact type names to their pointer types.
func decodeFacts(data []byte, factTypes map[string]reflect.Type) ([]portableFact, error) {
	dec := gob.NewDecoder(bytes.NewReader(data))
	var headers []factHeader
	if err := dec.Decode(&headers); err != nil {
		return nil, fmt.Errorf("decoding cached facts: %v", err)
	}
	out := make([]portableFact, len(headers))
	for i, h := range headers {
		t := factTypes[h.Type]
		if t == nil {
			return nil, fmt.Errorf("cached fact of unknown type %s", h.Type)
		}
		f := reflect.New(t.Elem()).Interface().(analysis.Fact)
		if h.HasData {
			if err := dec.Decode(f); err != nil {
				return nil, fmt.Errorf("decoding fact %s: %v", h.Type, err)
			}
		}
		out[i] = portableFact{Pkg: h.Pkg, Obj: h.Obj, Name: h.Name, t: t, fact: f}
	}
	return out, nil
}

// add makes list visible, resolving objects in the packages that the
// package being analysed can see (pkgs, by path); facts about packages it
// cannot see are dropped, as it cannot refer to them.
func (fs *facts) add(list []portableFact, pkgs map[string]*types.Package) {
	for _, e := range list {
		pkg := pkgs[e.Pkg]
		if pkg == nil {
			continue
		}
		k := factKey{t: e.t}
		if e.Obj == "" {
			k.pkg = pkg
		} else {
			obj, err := objectpath.Object(pkg, objectpath.Path(e.Obj))
			if err != nil {
				continue // the export data does not hold it: nothing here can refer to it
			}
			k.obj = obj
		}
		fs.m[k] = e.fact
	}
}

func typeName(t reflect.Type) string { return t.String() }
