// Package teaforkapp uses the team's copy of Bubble Tea's API, which
// .futurelint.json attaches the bubbletea preset to: the preset's mistakes
// are found there, in its words.
package teaforkapp

import (
	"time"

	tea "example.com/presets/versions/teafork"
)

type tick struct{}

type model struct{ p *tea.Program }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tick); ok {
		m.p.Send(tick{}) // want "deadlock"
		return m, func() tea.Msg { return tick{} }
	}
	return m, nil
}

func (m model) View() string {
	time.Sleep(time.Millisecond) // want "blocks the program's event loop"
	return "ok"
}

// Start sends from a goroutine: the documented way in.
func Start() {
	m := model{}
	m.p = tea.NewProgram(m)
	go m.p.Send(tick{})
	_, _ = m.p.Run()
}
