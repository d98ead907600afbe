package bubbletea

import (
	"net/http"

	tea "github.com/charmbracelet/bubbletea"
)

// logModel is a second model, with a pointer receiver.
type logModel struct {
	p     *tea.Program
	lines []string
}

func (m *logModel) Init() tea.Cmd {
	m.p.Println("starting") // want "deadlock"
	return nil
}

func (m *logModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if msg.String() == "p" {
			m.p.Printf("%d lines", len(m.lines)) // want "deadlock"
			return m, nil
		}
		return m, m.fetch // a command: runs on a goroutine of its own
	case string:
		m.lines = append(m.lines, msg)
	}
	return m, tea.Printf("%d lines", len(m.lines))
}

func (m *logModel) View() string { return "" }

// fetch is a tea.Cmd (a method value returned from Update): blocking is fine.
func (m *logModel) fetch() tea.Msg {
	resp, err := http.Get("https://example.com/log")
	if err != nil {
		return err.Error()
	}
	resp.Body.Close()
	return resp.Status
}

// RunLog runs the log program and waits for it from main.
func RunLog() {
	m := &logModel{}
	m.p = tea.NewProgram(m)
	go m.p.Run()
	m.p.Wait()
}
