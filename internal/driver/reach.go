package driver

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"

	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/roles"
)

// Which packages need facts.
//
// Loop code exists only in a package that refers to a loop runtime, to a
// package exporting loop wrappers (itself such a package), or to rows a
// //futurelint: directive or a config file declares: every rule is quiet
// on any other package, and only loop code asks for the facts of what it
// calls. So a package whose import closure holds no loop runtime of the
// roles table, no package with role directives and no package a config
// row names is loop-free, and a dependency needs facts only when it is in
// the import closure of a package that is not. The others are read from
// export data and never type-checked from source: the cost follows what
// loop code can reach, not the size of the dependency tree.
//
// The test is on the shipped table, presets included: a preset turned
// off only makes it analyse more than it must.

// directivePrefix starts a role directive in a file's bytes; ignoreVerb
// (a suppression) declares no role.
var (
	directivePrefix = []byte(config.DirectivePrefix)
	ignoreVerb      = []byte("ignore")
)

// declaresRoles reports whether a file's source may hold a role directive
// (a //futurelint: comment other than ignore). It errs on the side of yes:
// the text may be in a string.
func declaresRoles(src []byte) bool {
	for {
		i := bytes.Index(src, directivePrefix)
		if i < 0 {
			return false
		}
		src = src[i+len(directivePrefix):]
		verb := src
		if j := bytes.IndexAny(verb, " \t\r\n"); j >= 0 {
			verb = verb[:j]
		}
		if !bytes.Equal(verb, ignoreVerb) {
			return true
		}
	}
}

// mayRunLoop reports whether a package's sources may hold a loop nobody
// described (internal/inferred): a go statement, and a for statement that
// receives a value from a field or a variable and runs it (calls it, a
// method or field of it, or a function it is handed to). Such a package
// may declare rows by inference, as with a directive. A byte check comes
// first; only the packages that pass it are parsed, and a file that does
// not parse counts as a yes.
func mayRunLoop(srcs [][]byte) bool {
	var chans, recvs, gos bool
	for _, src := range srcs {
		chans = chans || bytes.Contains(src, []byte("chan"))
		recvs = recvs || bytes.Contains(src, []byte("<-")) || bytes.Contains(src, []byte("range"))
		gos = gos || bytes.Contains(src, []byte("go "))
	}
	if !chans || !recvs || !gos {
		return false
	}
	var hasGo, hasLoop bool
	for _, src := range srcs {
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
		if err != nil {
			return true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				hasGo = true
			case *ast.RangeStmt:
				if v, ok := n.Key.(*ast.Ident); ok && isVarRef(n.X) && runs(n.Body, v.Name) {
					hasLoop = true
				}
			case *ast.ForStmt:
				if n.Cond == nil {
					hasLoop = hasLoop || runsReceived(n.Body)
				}
			}
			return !(hasGo && hasLoop)
		})
		if hasGo && hasLoop {
			return true
		}
	}
	return false
}

// runsReceived reports whether a for statement's body assigns a value
// received from a field or a variable (v := <-q, case v := <-q:) and runs
// it within the body.
func runsReceived(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW && isVarRef(u.X) {
				if v, ok := as.Lhs[0].(*ast.Ident); ok && runs(body, v.Name) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// runs reports whether body calls name, a method or field of it, or
// passes it to a call: the ways a loop runs what it receives. Names are
// compared as written: a shadowing declaration only makes it say yes.
func runs(body *ast.BlockStmt, name string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return !found
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			found = found || fun.Name == name
		case *ast.SelectorExpr:
			if x, ok := ast.Unparen(fun.X).(*ast.Ident); ok && x.Name == name {
				found = true
			}
		}
		for _, arg := range call.Args {
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok && id.Name == name {
				found = true
			}
		}
		return !found
	})
	return found
}

// isVarRef reports whether e may denote a field or a variable: a name or
// a selector, the only channels a loop nobody described drains.
func isVarRef(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return true
	}
	return false
}

// markReach sets loopy and needed on the nodes of order (dependencies
// first). Files must have been read (hashFiles) for the directives.
func markReach(order []*node) {
	table := roles.Default()
	for _, n := range order {
		n.loopy = n.declaresRows || table.LoopRuntime(n.pkg.PkgPath)
		for _, m := range n.imports {
			n.loopy = n.loopy || m.loopy
		}
		if !n.loopy && (n.root || !n.std) && configNames(n) {
			n.loopy = true
		}
	}
	// Dependents come after their dependencies: walk backwards, handing
	// "needed" down from each package with possible loop code.
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		if n.loopy {
			n.needed = true
		}
		if n.needed {
			for _, m := range n.imports {
				m.needed = true
			}
		}
	}
}

// configNames reports whether a config file that applies to n names a
// package of n's import closure (or cannot be read: the analysis then
// says why).
func configNames(n *node) bool {
	c, err := configOf(n)
	if err != nil {
		return true
	}
	if c == nil || len(c.Libraries) == 0 {
		return false
	}
	names := map[string]bool{}
	for _, lib := range c.Libraries {
		names[lib.Pkg] = true
	}
	seen := map[*node]bool{}
	var in func(m *node) bool
	in = func(m *node) bool {
		if seen[m] {
			return false
		}
		seen[m] = true
		if names[m.pkg.PkgPath] {
			return true
		}
		for _, d := range m.imports {
			if in(d) {
				return true
			}
		}
		return false
	}
	return in(n)
}

// hasConfig reports whether a config file applies to n (or cannot be
// read).
func hasConfig(n *node) bool {
	c, err := configOf(n)
	return c != nil || err != nil
}

// configOf returns the config that applies to n, as the engine finds it:
// from the directory of its files.
func configOf(n *node) (*config.Config, error) {
	if len(n.pkg.CompiledGoFiles) == 0 {
		return nil, nil
	}
	return config.For(filepath.Dir(n.pkg.CompiledGoFiles[0]))
}
