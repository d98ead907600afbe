package selfsubmit_test

import (
	"fmt"
	"go/ast"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/testmodule"
	"github.com/futurelint/futurelint/passes/loopblock"
	"github.com/futurelint/futurelint/passes/selfsubmit"
)

// finding is one diagnostic of the two rules: "file.go:12: selfsubmit error".
type finding struct {
	pos      token.Position
	analyzer string
	category string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d: %s %s", filepath.Base(f.pos.Filename), f.pos.Line, f.analyzer, f.category)
}

// analyzeBoth runs loopblock and selfsubmit together on the testdata
// packages, as the futurelint suite does.
func analyzeBoth(t *testing.T, patterns ...string) ([]*packages.Package, []finding) {
	t.Helper()
	pkgs, all := testmodule.Analyze(t, []*analysis.Analyzer{loopblock.Analyzer, selfsubmit.Analyzer}, patterns...)
	var found []finding
	for _, d := range all {
		found = append(found, finding{d.Package.Fset.Position(d.Pos), d.Analyzer, d.Category})
	}
	return pkgs, found
}

// TestOneFindingPerWait checks, with both rules running, that every finding
// of testdata/selfsubmit/both is the one its "finding:" comment names and
// that no other line has one: a wait on work submitted back to the current
// loop is selfsubmit's alone.
func TestOneFindingPerWait(t *testing.T) {
	pkgs, found := analyzeBoth(t, "./selfsubmit/both")
	var want []string
	for _, pkg := range pkgs {
		for _, f := range pkg.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if rest, ok := strings.CutPrefix(c.Text, "// finding: "); ok {
						p := pkg.Fset.Position(c.Slash)
						want = append(want, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, rest))
					}
				}
			}
		}
	}
	var got []string
	for _, f := range found {
		got = append(got, f.String())
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) < 8 {
		t.Fatalf("only %d finding comments in testdata/selfsubmit/both", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings of loopblock and selfsubmit together:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// TestLoopblockDefersToSelfsubmit checks loopblock's own testdata against
// this rule: each function where loopblock stays quiet on a wait because it
// is "selfsubmit's" has a selfsubmit error at or before that line, and no
// line has findings of both rules.
func TestLoopblockDefersToSelfsubmit(t *testing.T) {
	pkgs, found := analyzeBoth(t, "./loopblock/a")
	lines := map[string][]string{}
	for _, f := range found {
		key := fmt.Sprintf("%s:%d", f.pos.Filename, f.pos.Line)
		lines[key] = append(lines[key], f.analyzer)
	}
	for _, key := range slices.Sorted(maps.Keys(lines)) {
		as := lines[key]
		slices.Sort(as)
		if len(slices.Compact(as)) > 1 {
			t.Errorf("%s: reported by %v", key, as)
		}
	}
	checked := 0
	for _, pkg := range pkgs {
		for _, file := range pkg.Syntax {
			for _, cg := range file.Comments {
				for _, c := range cg.List {
					if !strings.Contains(c.Text, "quiet: selfsubmit's") {
						continue
					}
					checked++
					fn := enclosingFunc(file, c.Slash)
					if fn == nil {
						t.Fatalf("%s: comment outside a function", pkg.Fset.Position(c.Slash))
					}
					start, at := pkg.Fset.Position(fn.Pos()), pkg.Fset.Position(c.Slash)
					if !slices.ContainsFunc(found, func(f finding) bool {
						return f.analyzer == "selfsubmit" && f.category == "error" &&
							f.pos.Filename == at.Filename && f.pos.Line >= start.Line && f.pos.Line <= at.Line
					}) {
						t.Errorf("%s: loopblock leaves this wait to selfsubmit, which reports no deadlock for it", at)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no \"quiet: selfsubmit's\" waits in testdata/loopblock/a")
	}
}

// enclosingFunc returns the function declaration containing pos.
func enclosingFunc(f *ast.File, pos token.Pos) *ast.FuncDecl {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
			return fd
		}
	}
	return nil
}

// TestEveryWaitHasItsSubmit checks the contract between loopblock and this
// rule on all their testdata: every wait loopblock leaves to selfsubmit
// (Op.SelfSubmit) is a wait of a submit selfsubmit reports, so none is lost.
func TestEveryWaitHasItsSubmit(t *testing.T) {
	pkgs := testmodule.Load(t, "./loopblock/...", "./selfsubmit/...")
	graph, err := checker.Analyze([]*analysis.Analyzer{engine.Blocking}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	left := 0
	for _, act := range graph.Roots {
		blk := act.Result.(*engine.Blocks)
		res := blk.Placement()
		if res.SSA == nil {
			continue
		}
		reported := map[*engine.Op]bool{}
		for _, fn := range res.LoopFuncs() {
			for _, s := range blk.SelfSubmits(fn) {
				for _, w := range s.Waits {
					reported[w] = true
				}
			}
		}
		for _, fn := range res.LoopFuncs() {
			for _, op := range blk.Ops(fn) {
				if op.Submit == nil {
					continue
				}
				left++
				if !reported[op] {
					t.Errorf("%s: %s is left to selfsubmit, but no self-submit waits for it", act.Package.Fset.Position(op.Pos), op.What)
				}
			}
		}
	}
	if left < 10 {
		t.Errorf("only %d waits left to selfsubmit in the testdata", left)
	}
}
