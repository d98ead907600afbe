package engine

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// newPart returns an analyzer that works out one more answer from the
// engine's Result, of type T, for the rules that require it: a rule run
// without them does not pay for it. It declares no facts and runs only
// where the engine built SSA; elsewhere its result is T's zero value.
func newPart[T any](name, doc string, compute func(*Result) T) *analysis.Analyzer {
	a := partOn(Analyzer, name, doc, compute)
	rebuild[a] = func(eng *analysis.Analyzer) *analysis.Analyzer { return partOn(eng, name, doc, compute) }
	return a
}

// rebuild makes each part again on another engine analyzer, for WithEngine.
var rebuild = map[*analysis.Analyzer]func(eng *analysis.Analyzer) *analysis.Analyzer{}

// partOn is the part newPart describes, on the engine analyzer eng.
func partOn[T any](eng *analysis.Analyzer, name, doc string, compute func(*Result) T) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       name,
		Doc:        doc + "; shared by futurelint's rules",
		URL:        "https://github.com/futurelint/futurelint",
		Requires:   []*analysis.Analyzer{eng},
		ResultType: reflect.TypeFor[T](),
		Run: func(pass *analysis.Pass) (any, error) {
			var zero T
			r := pass.ResultOf[eng].(*Result)
			if r.Err != nil || r.SSA == nil {
				return zero, nil
			}
			return compute(r), nil
		},
	}
}
