package tview

import (
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// A viewer keeps its key bindings in a map and calls the one bound to a key
// from its input-capture handler: every function stored there runs on the
// application's event loop.
type viewer struct {
	app      *tview.Application
	text     *tview.TextView
	bindings map[rune]func()
	help     map[rune]func() // shown in a help screen, never called from a handler
}

func newViewer(app *tview.Application) *viewer {
	v := &viewer{app: app, text: tview.NewTextView(), bindings: map[rune]func(){}, help: map[rune]func(){}}
	v.bindings['r'] = v.reload
	v.bindings['c'] = func() { v.text.Clear() }
	v.bindings['d'] = func() {
		v.app.QueueUpdateDraw(func() { v.text.SetText("done") }) // want "deadlock"
	}
	v.bindings['g'] = func() {
		// The hand-back: queue the update from a goroutine.
		go v.app.QueueUpdateDraw(func() { v.text.SetText("done") })
	}
	v.help['s'] = func() { time.Sleep(time.Second) }
	v.text.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		h := v.bindings[ev.Rune()]
		if h == nil {
			return ev
		}
		h()
		return nil
	})
	return v
}

func (v *viewer) reload() {
	time.Sleep(100 * time.Millisecond) // want "blocks the application's event loop"
	v.text.SetText("reloaded")
}
