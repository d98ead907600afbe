package tview

import (
	"time"

	"github.com/rivo/tview"
)

// refreshButton's handler waits on a goroutine it starts, given the
// application as an argument, and queues its update from there: quiet.
func refreshButton(app *tview.Application, logs *tview.TextView) *tview.Button {
	return tview.NewButton("Refresh").SetSelectedFunc(func() {
		go func(app *tview.Application) {
			time.Sleep(time.Second)                              // quiet: a goroutine
			app.QueueUpdateDraw(func() { logs.SetText("done") }) // quiet: the hand-back
		}(app)
	})
}
