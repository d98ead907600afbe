package config

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// DirectivePrefix starts every directive. //futurelint:ignore, which
// suppresses a finding, is not a role and is left alone here.
const DirectivePrefix = "//futurelint:"

// NotALoop is the directive, on a function, that turns off the inference
// of a loop run by it (see internal/inferred).
const NotALoop = "not-a-loop"

// ignoreVerb is the suppression directive's verb (see engine.IgnoreDirective).
const ignoreVerb = "ignore"

// Directives are the roles a package declares for its own functions,
// methods and types in //futurelint: comments.
type Directives struct {
	Library  Library
	LoopCode []*ast.FuncDecl // functions declared to run on the loop
	NotLoops []*ast.FuncDecl // functions whose goroutine is not to be taken for a loop
}

// ParseDirectives reads the role directives of a package's files:
//
//	//futurelint:blocks [deadlock|timeout|io|sleep|sync|process|runs] [waits=P]
//	//futurelint:callback F [loop=L|loop=new|loop=caller] [threadsafe] [settled]
//	//futurelint:coroutine F [loop=L|loop=new|loop=caller] [threadsafe] [settled]
//	//futurelint:goroutine F [settled]
//	//futurelint:wraps [F] loop=L
//	//futurelint:loop-only
//	//futurelint:suspends
//	//futurelint:current-loop
//	//futurelint:loopcode
//	//futurelint:not-a-loop
//
// in the doc comment of a function or method (or of a method in an
// interface type), where P, F and L name parameters (the receiver by its
// name), and
//
//	//futurelint:loopcode | loop | future | task | promise
//
// in the doc comment of a type. loopcode on a function says that the
// function runs on the loop; on a type, that a parameter of that type makes
// a function loop code. A malformed or misplaced directive is an error at
// its position.
func ParseDirectives(fset *token.FileSet, pkgPath string, files []*ast.File) (*Directives, error) {
	if !hasDirectives(files) {
		return &Directives{Library: Library{Pkg: pkgPath}}, nil
	}
	p := &dirParser{fset: fset, d: &Directives{Library: Library{Pkg: pkgPath}}, used: map[*ast.Comment]bool{}, funcs: map[string]int{}}
	for _, f := range files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				p.fn(decl)
			case *ast.GenDecl:
				if decl.Tok != token.TYPE {
					continue
				}
				for _, spec := range decl.Specs {
					ts := spec.(*ast.TypeSpec)
					doc := ts.Doc
					if doc == nil && len(decl.Specs) == 1 {
						doc = decl.Doc
					}
					p.typ(ts, doc)
				}
			}
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if verb, ok := directiveVerb(c); ok && verb != ignoreVerb && !p.used[c] {
					p.errorf(c.Pos(), "//futurelint:%s is not in the doc comment of a function, method or type, so it applies to nothing; put it right above the declaration", verb)
				}
			}
		}
	}
	if len(p.errs) > 0 {
		return nil, &Error{errors.Join(p.errs...)}
	}
	return p.d, nil
}

// hasDirectives reports whether any comment of files is a role directive:
// most packages have none, and pay only for this scan.
func hasDirectives(files []*ast.File) bool {
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				if verb, ok := directiveVerb(c); ok && verb != ignoreVerb {
					return true
				}
			}
		}
	}
	return false
}

type dirParser struct {
	fset  *token.FileSet
	d     *Directives
	used  map[*ast.Comment]bool
	funcs map[string]int // index in d.Library.Funcs by Describe
	errs  []error
}

func (p *dirParser) errorf(pos token.Pos, format string, args ...any) {
	p.errs = append(p.errs, fmt.Errorf("%s: %s", p.fset.Position(pos), fmt.Sprintf(format, args...)))
}

// directiveVerb returns the verb of a //futurelint: comment.
func directiveVerb(c *ast.Comment) (string, bool) {
	rest, ok := strings.CutPrefix(c.Text, DirectivePrefix)
	if !ok {
		return "", false
	}
	verb, _, _ := strings.Cut(rest, " ")
	return verb, true
}

// directives returns the role directives of a doc comment, marking them used.
func (p *dirParser) directives(doc *ast.CommentGroup) []*ast.Comment {
	if doc == nil {
		return nil
	}
	var out []*ast.Comment
	for _, c := range doc.List {
		if verb, ok := directiveVerb(c); ok && verb != ignoreVerb {
			p.used[c] = true
			out = append(out, c)
		}
	}
	return out
}

func (p *dirParser) fn(decl *ast.FuncDecl) {
	recv := ""
	if decl.Recv != nil && len(decl.Recv.List) == 1 {
		recv = recvName(decl.Recv.List[0].Type)
	}
	for _, c := range p.directives(decl.Doc) {
		if verb, _ := directiveVerb(c); verb == "loopcode" || verb == NotALoop {
			if strings.TrimSpace(strings.TrimPrefix(c.Text, DirectivePrefix+verb)) != "" {
				p.errorf(c.Pos(), "//futurelint:%s takes no arguments", verb)
				continue
			}
			if verb == NotALoop {
				p.d.NotLoops = append(p.d.NotLoops, decl)
			} else {
				p.d.LoopCode = append(p.d.LoopCode, decl)
			}
			continue
		}
		p.funcDirective(c, recv, decl.Name.Name)
	}
}

func (p *dirParser) typ(ts *ast.TypeSpec, doc *ast.CommentGroup) {
	for _, c := range p.directives(doc) {
		verb, _ := directiveVerb(c)
		role, ok := TypeRoles[verb]
		if !ok {
			p.errorf(c.Pos(), "//futurelint:%s does not apply to a type (a type takes one of: %s)", verb, keys(TypeRoles))
			continue
		}
		if strings.TrimSpace(strings.TrimPrefix(c.Text, DirectivePrefix+verb)) != "" {
			p.errorf(c.Pos(), "//futurelint:%s on a type takes no arguments", verb)
			continue
		}
		p.d.Library.Types = append(p.d.Library.Types, TypeSpec{Name: ts.Name.Name, Role: role, At: p.fset.Position(c.Pos()).String()})
	}
	if it, ok := ts.Type.(*ast.InterfaceType); ok {
		for _, m := range it.Methods.List {
			if len(m.Names) != 1 {
				continue // an embedded interface: its directives are reported as misplaced
			}
			for _, c := range p.directives(m.Doc) {
				if verb, _ := directiveVerb(c); verb == "loopcode" {
					p.errorf(c.Pos(), "//futurelint:loopcode on an interface method is not supported; mark the implementations, or give their parameter type the loopcode role")
					continue
				}
				p.funcDirective(c, ts.Name.Name, m.Names[0].Name)
			}
		}
	}
}

// funcDirective adds one directive to the description of recv.name.
func (p *dirParser) funcDirective(c *ast.Comment, recv, name string) {
	lib := &p.d.Library
	spec := FuncSpec{Recv: recv, Name: name}
	i, ok := p.funcs[spec.Describe()]
	if !ok {
		spec.At = p.fset.Position(c.Pos()).String()
		lib.Funcs = append(lib.Funcs, spec)
		i = len(lib.Funcs) - 1
		p.funcs[spec.Describe()] = i
	}
	if err := parseFuncDirective(&lib.Funcs[i], strings.TrimPrefix(c.Text, DirectivePrefix)); err != nil {
		p.errorf(c.Pos(), "//futurelint:%s", err)
	}
}

// parseFuncDirective applies "verb args..." to s. Errors start with the verb.
func parseFuncDirective(s *FuncSpec, text string) error {
	fields := strings.Fields(text)
	verb, args := fields[0], fields[1:]
	var pos []string
	opts := map[string]string{}
	var order []string
	for _, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok {
			if _, dup := opts[k]; dup {
				return fmt.Errorf("%s: %s= given twice", verb, k)
			}
			opts[k] = v
			order = append(order, k)
		} else {
			pos = append(pos, a)
		}
	}
	allow := func(n int, usage string, keys ...string) error {
		if len(pos) > n {
			return fmt.Errorf("%s: unexpected %q; usage: //futurelint:%s", verb, pos[n], usage)
		}
		for _, k := range order {
			ok := false
			for _, a := range keys {
				ok = ok || a == k
			}
			if !ok {
				return fmt.Errorf("%s: unknown option %s=; usage: //futurelint:%s", verb, k, usage)
			}
		}
		return nil
	}
	name := func(v, usage string) (Param, error) {
		if !isIdent(v) {
			return Param{}, fmt.Errorf("%s: %q is not a parameter name; usage: //futurelint:%s", verb, v, usage)
		}
		return Param{Name: v}, nil
	}
	switch verb {
	case "blocks":
		const usage = "blocks [deadlock|timeout|io|sleep|sync|process|runs] [waits=P]"
		if err := allow(1, usage, "waits"); err != nil {
			return err
		}
		s.Blocks = Blocks["deadlock"]
		if len(pos) == 1 {
			b, ok := Blocks[pos[0]]
			if !ok {
				return fmt.Errorf("blocks: unknown kind %q; usage: //futurelint:%s", pos[0], usage)
			}
			s.Blocks = b
		}
		if w, ok := opts["waits"]; ok {
			p, err := name(w, usage)
			if err != nil {
				return err
			}
			s.Waits = p
		}
	case "callback", "coroutine", "goroutine":
		usage := verb + " F [loop=L|loop=new|loop=caller] [threadsafe] [settled]"
		if verb == "goroutine" {
			usage = "goroutine F [settled]"
		}
		var threadsafe, settled bool
		for len(pos) > 1 && (pos[len(pos)-1] == "threadsafe" || pos[len(pos)-1] == "settled") {
			if pos[len(pos)-1] == "threadsafe" {
				threadsafe = true
			} else {
				settled = true
			}
			pos = pos[:len(pos)-1]
		}
		if err := allow(1, usage, "loop"); err != nil {
			return err
		}
		if len(pos) == 0 {
			return fmt.Errorf("%s: name the parameter holding the function; usage: //futurelint:%s", verb, usage)
		}
		run := RunSpec{Where: Wheres[verb], Threadsafe: threadsafe, Settled: settled}
		var err error
		if run.Arg, err = name(pos[0], usage); err != nil {
			return err
		}
		if l, ok := opts["loop"]; ok {
			if l == NewLoop || l == CallerLoop {
				run.Loop = Param{Name: l}
			} else if run.Loop, err = name(l, usage); err != nil {
				return err
			}
		}
		if err := checkRun(run); err != nil {
			return fmt.Errorf("%s: %w", verb, err)
		}
		s.Runs = append(s.Runs, run)
	case "wraps":
		const usage = "wraps [F] loop=L"
		if err := allow(1, usage, "loop"); err != nil {
			return err
		}
		l, ok := opts["loop"]
		if !ok {
			return fmt.Errorf("wraps: name the loop the completion is delivered on with loop=; usage: //futurelint:%s", usage)
		}
		w := &WrapSpec{}
		var err error
		if w.Loop, err = name(l, usage); err != nil {
			return err
		}
		if len(pos) == 1 {
			if w.Future, err = name(pos[0], usage); err != nil {
				return err
			}
		}
		s.Wraps = w
	case "loop-only", "suspends", "current-loop":
		if err := allow(0, verb); err != nil {
			return err
		}
		switch verb {
		case "loop-only":
			s.LoopOnly = true
		case "suspends":
			s.Suspends = true
		default:
			s.CurrentLoop = true
		}
	default:
		if _, ok := TypeRoles[verb]; ok {
			return fmt.Errorf("%s applies to a type, not a function", verb)
		}
		return fmt.Errorf("%s: unknown directive (known: blocks, callback, coroutine, goroutine, wraps, loop-only, suspends, current-loop, loopcode, not-a-loop, ignore)", verb)
	}
	return nil
}

// recvName is the type name of a receiver expression: T, *T, T[P], *T[P].
func recvName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	switch t := e.(type) {
	case *ast.IndexExpr:
		e = t.X
	case *ast.IndexListExpr:
		e = t.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
