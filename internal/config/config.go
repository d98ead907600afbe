// Package config reads futurelint's description of event-loop APIs that its
// built-in table does not know: a team's own loop package, a wrapper library.
// The same description comes from three places: a .futurelint.json file
// (found from a package's directory upward, or named by -config), the
// golangci-lint plugin's settings, and //futurelint: directives in a
// library's own source (see Directive).
//
// The description names functions by import path and name and their
// parameters by name; Rows turns it into rows of the roles table once the
// named package is type-checked, and rejects names that do not exist, so a
// typo never silently turns a rule off. docs/config.md is the reference.
package config

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/futurelint/futurelint/internal/roles"
)

// FileName is the name of the file Find looks for.
const FileName = ".futurelint.json"

// Config is a parsed description.
type Config struct {
	Source    string     // the file it was read from, or "golangci-lint settings"
	Libraries []*Library // sorted by package path
	Attach    []Attach   // sorted by path
}

// Attach gives a path futurelint's preset does not name (a private fork,
// a vendored copy) the rows of a preset's module.
type Attach struct {
	Path   string // a module path, or the import path of a package tree
	Preset string // the preset's module path, or path@version
	At     string // where it was declared, for errors: "file:line:col"
}

// Library is what a config says about one package.
type Library struct {
	Pkg   string
	Words Words
	Types []TypeSpec
	Funcs []FuncSpec
	// NoInfer turns off loop inference in the package ("inferLoops":
	// false): its goroutines draining a channel are not taken for loops.
	NoInfer bool
}

// Words are the library's own names for what messages talk about.
type Words struct {
	Loop     string // what its loop is called: "the dispatcher goroutine"
	Wait     string // how loop code waits without blocking: "loop.Await(c, f)"
	HandBack string // how work is handed back to the loop: "loop.Post"
}

// TypeSpec gives a type of the library a role.
type TypeSpec struct {
	Name string
	Role roles.TypeRole
	At   string // where it was declared, for errors: "file:line:col"
}

// FuncSpec gives a function or method of the library its roles. Zero
// fields say nothing.
type FuncSpec struct {
	Recv string // receiver type name, "" for a package-level function
	Name string
	At   string // where it was declared, for errors: "file:line:col"

	Blocks      roles.Block // how a call blocks its goroutine
	Waits       Param       // the future a blocking call waits for
	Runs        []RunSpec   // function arguments it runs later
	LoopOnly    bool        // may only be called from code on the loop
	Suspends    bool        // suspends the calling coroutine; the loop keeps running
	CurrentLoop bool        // returns the loop of the marker in its receiver or first argument
	Wraps       *WrapSpec   // hands a foreign future's completion back to a loop
}

// Describe names the function as the config does: F, T.M.
func (f *FuncSpec) Describe() string {
	if f.Recv == "" {
		return f.Name
	}
	return f.Recv + "." + f.Name
}

// RunSpec is a function argument run later.
type RunSpec struct {
	Arg        Param
	Where      roles.Where
	Loop       Param // the loop it runs on: a parameter, NewLoop, CallerLoop, or unset
	Threadsafe bool  // the call may come from any goroutine: a thread-safe submit
	// Settled is set when the function runs only once the future in the
	// receiver (or first argument) has settled: a completion callback
	// (OnDone, Then).
	Settled bool
}

// WrapSpec is a call that delivers a foreign future's completion on a loop.
type WrapSpec struct {
	Loop   Param
	Future Param // optional: the wrapped future
}

// Param names a parameter: by name ("fn", or Receiver), or by position
// among the parameters (0 is the first after the receiver).
type Param struct {
	Name  string
	Index int // position + 1; 0 when named or unset
}

// Receiver names a method's receiver in a Param.
const Receiver = "receiver"

// Loop values that are not parameters.
const (
	NewLoop    = "new"    // the function runs on a loop the call creates
	CallerLoop = "caller" // the function runs on the loop of the (loop) code making the call
)

func (p Param) set() bool { return p.Name != "" || p.Index > 0 }

func (p Param) String() string {
	if p.Name != "" {
		return p.Name
	}
	return "parameter " + strconv.Itoa(p.Index-1)
}

// Load reads and parses a config file.
func Load(file string) (*Config, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, &Error{fmt.Errorf("futurelint config: %w", err)}
	}
	return Parse(file, data)
}

// Error is a mistake in a description of loop APIs: a config file, the
// golangci-lint settings or a directive. Its message starts with where the
// mistake was written. It is the same for every package the description
// applies to, so a driver reports it once, as it is.
type Error struct{ err error }

func (e *Error) Error() string { return e.err.Error() }
func (e *Error) Unwrap() error { return e.err }

// describeError makes err, if not nil, an *Error.
func describeError(err error) error {
	if _, ok := err.(*Error); ok || err == nil {
		return err
	}
	return &Error{err}
}

// Parse parses a config; source names it in errors. Errors say
// "source:line:col: message".
func Parse(source string, data []byte) (*Config, error) {
	c, err := parse(source, data)
	if err != nil {
		if pe, ok := err.(*posError); ok {
			line, col := lineCol(data, pe.off)
			return nil, &Error{fmt.Errorf("%s:%d:%d: %s", source, line, col, pe.msg)}
		}
		return nil, describeError(err)
	}
	return c, nil
}

func parse(source string, data []byte) (*Config, error) {
	root, err := decode(data)
	if err != nil {
		return nil, err
	}
	top, err := object(root, "packages", "attach")
	if err != nil {
		return nil, err
	}
	c := &Config{Source: source}
	at := func(n *node) string {
		line, col := lineCol(data, n.off)
		return fmt.Sprintf("%s:%d:%d", source, line, col)
	}
	if a := top["attach"]; a != nil {
		if c.Attach, err = parseAttach(a, at); err != nil {
			return nil, err
		}
	}
	pkgs := top["packages"]
	if pkgs == nil {
		return c, nil
	}
	if pkgs.kind != objectNode {
		return nil, errAt(pkgs, "packages: want an object from import path to description, found %s", pkgs.kind)
	}
	for _, k := range pkgs.keys {
		if k.name == "" || strings.ContainsAny(k.name, " \t\"") {
			return nil, &posError{off: k.off, path: pkgs.path, msg: fmt.Sprintf("%q is not an import path", k.name)}
		}
		lib, err := parseLibrary(k.name, k.val, at)
		if err != nil {
			return nil, err
		}
		c.Libraries = append(c.Libraries, lib)
	}
	sort.Slice(c.Libraries, func(i, j int) bool { return c.Libraries[i].Pkg < c.Libraries[j].Pkg })
	return c, nil
}

// parseAttach reads "attach": an object from a path to the preset module
// whose rows it gets ("github.com/rivo/tview", or with @version).
func parseAttach(n *node, at func(*node) string) ([]Attach, error) {
	if n.kind != objectNode {
		return nil, errAt(n, "attach: want an object from import path to a preset's module path, found %s", n.kind)
	}
	var out []Attach
	for _, k := range n.keys {
		if k.name == "" || strings.ContainsAny(k.name, " \t\"@") {
			return nil, &posError{off: k.off, path: n.path, msg: fmt.Sprintf("%q is not an import path", k.name)}
		}
		target, err := str(k.val)
		if err != nil {
			return nil, err
		}
		if _, err := roles.Attach(k.name, target); err != nil {
			return nil, errAt(k.val, "%v", err)
		}
		out = append(out, Attach{Path: k.name, Preset: target, At: at(&node{off: k.off})})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func parseLibrary(path string, n *node, at func(*node) string) (*Library, error) {
	m, err := object(n, "words", "types", "functions", "inferLoops")
	if err != nil {
		return nil, err
	}
	lib := &Library{Pkg: path}
	if v := m["inferLoops"]; v != nil {
		infer, err := boolean(v)
		if err != nil {
			return nil, err
		}
		lib.NoInfer = !infer
	}
	if w := m["words"]; w != nil {
		wm, err := object(w, "loop", "wait", "handBack")
		if err != nil {
			return nil, err
		}
		for _, w := range []struct {
			name string
			dst  *string
		}{{"loop", &lib.Words.Loop}, {"wait", &lib.Words.Wait}, {"handBack", &lib.Words.HandBack}} {
			if v := wm[w.name]; v != nil {
				if *w.dst, err = str(v); err != nil {
					return nil, err
				}
			}
		}
	}
	if t := m["types"]; t != nil {
		if t.kind != objectNode {
			return nil, errAt(t, "types: want an object from type name to role, found %s", t.kind)
		}
		for _, k := range t.keys {
			if !isIdent(k.name) {
				return nil, &posError{off: k.off, path: t.path, msg: fmt.Sprintf("%q is not a type name", k.name)}
			}
			s, err := str(k.val)
			if err != nil {
				return nil, err
			}
			role, ok := TypeRoles[s]
			if !ok {
				return nil, errAt(k.val, "unknown type role %q (known: %s)", s, keys(TypeRoles))
			}
			lib.Types = append(lib.Types, TypeSpec{Name: k.name, Role: role, At: at(&node{off: k.off})})
		}
	}
	if f := m["functions"]; f != nil {
		if f.kind != objectNode {
			return nil, errAt(f, "functions: want an object from function name to roles, found %s", f.kind)
		}
		for _, k := range f.keys {
			recv, name, ok := splitFuncName(k.name)
			if !ok {
				return nil, &posError{off: k.off, path: f.path, msg: fmt.Sprintf("%q is not a function name: write F, T.M or (*T).M", k.name)}
			}
			spec, err := parseFunc(k.val)
			if err != nil {
				return nil, err
			}
			spec.Recv, spec.Name, spec.At = recv, name, at(&node{off: k.off})
			lib.Funcs = append(lib.Funcs, *spec)
		}
	}
	return lib, nil
}

// TypeRoles are the type roles by the names a config and directives use.
var TypeRoles = map[string]roles.TypeRole{
	"loopcode": roles.Marker,         // a parameter of this type makes a function loop code
	"loop":     roles.LoopType,       // an event loop
	"future":   roles.ExecutorFuture, // a future settled on another goroutine
	"task":     roles.LoopTask,       // a future settled on its loop
	"promise":  roles.PromiseType,    // the write side of a future
}

// Blocks are the kinds of blocking by the names a config and directives use.
var Blocks = map[string]roles.Block{
	"deadlock": roles.BlockFuture,  // waits for work on another goroutine, with no time limit
	"timeout":  roles.BlockStall,   // waits, but gives up after a timeout: a stall
	"io":       roles.BlockIO,      // a network round trip
	"sleep":    roles.BlockSleep,   // sleeps
	"sync":     roles.BlockSync,    // waits on a sync primitive
	"process":  roles.BlockProcess, // waits for another process
	"runs":     roles.BlockLoopRun, // runs an event loop on the calling goroutine until it stops
}

// Wheres are the places a function argument runs, by the names a config and
// directives use.
var Wheres = map[string]roles.Where{
	"callback":  roles.OnLoop,
	"coroutine": roles.Coroutine,
	"goroutine": roles.OffLoop,
}

func keys[V any](m map[string]V) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

func parseFunc(n *node) (*FuncSpec, error) {
	m, err := object(n, "blocks", "waits", "runs", "loopOnly", "suspends", "currentLoop", "wraps")
	if err != nil {
		return nil, err
	}
	spec := &FuncSpec{}
	if b := m["blocks"]; b != nil {
		s, err := str(b)
		if err != nil {
			return nil, err
		}
		kind, ok := Blocks[s]
		if !ok {
			return nil, errAt(b, "unknown kind of blocking %q (known: %s)", s, keys(Blocks))
		}
		spec.Blocks = kind
	}
	if w := m["waits"]; w != nil {
		if spec.Waits, err = param(w); err != nil {
			return nil, err
		}
		if spec.Blocks == roles.NoBlock {
			return nil, errAt(w, "waits needs blocks: say how the call blocks while it waits")
		}
	}
	if r := m["runs"]; r != nil {
		if r.kind != arrayNode {
			return nil, errAt(r, "runs: want a list of {\"arg\": ..., \"as\": ...}, found %s", r.kind)
		}
		for _, item := range r.items {
			run, err := parseRun(item)
			if err != nil {
				return nil, err
			}
			spec.Runs = append(spec.Runs, run)
		}
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"loopOnly", &spec.LoopOnly}, {"suspends", &spec.Suspends}, {"currentLoop", &spec.CurrentLoop}} {
		if v := m[b.name]; v != nil {
			if *b.dst, err = boolean(v); err != nil {
				return nil, err
			}
		}
	}
	if w := m["wraps"]; w != nil {
		wm, err := object(w, "loop", "future")
		if err != nil {
			return nil, err
		}
		spec.Wraps = &WrapSpec{}
		if wm["loop"] == nil {
			return nil, errAt(w, "wraps needs loop: the parameter naming the loop the completion is delivered on")
		}
		if spec.Wraps.Loop, err = param(wm["loop"]); err != nil {
			return nil, err
		}
		if f := wm["future"]; f != nil {
			if spec.Wraps.Future, err = param(f); err != nil {
				return nil, err
			}
		}
	}
	return spec, nil
}

func parseRun(n *node) (RunSpec, error) {
	m, err := object(n, "arg", "as", "loop", "threadsafe", "settled")
	if err != nil {
		return RunSpec{}, err
	}
	var run RunSpec
	if m["arg"] == nil {
		return run, errAt(n, "missing arg: the parameter holding the function that is run")
	}
	if run.Arg, err = param(m["arg"]); err != nil {
		return run, err
	}
	if m["as"] == nil {
		return run, errAt(n, "missing as: callback, coroutine or goroutine")
	}
	as, err := str(m["as"])
	if err != nil {
		return run, err
	}
	var ok bool
	if run.Where, ok = Wheres[as]; !ok {
		return run, errAt(m["as"], "unknown as %q (known: %s)", as, keys(Wheres))
	}
	if l := m["loop"]; l != nil {
		if run.Loop, err = param(l); err != nil {
			return run, err
		}
	}
	if t := m["threadsafe"]; t != nil {
		if run.Threadsafe, err = boolean(t); err != nil {
			return run, err
		}
	}
	if t := m["settled"]; t != nil {
		if run.Settled, err = boolean(t); err != nil {
			return run, err
		}
	}
	if err := checkRun(run); err != nil {
		return run, errAt(n, "%s", err)
	}
	return run, nil
}

// checkRun checks the combinations a config and directives share.
func checkRun(run RunSpec) error {
	special := run.Loop.Name == NewLoop || run.Loop.Name == CallerLoop
	switch {
	case run.Where == roles.OffLoop && run.Loop.set():
		return fmt.Errorf("a goroutine runs on no loop: drop loop")
	case run.Where == roles.OffLoop && run.Threadsafe:
		return fmt.Errorf("threadsafe is for work submitted to a loop, not for a goroutine")
	case run.Threadsafe && (!run.Loop.set() || special):
		return fmt.Errorf("threadsafe needs loop: the parameter naming the loop the work is submitted to")
	}
	return nil
}

// param reads a parameter reference: a name, "receiver", or a position.
func param(n *node) (Param, error) {
	switch n.kind {
	case stringNode:
		if n.str != Receiver && n.str != NewLoop && n.str != CallerLoop && !isIdent(n.str) {
			return Param{}, errAt(n, "%q is not a parameter name", n.str)
		}
		return Param{Name: n.str}, nil
	case numberNode:
		i, err := strconv.Atoi(n.num.String())
		if err != nil || i < 0 {
			return Param{}, errAt(n, "parameter position %s: want 0 for the first parameter, 1 for the second, ...", n.num)
		}
		return Param{Index: i + 1}, nil
	}
	return Param{}, errAt(n, "want a parameter name or position, found %s", n.kind)
}

// splitFuncName splits F, T.M, (T).M and (*T).M.
func splitFuncName(s string) (recv, name string, ok bool) {
	if strings.HasPrefix(s, "(") {
		r, m, found := strings.Cut(s[1:], ").")
		if !found {
			return "", "", false
		}
		r = strings.TrimPrefix(r, "*")
		return r, m, isIdent(r) && isIdent(m)
	}
	if r, m, found := strings.Cut(s, "."); found {
		return r, m, isIdent(r) && isIdent(m)
	}
	return "", s, isIdent(s)
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}
