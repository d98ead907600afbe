package engine

import (
	goscanner "go/scanner"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"sync"

	"github.com/futurelint/futurelint/internal/roles"
)

// Which dependencies with no loop code may export a fact.
//
// A package with no loop code is analysed only for its facts, from its
// syntax (run: exportASTSummaries and the other syntax walks). Each of
// those walks starts from something the package's source must spell out:
//
//   - a may-block summary, from a channel receive (<-), a select, a range
//     over a channel, a call to a table row that blocks, or a call to a
//     function whose own summary is a fact;
//   - a ClosedFact, from a call to close;
//   - a SchedulesFact, a GoroutineFieldFact or an inferred loop, from a go
//     statement;
//   - an InPlaceFact, from a call of one of the function's own parameters
//     (or its receiver), or the hand-over of one to a function with an
//     InPlaceFact.
//
// A name says which function or field is meant only once the package is
// type-checked, but a package that never writes the name cannot call it.
// So a package whose tokens hold none of the keywords (go, select, chan,
// <-), no call of a parameter, and no identifier that names a blocking row,
// a function with a fact or a way to a channel (ChannelNames) in the
// packages it depends on exports nothing: it need not be type-checked at
// all. The test errs on the side of analysing: any name that may be one of
// those is taken for it.

// Exports answers, for one run, whether a package with no loop code may
// export a fact. It is safe for concurrent use.
type Exports struct {
	rows  map[string][]roles.Func // the table's blocking rows, by package path
	chans sync.Map                // *types.Package -> *chanNames
}

// NewExports returns the check for a run whose rows are those of table.
func NewExports(table *roles.Table) *Exports {
	e := &Exports{rows: map[string][]roles.Func{}}
	for _, f := range table.Funcs {
		if f.Block != roles.NoBlock {
			e.rows[f.Pkg] = append(e.rows[f.Pkg], f)
		}
	}
	return e
}

// A FactName names an object a dependency's fact is about: a
// package-level one by its package and name, a field or method by its
// name alone.
type FactName struct {
	Pkg, Name string
	Member    bool
}

// May reports whether a package with no loop code, of sources srcs, may
// export a fact: closure is its import closure (read from export data),
// facts the objects its dependencies' facts are about.
func (e *Exports) May(srcs [][]byte, closure []*types.Package, facts []FactName) bool {
	w := watched{members: map[string]bool{}, qualified: map[string]map[string]bool{}, names: map[string]string{}}
	for _, f := range facts {
		w.add(f.Pkg, f.Name, f.Member)
	}
	for _, p := range closure {
		w.names[p.Path()] = p.Name()
		for _, f := range e.rows[p.Path()] {
			w.add(f.Pkg, f.Name, f.Recv != "")
		}
		c := e.channelNames(p)
		for _, n := range c.pkgLevel {
			w.add(p.Path(), n, false)
		}
		for _, n := range c.members {
			w.members[n] = true
		}
	}
	calls := newParamCalls()
	for _, src := range srcs {
		if w.mayExportIn(src, calls) {
			return true
		}
	}
	for name := range calls.weak {
		_, predeclared := types.Universe.Lookup(name).(*types.TypeName)
		if !predeclared && !calls.types[name] {
			return true
		}
	}
	return false
}

// watched are the names whose use may lead to a fact: package-level ones
// by package path, and fields and methods.
type watched struct {
	members   map[string]bool
	qualified map[string]map[string]bool // package path -> names
	names     map[string]string          // package path -> package name
}

func (w watched) add(pkg, name string, member bool) {
	if member {
		w.members[name] = true
		return
	}
	if w.qualified[pkg] == nil {
		w.qualified[pkg] = map[string]bool{}
	}
	w.qualified[pkg][name] = true
}

// mayExportIn reports whether one file's tokens hold a keyword of
// channels or goroutines, a call of close or of a parameter (paramCalls),
// or a use of a watched name: a selector of a member, or a package-level
// name of a package the file imports, qualified or dot-imported. A file
// that does not scan counts as a yes.
func (w watched) mayExportIn(src []byte, calls *paramCalls) bool {
	var s goscanner.Scanner
	bad := false
	s.Init(token.NewFileSet().AddFile("", -1, len(src)), src, func(token.Position, string) { bad = true }, 0)
	byName := map[string]map[string]bool{} // the file's import names -> watched names
	unqualified := map[string]bool{}       // dot-imported watched names
	var (
		prev, prev2       token.Token // the tokens before this one
		prevLit, prev2Lit string
		imports           bool // in the import declarations, which precede all others
	)
	for {
		_, tok, lit := s.Scan()
		if bad || calls.next(prev, tok, lit) {
			return true
		}
		switch tok {
		case token.EOF:
			return false
		case token.ARROW, token.SELECT, token.GO, token.CHAN:
			return true
		case token.IMPORT:
			imports = true
		case token.FUNC, token.VAR, token.CONST, token.TYPE:
			imports = false
		case token.STRING:
			if !imports {
				break
			}
			path, err := strconv.Unquote(lit)
			if err != nil {
				return true
			}
			switch {
			case prev == token.PERIOD:
				for n := range w.qualified[path] {
					unqualified[n] = true
				}
			case prev == token.IDENT && prevLit != "_":
				byName[prevLit] = w.qualified[path]
			case prev != token.IDENT:
				byName[w.names[path]] = w.qualified[path]
			}
		case token.IDENT:
			switch {
			case imports:
			case prev == token.PERIOD:
				if w.members[lit] || prev2 == token.IDENT && byName[prev2Lit][lit] {
					return true
				}
			case lit == "close" || unqualified[lit]:
				return true
			}
		}
		prev2, prev2Lit = prev, prevLit
		prev, prevLit = tok, lit
	}
}

// paramCalls finds, in a file's tokens, a call of a parameter of a
// function the file declares: the signature's identifiers that may name
// parameters (one that starts a parameter, outside brackets, followed by a
// type or a comma), then, in the body, one of them followed by ( (after
// any )s: (f)(x)). A parameter that is called is a function, so any such
// call counts, shadowed or not, but for one thing: an identifier followed
// by a comma may be a type of an unnamed parameter (func(int, string)),
// and a call of a type is a conversion. Those calls are kept apart (weak),
// for the package's type names to be taken out once all its files are
// read; a parameter named as a type, and called, is left unseen.
type paramCalls struct {
	depth       int             // of braces, outside signatures
	header      bool            // in the signature of a top-level func declaration
	brackets    int             // open brackets in the signature: type parameters, array lengths, map keys
	typeBraces  int             // open braces of struct and interface types in the signature
	pendingType bool            // struct or interface just seen in the signature
	pending     string          // a signature identifier, until the next token says whether it may name a parameter
	params      map[string]bool // the signature's identifiers that may name parameters: true if followed by a type
	body        int             // brace depth of the declared function's body; 0 outside one
	callee      string          // a parameter's name in a body, which a ( would call
	weak        map[string]bool // calls of identifiers that may be types
	typeGroup   int             // in a type declaration: 1 after type, 2 in its parentheses
	typeParens  int             // open parentheses of a grouped type declaration
	types       map[string]bool // the type names the file declares at top level
}

func newParamCalls() *paramCalls {
	return &paramCalls{weak: map[string]bool{}, types: map[string]bool{}}
}

// next takes the token after prev and reports whether it calls a
// parameter.
func (c *paramCalls) next(prev, tok token.Token, lit string) bool {
	if c.header {
		if c.pending != "" {
			switch tok {
			case token.IDENT, token.MUL, token.LBRACK, token.LPAREN, token.FUNC, token.CHAN, token.MAP,
				token.STRUCT, token.INTERFACE, token.ARROW, token.ELLIPSIS:
				c.params[c.pending] = true
			case token.COMMA:
				if _, ok := c.params[c.pending]; !ok {
					c.params[c.pending] = false
				}
			}
			c.pending = ""
		}
		switch tok {
		case token.IDENT:
			if c.brackets == 0 && (prev == token.LPAREN || prev == token.COMMA) {
				c.pending = lit
			}
		case token.LBRACK:
			c.brackets++
		case token.RBRACK:
			c.brackets--
		case token.STRUCT, token.INTERFACE:
			c.pendingType = true
		case token.LBRACE:
			if c.pendingType {
				c.pendingType = false
				c.typeBraces++
				break
			}
			c.header = false
			c.depth++
			c.body = c.depth
		case token.RBRACE:
			c.typeBraces--
		case token.SEMICOLON:
			if c.typeBraces == 0 {
				c.header, c.params = false, nil // no body
			}
		}
		return false
	}
	if c.depth == 0 {
		c.typeDecl(prev, tok, lit)
	}
	switch tok {
	case token.FUNC:
		if c.depth == 0 && c.typeGroup == 0 {
			c.header, c.params, c.brackets, c.typeBraces, c.pendingType, c.pending = true, map[string]bool{}, 0, 0, false, ""
		}
	case token.LBRACE:
		c.depth++
	case token.RBRACE:
		if c.depth == c.body {
			c.body, c.params = 0, nil
		}
		c.depth--
	case token.IDENT:
		if _, ok := c.params[lit]; ok && c.body > 0 && prev != token.PERIOD {
			c.callee = lit
			return false
		}
	case token.RPAREN:
		return false // keeps callee: (f)(x)
	case token.LPAREN:
		if c.callee != "" {
			if c.params[c.callee] {
				return true
			}
			c.weak[c.callee] = true
		}
	}
	c.callee = ""
	return false
}

// typeDecl notes the names of the file's top-level type declarations.
func (c *paramCalls) typeDecl(prev, tok token.Token, lit string) {
	switch c.typeGroup {
	case 0:
		if tok == token.TYPE {
			c.typeGroup = 1
		}
	case 1:
		switch tok {
		case token.LPAREN:
			c.typeGroup, c.typeParens = 2, 1
		case token.IDENT:
			c.types[lit] = true
			c.typeGroup = 0
		}
	case 2:
		switch tok {
		case token.IDENT:
			if c.typeParens == 1 && (prev == token.LPAREN || prev == token.SEMICOLON) {
				c.types[lit] = true
			}
		case token.LPAREN:
			c.typeParens++
		case token.RPAREN:
			if c.typeParens--; c.typeParens == 0 {
				c.typeGroup = 0
			}
		}
	}
}

// channelNames returns ChannelNames(p), worked out once per package.
func (e *Exports) channelNames(p *types.Package) *chanNames {
	if got, ok := e.chans.Load(p); ok {
		return got.(*chanNames)
	}
	var c chanNames
	c.pkgLevel, c.members = ChannelNames(p)
	e.chans.Store(p, &c)
	return &c
}

// chanNames are a package's ChannelNames.
type chanNames struct{ pkgLevel, members []string }

// ChannelNames returns the exported names by which code of another package
// may come by a value of a channel type through p, sorted: its
// package-level functions, variables and types whose types lead to one (a
// result, an element, a named type's underlying one), and the fields and
// methods that do of every struct, interface and named type p's
// declarations lead to. A struct or interface does not lead to a channel
// through its members, which are named apart, but an instance of a
// generic type does through its type arguments.
func ChannelNames(p *types.Package) (pkgLevel, members []string) {
	w := chanWalk{leads: map[types.Type]bool{}, seen: map[types.Type]bool{}, names: map[string]bool{}}
	scope := p.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if _, ok := obj.(*types.Const); ok {
			continue
		}
		w.visit(obj.Type())
		if obj.Exported() && w.lead(obj.Type()) {
			pkgLevel = append(pkgLevel, name)
		}
	}
	for n := range w.names {
		members = append(members, n)
	}
	sort.Strings(members)
	return pkgLevel, members
}

// chanWalk collects ChannelNames.
type chanWalk struct {
	leads map[types.Type]bool // whether a type leads to a channel, once worked out
	seen  map[types.Type]bool // types visited for their members
	names map[string]bool
}

// lead reports whether a value of type t is, holds or returns a channel
// other than through a struct's or interface's members.
func (w *chanWalk) lead(t types.Type) bool {
	if v, ok := w.leads[t]; ok {
		return v
	}
	w.leads[t] = false // cycles through named types
	v := false
	switch t := t.(type) {
	case *types.Chan:
		v = true
	case *types.Alias:
		v = w.lead(types.Unalias(t))
	case *types.Pointer:
		v = w.lead(t.Elem())
	case *types.Slice:
		v = w.lead(t.Elem())
	case *types.Array:
		v = w.lead(t.Elem())
	case *types.Map:
		v = w.lead(t.Key()) || w.lead(t.Elem())
	case *types.Tuple:
		for i := range t.Len() {
			v = v || w.lead(t.At(i).Type())
		}
	case *types.Signature:
		v = w.lead(t.Params()) || w.lead(t.Results())
	case *types.Named:
		for i := range t.TypeArgs().Len() {
			v = v || w.lead(t.TypeArgs().At(i))
		}
		switch t.Underlying().(type) {
		case *types.Struct, *types.Interface:
		default:
			v = v || w.lead(t.Underlying())
		}
	case *types.TypeParam:
		v = w.lead(t.Constraint())
	case *types.Interface:
		// A constraint's type set: ~chan T.
		for i := range t.NumEmbeddeds() {
			v = v || w.lead(t.EmbeddedType(i))
		}
	case *types.Union:
		for i := range t.Len() {
			v = v || w.lead(t.Term(i).Type())
		}
	}
	w.leads[t] = v
	return v
}

// visit walks the types t leads to, adding the names of the members that
// lead to a channel.
func (w *chanWalk) visit(t types.Type) {
	if t == nil || w.seen[t] {
		return
	}
	w.seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		w.visit(types.Unalias(t))
	case *types.Pointer:
		w.visit(t.Elem())
	case *types.Slice:
		w.visit(t.Elem())
	case *types.Array:
		w.visit(t.Elem())
	case *types.Chan:
		w.visit(t.Elem())
	case *types.Map:
		w.visit(t.Key())
		w.visit(t.Elem())
	case *types.Tuple:
		for i := range t.Len() {
			w.visit(t.At(i).Type())
		}
	case *types.Signature:
		w.visit(t.Params())
		w.visit(t.Results())
	case *types.Named:
		for i := range t.TypeArgs().Len() {
			w.visit(t.TypeArgs().At(i))
		}
		for i := range t.NumMethods() {
			m := t.Method(i)
			w.member(m.Name(), m.Type())
		}
		w.visit(t.Underlying())
	case *types.Struct:
		for i := range t.NumFields() {
			f := t.Field(i)
			w.member(f.Name(), f.Type())
		}
	case *types.Interface:
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			w.member(m.Name(), m.Type())
		}
		for i := range t.NumEmbeddeds() {
			w.visit(t.EmbeddedType(i))
		}
	case *types.TypeParam:
		w.visit(t.Constraint())
	case *types.Union:
		for i := range t.Len() {
			w.visit(t.Term(i).Type())
		}
	}
}

// member notes a field or method named name of type t.
func (w *chanWalk) member(name string, t types.Type) {
	if token.IsExported(name) && w.lead(t) {
		w.names[name] = true
	}
	w.visit(t)
}
