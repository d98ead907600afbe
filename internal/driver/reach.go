package driver

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/inferred"
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
// row or attach entry names is loop-free, and a dependency needs facts
// only when it is in the import closure of a package that is not. The
// others are read from export data and never type-checked from source:
// the cost follows what loop code can reach, not the size of the
// dependency tree. A loop-free package the user named is not analysed at
// all: the rules would find nothing in it. Of the dependencies that need
// facts, those whose source shows they export none are not analysed either
// (exports.go).
//
// A package that runs a loop nobody described (internal/inferred) declares
// rows too. Finding it takes two looks: a syntax check every package pays
// (mayRunLoop), then, for the few it lets through that are not loopy
// anyway, the inference itself on the package type-checked against export
// data (inferLoops); only a package where it finds a loop with rows makes
// its importers loopy.
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
// described (internal/inferred) that gets rows: a go statement, a for
// statement that receives a value from a field or a variable and runs it
// (calls it, a method or field of it, or a function it is handed to), and
// a function that sends one of its parameters to that field or variable
// (a post; names compared as written). Such a package
// may declare rows by inference, as with a directive: inferLoops takes a
// second, typed look. A byte check comes first; only the packages that
// pass it are parsed, and a file parsed that does not parse counts as a
// yes.
func mayRunLoop(srcs [][]byte) bool {
	// A post sends: only the files that may send may hold one, and they
	// are parsed first, as a package with no post is then done.
	var sends, others [][]byte
	var chans, gos bool
	for _, src := range srcs {
		if maySend(src) {
			sends = append(sends, src)
		} else {
			others = append(others, src)
		}
		chans = chans || bytes.Contains(src, []byte("chan"))
		gos = gos || bytes.Contains(src, []byte("go "))
	}
	if len(sends) == 0 || !chans || !gos {
		return false
	}
	// The loop drains a queue and a post sends to it: the same field or
	// variable, so the same name as written.
	hasGo := false
	drained := map[string]bool{}
	posts := map[string]int{} // by queue name: post or postIfNamed
	shadows := false          // the package declares a type named as a predeclared one
	found := func() bool {
		for q, kind := range posts {
			if drained[q] && (kind == post || shadows) {
				return hasGo
			}
		}
		return false
	}
	for i, src := range append(sends, others...) {
		if i == len(sends) && len(posts) == 0 {
			return false
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
		if err != nil {
			return true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				shadows = shadows || types.Universe.Lookup(n.Name.Name) != nil
			case *ast.FuncDecl:
				sendsParam(n.Recv, n.Type, n.Body, posts)
			case *ast.FuncLit:
				sendsParam(nil, n.Type, n.Body, posts)
			case *ast.GoStmt:
				hasGo = true
			case *ast.RangeStmt:
				if v, ok := n.Key.(*ast.Ident); ok && isVarRef(n.X) && runs(n.Body, v.Name) {
					drained[lastName(n.X)] = true
				}
			case *ast.ForStmt:
				if n.Cond == nil {
					runsReceived(n.Body, drained)
				}
			}
			return true
		})
		if found() {
			return true
		}
	}
	return false
}

// maySend reports whether src may hold a send statement: an arrow after
// an operand on its line (x.q <- f, q[i] <- f, (q) <- f) that does not
// follow case, return or chan, nor precede chan: there it receives or
// spells a channel type.
func maySend(src []byte) bool {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("<-"))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 2
		if rest := src[i:]; bytes.HasPrefix(rest, []byte("chan")) && (len(rest) == 4 || !isAlnum(rest[4]) && rest[4] != '_' && rest[4] < 0x80) {
			continue // <-chan T: a type
		}
		k := at
		for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
			k--
		}
		if k == 0 {
			continue
		}
		c := src[k-1]
		if c != ')' && c != ']' && c != '/' && c != '_' && !isAlnum(c) && c < 0x80 {
			continue
		}
		w := k
		for w > 0 && (isAlnum(src[w-1]) || src[w-1] == '_') {
			w--
		}
		switch string(src[w:k]) {
		case "case", "return", "chan":
			continue
		}
		return true
	}
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// A post's send: how sure the syntax is that a function sends one of its
// func parameters to a field or a package-level variable.
const (
	noPost      = iota
	postIfNamed // a parameter's type is a predeclared name: only if the package declares a type of that name
	post
)

// sendsParam adds to posts the queues a function (recv, typ, body) may
// post to: it sends to a field or a variable (not one of its parameters) a
// value that names one of its parameters whose type may be a func, or any
// parameter as it is (a dispatcher's request), or a request holding a
// channel the function then receives from (its reply), outside any closure of its
// own (a post's rows come from such a send, and a loop without posts gets
// none). A function literal is asked on its own: a post
// may be a closure kept in a variable (go-sdl2's callInMain).
func sendsParam(recv *ast.FieldList, typ *ast.FuncType, body *ast.BlockStmt, posts map[string]int) {
	if body == nil {
		return
	}
	names := map[string]bool{} // every parameter, the receiver included: none is a queue
	params := map[string]int{} // those that may be funcs: post or postIfNamed
	sent := map[string]bool{}  // every parameter: sent as it is, a dispatcher's request
	for _, list := range []*ast.FieldList{recv, typ.Params} {
		if list == nil {
			continue
		}
		for _, fld := range list.List {
			kind := post
			switch t := ast.Unparen(fld.Type).(type) {
			case *ast.StarExpr, *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.StructType, *ast.InterfaceType, *ast.Ellipsis:
				kind = noPost
			case *ast.Ident:
				if types.Universe.Lookup(t.Name) != nil {
					kind = postIfNamed
				}
			}
			for _, name := range fld.Names {
				names[name.Name] = true
				if list == typ.Params {
					sent[name.Name] = true
					if kind != noPost {
						params[name.Name] = kind
					}
				}
			}
		}
	}
	if len(sent) == 0 {
		return
	}
	// The channels the function receives from itself: sent inside a
	// message, one is its reply channel (an invoke that waits).
	replies := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
				replies[id.Name] = true
			}
		}
		_, lit := n.(*ast.FuncLit)
		return !lit
	})
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SendStmt:
			if !isVarRef(n.Chan) {
				return true
			}
			if id, ok := ast.Unparen(n.Chan).(*ast.Ident); ok && names[id.Name] {
				return true
			}
			q := lastName(n.Chan)
			if id, ok := ast.Unparen(n.Value).(*ast.Ident); ok && sent[id.Name] {
				posts[q] = post
				return true
			}
			ast.Inspect(n.Value, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					posts[q] = max(posts[q], params[id.Name])
					if replies[id.Name] && !names[id.Name] {
						posts[q] = post // a request carrying its reply channel
					}
				}
				return true
			})
			if posts[q] == noPost {
				delete(posts, q)
			}
		}
		return true
	})
}

// lastName is the name a field or variable reference ends with: q of q,
// x.q and pkg.q.
func lastName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// runsReceived adds to drained the fields and variables, by name, that a
// for statement's body receives a value from (v := <-q, case v := <-q:)
// and runs within the body.
func runsReceived(body *ast.BlockStmt, drained map[string]bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			if u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW && isVarRef(u.X) {
				if v, ok := as.Lhs[0].(*ast.Ident); ok && runs(body, v.Name) {
					drained[lastName(u.X)] = true
				}
			}
		}
		return true
	})
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
// first). Files must have been read (readFiles) for the directives and
// the syntax check. Of the packages the syntax check lets through, only
// those that would not be loopy anyway are asked about (infer sets their
// declaresRows): whether a loopy package declares rows changes nothing.
func markReach(order []*node, infer func(candidates []*node)) {
	markLoopy(order)
	var candidates []*node
	for _, n := range order {
		if n.mayInfer && !n.loopy {
			candidates = append(candidates, n)
		}
	}
	if len(candidates) > 0 {
		infer(candidates)
		markLoopy(order)
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

// markLoopy sets loopy on the nodes of order (dependencies first).
func markLoopy(order []*node) {
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
}

// inferLoops is the second look at the packages the syntax check lets
// through (most of which run worker pools, not loops): each is
// type-checked against export data (the view sh) and internal/inferred
// says whether it runs a loop that gets rows; only those declare rows.
// The inference errs on the side of yes (it ignores what takes loops
// away: table rows, directives, config), and so does a package that does
// not type-check: its analysis says why. The verdict is cached, so that
// a re-run type-checks none of them.
func (opts *Options) inferLoops(candidates []*node, sh *shallow) {
	_ = forEach(candidates, func(n *node) error {
		key := n.inferKey(opts.Salt)
		if opts.Cache != nil {
			if data, ok := opts.Cache.Get(key); ok && len(data) == 1 {
				n.declaresRows = data[0] == 1
				return nil
			}
		}
		fset, files, pkg, info, errs := typeCheck(n, sh.fset, sh, nil)
		n.declaresRows = errs != nil || inferred.Infers(fset, files, pkg, info)
		if opts.Cache != nil {
			verdict := []byte{0}
			if n.declaresRows {
				verdict[0] = 1
			}
			_ = opts.Cache.Put(key, verdict) // the cache only saves time
		}
		return nil
	})
}

// inferKey hashes what inferLoops' verdict on n depends on: its files
// and the export data of its imports.
func (n *node) inferKey(salt string) keyHash {
	h := sha256.New()
	p := n.pkg
	fmt.Fprintf(h, "futurelint inferred loops\nsalt %q\nid %q\npath %q\nname %q\n", salt, p.ID, p.PkgPath, p.Name)
	if p.Module != nil {
		fmt.Fprintf(h, "module %q %q go %q\n", p.Module.Path, p.Module.Version, p.Module.GoVersion)
	}
	fmt.Fprintf(h, "sizes %v\nfiles %x\n", p.TypesSizes, n.files)
	for _, m := range n.imports {
		fmt.Fprintf(h, "import %q export %q\n", m.pkg.ID, m.pkg.ExportFile)
	}
	var k keyHash
	copy(k[:], h.Sum(nil))
	return k
}

// configNames reports whether a config file that applies to n names a
// package of n's import closure, in a library's rows or an attach entry
// (or cannot be read: the analysis then says why).
func configNames(n *node) bool {
	c, err := configOf(n)
	if err != nil {
		return true
	}
	if c == nil || len(c.Libraries) == 0 && len(c.Attach) == 0 {
		return false
	}
	names := map[string]bool{}
	for _, lib := range c.Libraries {
		names[lib.Pkg] = true
	}
	// An attach entry gives a module or package tree a preset's rows.
	attached := func(path string) bool {
		for _, a := range c.Attach {
			if path == a.Path || strings.HasPrefix(path, a.Path+"/") {
				return true
			}
		}
		return false
	}
	seen := map[*node]bool{}
	var in func(m *node) bool
	in = func(m *node) bool {
		if seen[m] {
			return false
		}
		seen[m] = true
		if names[m.pkg.PkgPath] || attached(m.pkg.PkgPath) {
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
