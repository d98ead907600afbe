// Package bubbletea2 is a Bubble Tea v2 program (charm.land/bubbletea/v2):
// its View returns a tea.View and keys arrive as tea.KeyPressMsg.
package bubbletea2

import (
	"net/http"
	"time"

	tea "charm.land/bubbletea/v2"
)

type statusMsg struct{ code int }

type model struct {
	p      *tea.Program
	url    string
	status int
}

// check is a command: Bubble Tea runs it on a goroutine of its own.
func check(url string) tea.Cmd {
	return func() tea.Msg {
		resp, err := http.Get(url)
		if err != nil {
			return statusMsg{}
		}
		resp.Body.Close()
		return statusMsg{resp.StatusCode}
	}
}

func (m model) Init() tea.Cmd { return check(m.url) }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch msg.String() {
		case "r":
			return m, check(m.url)
		case "g":
			resp, err := http.Get(m.url) // want "blocks the program's event loop"
			if err == nil {
				resp.Body.Close()
			}
		case "s":
			m.p.Send(statusMsg{}) // want "deadlock"
		case "q":
			m.p.Quit() // want "deadlock"
		case "t":
			return m, tea.Tick(time.Second, func(time.Time) tea.Msg { return statusMsg{} })
		}
	case statusMsg:
		m.status = msg.code
	}
	return m, nil
}

func (m model) View() tea.View {
	time.Sleep(time.Millisecond) // want "blocks the program's event loop"
	return tea.NewView("status")
}

// Run starts the program; a goroutine sends it messages, as documented.
func Run(url string) error {
	m := model{url: url}
	p := tea.NewProgram(m)
	m.p = p
	go func() {
		for range time.Tick(time.Minute) {
			p.Send(statusMsg{})
		}
	}()
	_, err := p.Run()
	return err
}
