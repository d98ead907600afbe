package driver

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/config"
)

// One package that does not build must not hide the findings of the
// others: the go command reports its errors, futurelint says which named
// package they stop, and analyses every package that builds.

// buildErrors adds to res the errors the go command reported about the
// packages of the graph, each once, and returns the packages that cannot
// be type-checked: those with errors and those that import one, directly
// or not. An error of a package the user did not name comes with the
// chain of imports that pulled it in from a named one, in the go
// command's words:
//
//	package example.com/app
//		imports example.com/ui
//		imports example.com/gl: build constraints exclude all Go files in ...
func buildErrors(order []*node, res *Result) map[*node]bool {
	unbuilt := map[*node]bool{}
	for _, n := range order { // dependencies first
		if len(n.pkg.Errors) > 0 {
			unbuilt[n] = true
			continue
		}
		for _, m := range n.imports {
			if unbuilt[m] {
				unbuilt[n] = true
				break
			}
		}
	}
	if len(unbuilt) == 0 {
		return unbuilt
	}
	chains := importChains(order)
	reported := map[string]bool{} // by package path: test variants fail alike
	for _, n := range order {
		if len(n.pkg.Errors) == 0 || reported[n.pkg.PkgPath] {
			continue
		}
		reported[n.pkg.PkgPath] = true
		var msgs []string
		for _, e := range n.pkg.Errors {
			msg := e.Msg
			// A compile error comes as the go command prints it, under a
			// "# path" line: the header below names the package.
			if first, rest, ok := strings.Cut(msg, "\n"); ok && strings.HasPrefix(first, "# ") {
				msg = rest
			}
			if e.Pos != "" && e.Pos != "-" {
				msg = e.Pos + ": " + msg
			}
			if !slices.Contains(msgs, msg) {
				msgs = append(msgs, msg)
			}
		}
		text := strings.Join(msgs, "\n")
		chain := chains[n]
		if len(chain) <= 1 {
			res.Errors = append(res.Errors, "# "+n.pkg.PkgPath+"\n"+text)
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "package %s", chain[0].pkg.ID) // p [p.test]: p's tests import it
		for _, m := range chain[1:] {
			fmt.Fprintf(&b, "\n\timports %s", m.pkg.PkgPath)
		}
		if strings.Contains(text, "\n") {
			fmt.Fprintf(&b, ":\n%s", text)
		} else {
			fmt.Fprintf(&b, ": %s", text)
		}
		res.Errors = append(res.Errors, b.String())
	}
	return unbuilt
}

// importChains returns, for every package reachable from a named one, the
// shortest chain of imports that leads to it from a named package, named
// package first. Named packages are tried in ID order and imports in path
// order, so the chain is the same every run.
func importChains(order []*node) map[*node][]*node {
	var roots []*node
	for _, n := range order {
		if n.root {
			roots = append(roots, n)
		}
	}
	sort.Slice(roots, func(i, j int) bool { return roots[i].pkg.ID < roots[j].pkg.ID })
	parent := map[*node]*node{}
	queue := roots
	for _, r := range roots {
		parent[r] = nil
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, m := range n.imports {
			if _, seen := parent[m]; !seen {
				parent[m] = n
				queue = append(queue, m)
			}
		}
	}
	chains := map[*node][]*node{}
	for n := range parent {
		var chain []*node
		for m := n; m != nil; m = parent[m] {
			chain = append(chain, m)
		}
		for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
			chain[i], chain[j] = chain[j], chain[i]
		}
		chains[n] = chain
	}
	return chains
}

// notAnalysed records in res the named packages, and those of them without
// findings because they, or packages they import, could not be analysed:
// unbuilt, or their analysis (or a dependency's) failed.
func notAnalysed(order []*node, unbuilt map[*node]bool, transitive func(*node) []*node, res *Result) {
	for _, n := range order {
		if !n.root {
			continue
		}
		res.Named = append(res.Named, n.pkg.ID)
		failed := unbuilt[n] || n.errs != nil
		if !failed {
			for _, d := range transitive(n) {
				if d.errs != nil {
					failed = true
					break
				}
			}
		}
		if failed {
			res.NotAnalysed = append(res.NotAnalysed, n.pkg.ID)
		}
	}
	sort.Strings(res.Named)
	sort.Strings(res.NotAnalysed)
}

// analysisError is the error of analyzer a on the package at path. A
// mistake in the user's description of loop APIs says where it was
// written, and every package the description applies to fails with it:
// it stands alone, so that it is reported once.
func analysisError(a *analysis.Analyzer, path string, err error) error {
	var ce *config.Error
	if errors.As(err, &ce) {
		return ce
	}
	return fmt.Errorf("analysis %s of package %s: %v", a.Name, path, err)
}
