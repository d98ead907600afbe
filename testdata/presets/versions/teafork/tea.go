// Package tea is a team's own copy of Bubble Tea's API under another path
// (as a vendored rename or a private fork would be): the same Model and
// Program, written small. .futurelint.json attaches the bubbletea preset
// to it.
package tea

// Msg is a message to the model; Cmd produces one on another goroutine.
type (
	Msg any
	Cmd func() Msg
)

// Model is run by a Program on its event loop.
type Model interface {
	Init() Cmd
	Update(Msg) (Model, Cmd)
	View() string
}

// Program runs a model; msgs is unbuffered and read only by its loop.
type Program struct {
	model    Model
	msgs     chan Msg
	finished chan struct{}
}

func NewProgram(m Model) *Program {
	return &Program{model: m, msgs: make(chan Msg), finished: make(chan struct{})}
}

// Run is the event loop.
func (p *Program) Run() (Model, error) {
	defer close(p.finished)
	m := p.model
	if cmd := m.Init(); cmd != nil {
		go func() { p.Send(cmd()) }()
	}
	for msg := range p.msgs {
		if msg == nil {
			return m, nil
		}
		var cmd Cmd
		m, cmd = m.Update(msg)
		_ = m.View()
		if cmd != nil {
			go func() { p.Send(cmd()) }()
		}
	}
	return m, nil
}

// Send hands the loop a message and waits for it to be read.
func (p *Program) Send(msg Msg) { p.msgs <- msg }

// Quit stops the loop.
func (p *Program) Quit() { p.Send(nil) }

// Wait waits for the loop to end.
func (p *Program) Wait() { <-p.finished }
