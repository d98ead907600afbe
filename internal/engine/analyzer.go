package engine

import (
	"go/types"
	"iter"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/futurelint/futurelint/internal/inferred"
	"github.com/futurelint/futurelint/internal/roles"
)

// Analyzer computes, for one package, where its code runs (the roles of the
// package, placement, wrappers, handlers, loop bodies, interface dispatch,
// stored callbacks), exports it as facts for importers, and hands rules a
// *Result. Rules list it in Requires; they need no FactTypes of their own.
// It knows the APIs of the effective table (Table), as the driver
// configured it. What may block is Blocking's, which requires it.
var Analyzer = New(nil)

// New returns an engine analyzer that knows the APIs of table, or of the
// effective table (Table) when table is nil. Tests give a table of their
// own; WithEngine runs a rule, with the parts it requires (Blocking,
// OffLoop), on such an engine.
func New(table *roles.Table) *analysis.Analyzer { return newAnalyzer(table, false) }

// newAnalyzer is New; with alwaysSSA, packages that reference no loop
// runtime are summarised with SSA too, as the test of the two summaries'
// agreement needs.
func newAnalyzer(table *roles.Table, alwaysSSA bool) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "futurelintplace",
		Doc:  "where code runs (event loop or not, and which loop); shared by futurelint's rules",
		URL:  "https://github.com/futurelint/futurelint",
		Run: func(pass *analysis.Pass) (any, error) {
			if table == nil {
				return run(pass, Table(), alwaysSSA)
			}
			return run(pass, table, alwaysSSA)
		},
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  FactTypes,
	}
}

// FactTypes are the facts Analyzer imports and exports: where code runs.
// The standalone command leaves out a dependency whose tokens show it
// exports none of these or BlockingFactTypes (Exports): a fact a package
// with no loop code may export needs its cue there too.
var FactTypes = []analysis.Fact{(*SchedulesFact)(nil), (*LoopAPIFact)(nil), (*RolesFact)(nil), (*ModuleVersionFact)(nil), (*inferred.Fact)(nil), (*GoroutineFieldFact)(nil), (*InPlaceFact)(nil), (*StoredCallFact)(nil), (*LoopMethodFact)(nil)}

// Result is where the code of one package runs: Analyzer's answers.
type Result struct {
	Pass  *analysis.Pass
	Roles *roles.Table
	// Err is set when the package's roles could not be read: a bad
	// config file or directive. Rules return it as their error.
	Err error

	// SSA is the package in SSA form, and Funcs its source functions
	// (closures included) in source order. Both are nil when the package
	// references no loop runtime: such a package has no loop code.
	SSA   *ssa.Package
	Funcs []*ssa.Function

	places      map[*ssa.Function]*Place
	closures    map[*ssa.Function]*ssa.MakeClosure // closure -> its only creation site
	scheds      map[*ssa.Function]*SchedulesFact   // wrapper summaries of this package's functions
	lateThen    bool                               // placement: schedule Then callbacks of non-loop callers
	loopCode    map[*types.Func]bool               // functions a //futurelint:loopcode directive puts on the loop
	bodies      loopBodies                         // what the loops inferred in this package run
	bound       bindings                           // the functions loop-bound values call back (LoopBound)
	impls       map[*ssa.CallCommon][]*types.Func  // interface calls -> the methods they may run (dispatch.go)
	inPlace     map[*ssa.Function][]*ssa.Parameter // function parameters each function calls in place (stored.go)
	calledSlots map[*types.Var][]*ssa.Function     // fields whose stored functions loop code calls, and the callers
	slots       *slots                             // the package's fields holding function values (stored.go)
}

func run(pass *analysis.Pass, base *roles.Table, alwaysSSA bool) (any, error) {
	table, loopCode, bodies, err := extend(pass, base)
	if err != nil {
		// Not an error of this analyzer: the drivers would report only
		// "failed prerequisites" for the rules. Each rule returns it.
		return &Result{Pass: pass, Roles: base, Err: err}, nil
	}
	r := &Result{Pass: pass, Roles: table, loopCode: loopCode, bodies: bodies}
	if isStd(pass) || r.Roles.DescribedOnly(pass.Pkg.Path()) {
		// The standard library and the loop runtimes themselves are
		// described by the roles table alone: their internals (channel
		// handshakes inside Run or Await) are not what their users call.
		return r, nil
	}
	loopPkg := r.usesLoopAPI() || len(loopCode) > 0 || r.Roles.LoopRuntime(pass.Pkg.Path())
	r.exportGoroutineFields()
	s := placer{r}
	if !alwaysSSA && !loopPkg {
		exportASTSchedules(pass)
		s.exportASTInPlace()
		return r, nil
	}
	r.buildSSA()
	s.resolveInterfaceCalls(!loopPkg)
	s.summarizeInPlace()
	s.summarizeSchedules()
	s.place()
	r.exportFacts()
	return r, nil
}

// Blocking computes, for one package, what may block and what may suspend
// (summaries with witness chains, Ops with the proofs of deadlock), exports
// the summaries as facts for importers, and hands rules a *Blocks. It
// requires Analyzer and reads where code runs from its Result, a
// dependency's SchedulesFact included. A rule that reads none of it does
// not require it, and a run of such rules alone computes none of it.
var Blocking = newBlocking(Analyzer)

func init() { rebuild[Blocking] = newBlocking }

// BlockingFactTypes are the facts Blocking imports and exports.
var BlockingFactTypes = []analysis.Fact{(*BlocksFact)(nil), (*SuspendsFact)(nil), (*ClosedFact)(nil)}

// newBlocking is Blocking on the engine analyzer eng; WithEngine makes it
// again on another.
func newBlocking(eng *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "futurelintblocking",
		Doc:        "which functions may block or suspend, with witness chains; shared by futurelint's rules",
		URL:        "https://github.com/futurelint/futurelint",
		Requires:   []*analysis.Analyzer{eng},
		ResultType: reflect.TypeFor[*Blocks](),
		FactTypes:  BlockingFactTypes,
		Run: func(pass *analysis.Pass) (any, error) {
			return runBlocking(pass, pass.ResultOf[eng].(*Result)), nil
		},
	}
}

// Blocks is what may block and what may suspend in one package: Blocking's
// answers. Like a Result, it is read-only once computed.
type Blocks struct {
	res        *Result
	pass       *analysis.Pass                  // Blocking's own pass: its facts
	blocks     map[*ssa.Function]*BlocksFact   // may-block summaries of this package's functions
	ops        map[*ssa.Function][]*Op         // Ops
	suspendSum map[*ssa.Function]*SuspendsFact // may-suspend summaries of this package's functions
	handIns    []*HandIn                       // implementations handed to other packages' loop code (handin.go)
}

// Placement is where the code runs: the Result these answers were computed on.
func (b *Blocks) Placement() *Result { return b.res }

// runBlocking summarises the package r places: from SSA where Analyzer
// built it, else from its syntax, which is all importers need of a package
// with no loop code; nothing for std and packages rows describe.
func runBlocking(pass *analysis.Pass, r *Result) *Blocks {
	b := &Blocks{res: r, pass: pass}
	if r.Err != nil || isStd(r.Pass) || r.Roles.DescribedOnly(r.Pass.Pkg.Path()) {
		return b
	}
	b.exportClosedResults()
	s := summarizer{placer: placer{r}, Blocks: b, suspends: map[*ssa.Function]bool{}}
	if r.SSA == nil {
		s.exportASTSummaries()
		return b
	}
	s.summarizeBlocking()
	s.findHandIns()
	s.computeOps()
	s.summarizeSuspends()
	s.exportSummaries()
	return b
}

// membersNamed returns the packages whose package-level functions or
// variables the package checked into info refers to.
func membersNamed(info *types.Info) map[*types.Package]bool {
	named := map[*types.Package]bool{}
	for _, obj := range info.Uses {
		switch obj := obj.(type) {
		case *types.Func:
			if obj.Signature().Recv() == nil {
				named[obj.Pkg()] = true
			}
		case *types.Var:
			if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
				named[obj.Pkg()] = true
			}
		}
	}
	return named
}

// isStd reports whether the package belongs to the standard library: it has
// no module and its path has no dot in its first element.
func isStd(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		return false
	}
	return roles.IsStd(pass.Pkg.Path())
}

// usesLoopAPI reports whether the package refers to a loop runtime of the
// roles table, or to a package exporting loop wrappers (LoopAPIFact).
func (r *Result) usesLoopAPI() bool {
	seen := map[*types.Package]bool{}
	check := func(p *types.Package) bool {
		if p == nil || p == r.Pass.Pkg || seen[p] {
			return false
		}
		seen[p] = true
		return r.Roles.LoopRuntime(p.Path()) || r.Pass.ImportPackageFact(p, new(LoopAPIFact))
	}
	for _, p := range r.Pass.Pkg.Imports() {
		if check(p) {
			return true
		}
	}
	for _, obj := range r.Pass.TypesInfo.Uses {
		if check(obj.Pkg()) {
			return true
		}
	}
	return false
}

// buildSSA builds SSA for the current package only (as buildssa does, but
// on demand: packages without loop code never pay for it).
//
// Of the imports, SSA needs only those whose package-level functions and
// variables the package names: the builder resolves those through the
// imported package's members. Methods of any other imported type are made
// on demand from their types, and constants need no package; creating a
// member for every object of every import (as buildssa does) is a fifth
// of the SSA cost on code importing large APIs. BareInits leaves out the
// calls of the imports' init functions, which would need them all, and
// which no rule looks at.
func (r *Result) buildSSA() {
	prog := ssa.NewProgram(r.Pass.Fset, ssa.BareInits)
	named := membersNamed(r.Pass.TypesInfo)
	for _, p := range r.Pass.Pkg.Imports() {
		if named[p] {
			prog.CreatePackage(p, nil, nil, true)
		}
	}
	pkg := prog.CreatePackage(r.Pass.Pkg, r.Pass.Files, r.Pass.TypesInfo, false)
	pkg.Build()
	r.SSA = pkg
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		r.Funcs = append(r.Funcs, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, obj := range funcDecls(r.Pass.TypesInfo, r.Pass.Files) {
		if fn := prog.FuncValue(obj); fn != nil {
			add(fn)
		}
	}
	// Package-level variable initialisers may hold closures too.
	if init := pkg.Func("init"); init != nil {
		for _, anon := range init.AnonFuncs {
			add(anon)
		}
	}
	r.closures = map[*ssa.Function]*ssa.MakeClosure{}
	for _, fn := range r.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					r.closures[mc.Fn.(*ssa.Function)] = mc
				}
			}
		}
	}
}

// Binding returns the value bound to free variable fv where its closure is
// made, or nil when the closure is not made in this package's code.
func (r *Result) Binding(fv *ssa.FreeVar) ssa.Value {
	mc := r.closures[fv.Parent()]
	if mc == nil {
		return nil
	}
	for i, x := range fv.Parent().FreeVars {
		if x == fv {
			return mc.Bindings[i]
		}
	}
	return nil
}

// exportedFuncs yields the package-level functions and methods of the
// package, those that facts describe.
func (r *Result) exportedFuncs() iter.Seq2[*ssa.Function, *types.Func] {
	return func(yield func(*ssa.Function, *types.Func) bool) {
		for _, fn := range r.Funcs {
			obj, ok := fn.Object().(*types.Func)
			if ok && fn.Parent() == nil && fn.Synthetic == "" && !yield(fn, obj) {
				return
			}
		}
	}
}

// exportSummaries exports the may-block and may-suspend summaries of
// package-level functions and methods.
func (r summarizer) exportSummaries() {
	for fn, obj := range r.res.exportedFuncs() {
		if f := r.blocks[fn]; f != nil {
			r.pass.ExportObjectFact(obj, f)
		}
		if f := r.suspendSum[fn]; f != nil {
			r.pass.ExportObjectFact(obj, f)
		}
	}
}

// exportFacts exports the wrapper summaries of package-level functions
// and methods, and what stored.go found.
func (r *Result) exportFacts() {
	placer{r}.registerSetters()
	anySched := false
	for fn, obj := range r.exportedFuncs() {
		if f := r.scheds[fn]; f != nil {
			r.Pass.ExportObjectFact(obj, f)
			anySched = anySched || f.loopAPI()
		}
	}
	if exportLoopMethods(placer{r}) || anySched {
		r.Pass.ExportPackageFact(new(LoopAPIFact))
	}
	r.exportStoredFacts()
}
