package bubbletea

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

type tickMsg struct{}

// ticker starts a goroutine from Update that waits and reports back with
// Send: the goroutine, given the model as an argument, is not loop code.
type ticker struct{ n int }

func (t ticker) Init() tea.Cmd { return nil }

func (t ticker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tickMsg); ok {
		t.n++
		go func(t ticker) {
			time.Sleep(time.Second) // quiet: a goroutine, not Update
			program.Send(tickMsg{})
		}(t)
	}
	return t, nil
}

func (t ticker) View() string { return "" }
