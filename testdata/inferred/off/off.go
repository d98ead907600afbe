// Package off turns the inference off for one loop with a directive.
package off

type Loop struct{ jobs chan func() }

func New() *Loop {
	l := &Loop{jobs: make(chan func())}
	go l.serve()
	return l
}

// serve is not a loop in the sense the rules mean (say, each job hands
// the loop to another goroutine first).
//
//futurelint:not-a-loop
func (l *Loop) serve() {
	for f := range l.jobs {
		f()
	}
}

func (l *Loop) Invoke(f func()) {
	done := make(chan struct{})
	l.jobs <- func() { f(); close(done) }
	<-done
}

func use(l *Loop) {
	l.Invoke(func() { l.Invoke(func() {}) })
}
