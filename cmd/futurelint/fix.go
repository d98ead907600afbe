package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/futurelint/futurelint/internal/driver"
)

// fixer applies the suggested fixes of findings, as x/tools' checker does:
// the first fix of each finding; a fix that would edit a generated file,
// or overlaps a fix already taken, is left out whole; each fixed file is
// gofmt-ed, and loses the imports the fixes stopped using.
type fixer struct {
	names map[string]string // package path -> name, for imports that do not rename
	files map[string]*fixedFile
}

type fixedFile struct {
	src       []byte
	generated bool
	edits     []driver.Edit
}

// applyFixes applies the fixes of ds to the files, or prints them as a
// unified diff to w when diff is set. It returns an error if a fix was
// left out or a file could not be read or written.
func applyFixes(w io.Writer, ds []driver.Diagnostic, names map[string]string, diff bool) error {
	fx := &fixer{names: names, files: map[string]*fixedFile{}}
	var fixes, taken int
	for _, d := range ds {
		if len(d.Fixes) == 0 {
			continue
		}
		fixes++
		ok, err := fx.take(d.Fixes[0])
		if err != nil {
			return err
		}
		if ok {
			taken++
		}
	}
	var edited []string
	for name, f := range fx.files {
		if len(f.edits) > 0 {
			edited = append(edited, name)
		}
	}
	sort.Strings(edited)
	for _, name := range edited {
		f := fx.files[name]
		out := fx.format(f.src, applyEdits(f.src, f.edits))
		if diff {
			if _, err := io.WriteString(w, unifiedDiff(name, f.src, out)); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(name, out, info.Mode().Perm()); err != nil {
			return err
		}
	}
	if taken < fixes {
		return fmt.Errorf("applied %d of %d fixes: the others overlap them or edit generated files (run futurelint -fix again to apply more)", taken, fixes)
	}
	return nil
}

// take adds fix's edits if they fit with those taken so far: they edit
// files that are not generated, and overlap no other edit (an edit that
// is already there, made by another finding's fix, is taken once).
func (fx *fixer) take(fix driver.Fix) (bool, error) {
	var add []driver.Edit
	for _, e := range fix.Edits {
		f, err := fx.file(e.Filename)
		if err != nil {
			return false, err
		}
		if f.generated || e.Start < 0 || e.Start > e.End || e.End > len(f.src) {
			return false, nil
		}
		dup := false
		for _, o := range slices.Concat(f.edits, add) {
			if o == e {
				dup = true
				break
			}
			if o.Filename == e.Filename && (o.Start < e.End && e.Start < o.End || o.Start == e.Start) {
				return false, nil
			}
		}
		if !dup {
			add = append(add, e)
		}
	}
	for _, e := range add {
		f := fx.files[e.Filename]
		f.edits = append(f.edits, e)
	}
	return true, nil
}

// file reads a file the fixes edit, once.
func (fx *fixer) file(name string) (*fixedFile, error) {
	if f := fx.files[name]; f != nil {
		return f, nil
	}
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	f := &fixedFile{src: src}
	if syntax, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments); err == nil {
		f.generated = ast.IsGenerated(syntax)
	}
	fx.files[name] = f
	return f, nil
}

// applyEdits returns src with the edits (which do not overlap) made.
func applyEdits(src []byte, edits []driver.Edit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var b bytes.Buffer
	at := 0
	for _, e := range edits {
		b.Write(src[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.Write(src[at:])
	return b.Bytes()
}

// format gofmts the fixed file and removes the imports that the original
// used and the fixed one no longer does (time, once time.Sleep became
// futures.Sleep). A file that does not parse is left as the edits made it.
func (fx *fixer) format(orig, fixed []byte) []byte {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", fixed, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return fixed
	}
	before := map[string]bool{}
	if o, err := parser.ParseFile(token.NewFileSet(), "orig.go", orig, parser.SkipObjectResolution); err == nil {
		before = qualifiers(o)
	}
	after := qualifiers(file)
	type unused struct{ name, path string }
	var drop []unused // deleted after the loop: deleting changes file.Imports
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name, explicit := fx.names[path], ""
		if spec.Name != nil {
			name, explicit = spec.Name.Name, spec.Name.Name
		}
		if name == "" || name == "_" || name == "." || !before[name] || after[name] {
			continue
		}
		drop = append(drop, unused{explicit, path})
	}
	for _, u := range drop {
		astutil.DeleteNamedImport(fset, file, u.name, u.path)
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, file); err != nil {
		return fixed
	}
	return b.Bytes()
}

// qualifiers returns the names used as X in a selector X.Sel outside the
// imports: every name an import may be used by.
func qualifiers(file *ast.File) map[string]bool {
	used := map[string]bool{}
	for _, decl := range file.Decls {
		ast.Inspect(decl, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					used[id.Name] = true
				}
			}
			return true
		})
	}
	return used
}
