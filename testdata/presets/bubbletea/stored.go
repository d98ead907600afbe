package bubbletea

import (
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A board keeps function values and calls them later: key bindings in a
// map, a reload callback that Start sets, a helper that runs its argument
// on every pane. What Update calls that way runs on the program's loop.

type reloadMsg struct{}

type pane struct {
	name   string
	loaded chan struct{}
}

type board struct {
	bindings map[string]func()
	unused   map[string]func() // never called from loop code
	reload   func()
	onQuit   func() // called only from a goroutine
	refresh  tea.Cmd
	panes    []*pane
	counts   map[string]int // written only from Update
	hooks    []func(string)
}

var boardProg *tea.Program

func (b *board) Init() tea.Cmd { return nil }

func (b *board) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	key, ok := msg.(tea.KeyMsg)
	if !ok {
		return b, nil
	}
	// Every function stored in b.bindings runs here, on the loop.
	if h, ok := b.bindings[key.String()]; ok {
		h()
	}
	for _, hook := range b.hooks {
		hook(key.String())
	}
	b.counts[key.String()]++
	switch key.String() {
	case "r":
		b.reload()
	case "w":
		// The closure runs in place, in Update: its wait is Update's.
		b.forEachPane(func(p *pane) {
			<-p.loaded // want "blocks the program's event loop"
		})
	case "n":
		b.forEachPane(func(p *pane) { p.name = "" })
	case "a":
		// Runs its argument on a goroutine: blocking is fine there.
		async(func() { time.Sleep(time.Second) })
	case "f":
		// A stored tea.Cmd handed back to Bubble Tea: it runs off the loop.
		return b, b.refresh
	case "q":
		go func() { b.onQuit() }()
	}
	return b, nil
}

func (b *board) forEachPane(f func(*pane)) {
	for _, p := range b.panes {
		f(p)
	}
}

func async(f func()) { go f() }

func (b *board) View() string { return "" }

func saveBoard() {
	time.Sleep(time.Second) // want "blocks the program's event loop"
	os.WriteFile("board.txt", nil, 0o644)
}

func (b *board) onKey(f func(string)) { b.hooks = append(b.hooks, f) }

// StartBoard wires the board: the functions it stores run in Update.
func StartBoard() error {
	b := &board{
		bindings: map[string]func(){
			"s": saveBoard,
		},
		unused:  map[string]func(){"x": func() { time.Sleep(time.Second) }},
		counts:  map[string]int{},
		refresh: func() tea.Msg { time.Sleep(time.Second); return nil },
	}
	b.bindings["z"] = func() {
		time.Sleep(time.Millisecond) // want "blocks the program's event loop"
	}
	b.onKey(func(k string) {
		time.Sleep(time.Millisecond) // want "blocks the program's event loop"
	})
	// Send from Update waits for the loop running Update.
	b.reload = func() { boardProg.Send(reloadMsg{}) } // want "deadlock"
	b.onQuit = func() { boardProg.Send(tea.Quit()) }
	boardProg = tea.NewProgram(b)
	_, err := boardProg.Run()
	return err
}
