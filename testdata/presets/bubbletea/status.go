// Package bubbletea is a Bubble Tea program that checks a list of URLs and
// shows their status.
package bubbletea

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

type statusMsg struct {
	url  string
	code int
}

type errMsg struct{ err error }

type model struct {
	urls    []string
	status  map[string]int
	checked int
}

// program is the running program, for goroutines that report to it.
var program *tea.Program

// check is a tea.Cmd: Bubble Tea runs it on a goroutine of its own.
func check(url string) tea.Cmd {
	return func() tea.Msg {
		c := &http.Client{Timeout: 5 * time.Second}
		resp, err := c.Get(url)
		if err != nil {
			return errMsg{err}
		}
		resp.Body.Close()
		return statusMsg{url: url, code: resp.StatusCode}
	}
}

func (m model) Init() tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.urls))
	for _, u := range m.urls {
		cmds = append(cmds, check(u))
	}
	return tea.Batch(cmds...)
}

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		case "r":
			// Re-checks on the event loop: the UI freezes meanwhile.
			for _, u := range m.urls {
				resp, err := http.Get(u) // want "blocks the program's event loop"
				if err == nil {
					m.status[u] = resp.StatusCode
					resp.Body.Close()
				}
			}
			return m, nil
		case "s":
			// Sends to its own program from Update: Send waits for the
			// loop that is running this very Update.
			program.Send(statusMsg{url: "self", code: 0}) // want "deadlock"
			return m, nil
		case "x":
			// Quit is Send(Quit()): the same wait. Return tea.Quit instead.
			program.Quit() // want "deadlock"
			return m, nil
		case "w":
			return m, tea.Tick(time.Second, func(t time.Time) tea.Msg { return statusMsg{url: "tick"} })
		}
	case statusMsg:
		m.status[msg.url] = msg.code
		m.checked++
		if m.checked == len(m.urls) {
			// Save from a command, not from Update.
			return m, m.save
		}
	case errMsg:
		return m, tea.Println(msg.err)
	}
	return m, nil
}

// save runs as a tea.Cmd (returned from Update): file I/O is fine here.
func (m model) save() tea.Msg {
	var b strings.Builder
	for u, c := range m.status {
		fmt.Fprintf(&b, "%s %d\n", u, c)
	}
	if err := os.WriteFile("status.txt", []byte(b.String()), 0o644); err != nil {
		return errMsg{err}
	}
	return nil
}

func (m model) View() string {
	var b strings.Builder
	for _, u := range m.urls {
		fmt.Fprintf(&b, "%-40s %d\n", u, m.status[u])
	}
	time.Sleep(time.Millisecond) // want "blocks the program's event loop"
	return b.String()
}

// Run starts the program; other goroutines may Send to it.
func Run(urls []string) error {
	m := model{urls: urls, status: map[string]int{}}
	program = tea.NewProgram(m)
	go func() {
		for range time.Tick(time.Minute) {
			program.Send(statusMsg{url: "heartbeat"})
		}
	}()
	_, err := program.Run()
	return err
}
