package bubbletea

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Logger is how the models log; the program's implementation shows each
// line in the view by sending it to the program.
type Logger interface {
	Infof(format string, args ...any)
}

type lineMsg string

type programLogger struct{ p *tea.Program }

func (l programLogger) Infof(format string, args ...any) {
	l.p.Send(lineMsg(fmt.Sprintf(format, args...)))
}

// NewLogger is what main hands the models.
func NewLogger(p *tea.Program) Logger { return programLogger{p} }

type fetchModel struct {
	log   Logger
	lines []string
}

func (m fetchModel) Init() tea.Cmd { return nil }

func (m fetchModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m.log.Infof("key %s", msg.String()) // want "deadlock"
		return m, m.slow
	case lineMsg:
		m.lines = append(m.lines, string(msg))
	}
	return m, nil
}

func (m fetchModel) View() string { return "" }

// slow is a tea.Cmd: it runs on its own goroutine, where blocking and
// logging through the program are fine.
func (m fetchModel) slow() tea.Msg {
	time.Sleep(time.Second)
	m.log.Infof("slept")
	return nil
}
