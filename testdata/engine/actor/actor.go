// Package actor is a miniature of protoactor-go's actor package, with the
// real names and shapes; the engine test describes it with roles rows.
package actor

type PID struct{}

type Context interface {
	Self() *PID
	ReenterAfter(f *Future, fn func(res interface{}, err error))
}

type Future struct{}

func (f *Future) Result() (interface{}, error) { return nil, nil }
