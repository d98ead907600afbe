// Package ask holds a dispatcher one per value whose handler waits for a
// Desk through a helper: for its own Desk a deadlock, for another none.
package ask

// question carries the channel its answer comes back on.
type question struct {
	topic  string
	answer chan string
}

// Desk answers questions on its goroutine; handle runs there.
type Desk struct {
	questions chan question
	parent    *Desk
	notes     map[string]string
}

func NewDesk() *Desk {
	d := &Desk{questions: make(chan question), notes: map[string]string{}}
	go d.serve()
	return d
}

func (d *Desk) serve() {
	for q := range d.questions {
		d.handle(q)
	}
}

// Ask hands the desk a question and waits for its answer.
func (d *Desk) Ask(topic string) string {
	answer := make(chan string)
	d.questions <- question{topic: topic, answer: answer}
	return <-answer
}

// lookup is a helper waiting for d's goroutine.
func (d *Desk) lookup(topic string) string { return d.Ask(topic) }

func (d *Desk) handle(q question) {
	switch q.topic {
	case "":
		q.answer <- d.lookup("index") // want `^d\.lookup deadlocks \(\*Desk\)\.serve draining d\.questions: it waits for \(\*Desk\)\.serve draining d\.questions`
	case "up":
		q.answer <- d.parent.lookup(q.topic) // quiet: the helper waits for the parent desk
	default:
		q.answer <- d.notes[q.topic]
	}
}
