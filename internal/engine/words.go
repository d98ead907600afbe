package engine

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/code"
	"github.com/futurelint/futurelint/internal/roles"
)

// Library returns the library whose words a finding about code of fn uses:
// that of the loop fn runs on (its marker's type, the handler interface its
// method implements, or the API that hands it to the loop, through
// wrappers), else the library of row's package (the
// API the finding is about), else nil.
func (r *Result) Library(fn *ssa.Function, row *roles.Func) *roles.Library {
	if lib := r.loopLibrary(fn, 0); lib != nil {
		return lib
	}
	if row != nil {
		return r.Roles.Library(submitVia(row))
	}
	return nil
}

// loopLibrary is the library of the loop fn runs on, or nil; through the
// loop code that runs it in place (CalledBy), depth calls deep.
func (r *Result) loopLibrary(fn *ssa.Function, depth int) *roles.Library {
	if p := r.places[r.ActivationRoot(fn)]; p != nil {
		if p.Marker != nil {
			if ty := r.Roles.TypeOf(p.Marker.Type()); ty != nil {
				if lib := r.Roles.Library(ty.Pkg); lib != nil {
					return lib
				}
			}
		}
		if b := r.bodies.runBy(p.Fn); b != nil {
			if lib := r.Roles.Library(b.Via); lib != nil {
				return lib
			}
		}
		if p.Handler != nil {
			via := p.Handler.Via
			if via == "" {
				via = p.Handler.Pkg
			}
			if lib := r.Roles.Library(via); lib != nil {
				return lib
			}
		}
		for _, s := range p.Schedules {
			via := s.Arg.Via
			if via == "" {
				via = s.Row.Pkg
			}
			if lib := r.Roles.Library(via); lib != nil {
				return lib
			}
		}
		if depth < 8 {
			for _, c := range p.CalledBy {
				if lib := r.loopLibrary(c, depth+1); lib != nil {
					return lib
				}
			}
		}
	}
	return nil
}

// Words returns the words of Library(fn, row), with generic ones where the
// library has none.
func (r *Result) Words(fn *ssa.Function, row *roles.Func) roles.Words {
	if lib := r.Library(fn, row); lib != nil {
		return lib.Words.Or(roles.GenericWords)
	}
	return roles.GenericWords
}

// Fix returns the text of rewrite in the words of Library(fn, row), and the
// name under which the file at pos imports that library's package (its
// first import path), to fill {pkg}. ok is false when the library has no
// such fix, or the fix names the package and the file does not import it
// under a usable name: no fix is offered then.
func (r *Result) Fix(fn *ssa.Function, row *roles.Func, pos token.Pos, rewrite roles.Rewrite) (fix roles.Fix, pkg string, ok bool) {
	lib := r.Library(fn, row)
	if lib == nil || len(lib.Paths) == 0 {
		return roles.Fix{}, "", false
	}
	fix, ok = lib.Words.Fixes[rewrite]
	if !ok || fix.Text == "" {
		return roles.Fix{}, "", false
	}
	if !strings.Contains(fix.Text, "{pkg}") {
		return fix, "", true // a rename: nothing to import
	}
	pkg = code.ImportName(r.Pass, pos, lib.Paths[0])
	return fix, pkg, pkg != ""
}
