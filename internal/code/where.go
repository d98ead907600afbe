package code

import (
	"go/token"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// Where renders pos as "file.go:12": base name only, so messages and facts
// do not depend on the machine.
func Where(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}
