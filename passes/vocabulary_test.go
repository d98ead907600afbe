package passes_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/roles"
)

// TestRulesNameNoLibrary checks that no rule names a library: the Go
// source under passes/ (outside tests and testdata; comments are
// documentation) never refers to the runtime's import path constant, nor
// spells a library's import path, its package qualifier ("futures.") or a
// call of one of its functions ("Spawn(", ".CallSoon") in a string. Those
// words come from the library's rows and Words.
func TestRulesNameNoLibrary(t *testing.T) {
	var banned []string
	for _, lib := range roles.Libraries() {
		for _, p := range lib.Paths {
			banned = append(banned, p, path.Base(p)+".")
		}
		if len(lib.Paths) == 0 {
			continue // the standard library: its names are not a library's words
		}
		for _, row := range lib.Funcs {
			banned = append(banned, "."+row.Name, row.Name+"(")
		}
	}
	checked := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, src, 0) // no comments
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if n.Name == "FuturesPkg" {
					t.Errorf("%s: refers to the runtime's import path", fset.Position(n.Pos()))
				}
			case *ast.BasicLit:
				if n.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(n.Value)
				if err != nil {
					return true
				}
				for _, b := range banned {
					if strings.Contains(s, b) {
						t.Errorf("%s: the string %q names a library (%q): take it from the rows", fset.Position(n.Pos()), s, b)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Errorf("only %d files checked under passes/", checked)
	}
}
