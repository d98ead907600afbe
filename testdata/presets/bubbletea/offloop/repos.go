// Package offloop is a Bubble Tea program whose Update starts goroutines
// that fetch the state of repositories. Its View reads the map of states
// through a helper: a goroutine writing that map races with View, and Go
// crashes on a concurrent map read and write.
package offloop

import (
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

type fetchedMsg struct{ states map[string]string }

type repos struct {
	names   []string
	status  map[string]string // written by goroutines, read by View through render
	counts  map[string]int    // written only in Update
	mu      sync.Mutex
	guarded map[string]string // written and read under mu
	order   []string          // a slice whose elements a goroutine writes
}

var prog *tea.Program

func (m *repos) Init() tea.Cmd { return nil }

func (m *repos) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m.counts[msg.String()]++
		for i, name := range m.names {
			go func() {
				m.status[name] = fetch(name) // want "writes to loop-owned map m.status"
			}()
			go func() {
				m.order[i] = name // want "writes loop-owned m.order"
			}()
			go func() {
				m.mu.Lock()
				m.guarded[name] = fetch(name)
				m.mu.Unlock()
			}()
			go func() {
				// A map of its own, handed back with Send: nothing shared.
				local := map[string]string{}
				local[name] = fetch(name)
				prog.Send(fetchedMsg{local})
			}()
		}
	case fetchedMsg:
		for k := range msg.states {
			m.counts[k]++
		}
	}
	return m, nil
}

func (m *repos) View() string { return m.render() + m.guardedLine() + m.first() }

func (m *repos) render() string {
	s := ""
	for name, st := range m.status {
		s += name + " " + st + "\n"
	}
	return s
}

func (m *repos) first() string { return m.order[0] }

func (m *repos) guardedLine() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.guarded["main"]
}

func fetch(name string) string {
	time.Sleep(time.Second)
	return name
}

// Run starts the program.
func Run(names []string) error {
	prog = tea.NewProgram(&repos{names: names, status: map[string]string{}, counts: map[string]int{}, guarded: map[string]string{}, order: make([]string, len(names))})
	_, err := prog.Run()
	return err
}
