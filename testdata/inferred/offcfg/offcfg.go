// Package offcfg turns the inference off with its config file.
package offcfg

type Loop struct{ jobs chan func() }

func New() *Loop {
	l := &Loop{jobs: make(chan func())}
	go l.serve()
	return l
}

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
