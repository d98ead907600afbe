package passes_test

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/testmodule"
)

// TestRelatedPositions checks, in each rule's spec, findings whose message
// leaves their other places out: those places are the finding's related
// information, each where it is ("file.go:line: message"). Steps of a
// chain in another package, or known by file and line only, are one entry
// at the call.
func TestRelatedPositions(t *testing.T) {
	want := map[string][]string{
		"loopblock interproc.go:18": {"interproc.go:18: calls time.Sleep at lib.go:13"},
		"loopblock deadlock.go:24":  {"deadlock.go:22: only callbacks run after this code returns settle it"},
		// The chain names the wait a directive leaves, and the wait that
		// certainly happens.
		"loopblock ignorechain.go:48": {"ignorechain.go:29: calls time.Sleep"},
		"loopblock ignorechain.go:50": {"ignorechain.go:50: calls time.Sleep at lib.go:98"},
		"loopblock ignorechain.go:52": {"ignorechain.go:61: receives from a channel"},
		"selfsubmit givesup.go:13":    {"givesup.go:14: waits for the submitted work: (*futures.Future).ResultContext", "givesup.go:14: its context is done"},
		"unwrapped callbacks.go:111":  {"callbacks.go:108: off the loop here"},
		"offloop api.go:55":           {"api.go:65: runs off the loop from here"},
		"lockawait lockawait.go:40":   {"lockawait.go:39: taken here by RLock"},
		"lockawait lockawait.go:71":   {"lockawait.go:69: locked here", "lockawait.go:71: calls wait at lockawait.go:62, which calls futures.Sleep at lockawait.go:58"},
		"lockawait b.go:17":           {"b.go:15: locked here", "b.go:17: calls Pause at lib.go:12, which calls futures.Sleep at lib.go:8"},
		"poolwait poolwait.go:56":     {"poolwait.go:64: the job is queued here", "poolwait.go:56: the work it waits for is queued here"},
		"poolwait poolwait.go:80":     {"poolwait.go:79: the job is queued here", "poolwait.go:80: calls (*futures.Future).Result at poolwait.go:75"},
	}
	got := map[string][]string{}
	for _, r := range analyzer.Rules {
		_, found := testmodule.Analyze(t, []*analysis.Analyzer{r.Analyzer}, "./"+r.Analyzer.Name+"/...")
		for _, f := range found {
			k := r.Analyzer.Name + " " + where(f.Package.Fset.Position(f.Pos))
			if _, ok := want[k]; !ok {
				continue
			}
			for _, rel := range f.Related {
				got[k] = append(got[k], where(f.Package.Fset.Position(rel.Pos))+": "+rel.Message)
			}
		}
	}
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("%s: related\n%s\nwant\n%s", k, strings.Join(got[k], "\n"), strings.Join(w, "\n"))
		}
	}
}

// where is a position as base:line.
func where(p token.Position) string { return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line) }
