// Package logpane is a component library over Bubble Tea whose Update logs
// through an interface its users implement: the logger handed to New runs
// on the program's event loop.
package logpane

import tea "github.com/charmbracelet/bubbletea"

// Logger is what a Model logs through.
type Logger interface {
	Infof(format string, args ...any)
}

// Model is a pane that logs every key.
type Model struct {
	log  Logger
	keys int
}

// New stores log where Update calls it.
func New(log Logger) Model { return Model{log: log} }

func (m Model) Init() tea.Cmd { return nil }

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		m.keys++
		m.log.Infof("key %s", k.String())
	}
	return m, nil
}

func (m Model) View() string { return "" }
