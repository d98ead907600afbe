// Package fixes holds the mechanical fixes of the UI presets: a submit that
// waits for its callback, made from a handler, runs the callback's body in
// place.
package fixes

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/rivo/tview"
)

func Tview(app *tview.Application, logs *tview.TextView, list *tview.List) {
	list.SetDoneFunc(func() {
		app.QueueUpdate(func() { logs.Clear() }) // want "deadlock"
		app.QueueUpdateDraw(func() {             // want "deadlock"
			logs.SetText("done")
			logs.ScrollToEnd()
		})
	})
	list.SetChangedFunc(func(int, string, string, rune) {
		app.QueueUpdate(func() { // want "deadlock"
			if logs.HasFocus() {
				return // a return: not inlined
			}
			logs.Clear()
		})
		app.QueueUpdateDraw(func() { text := "x"; logs.SetText(text) }) // want "deadlock"
		_ = app.QueueUpdate(func() { logs.Clear() })                    // want "deadlock"
	})
}

func Fyne(label *widget.Label, entry *widget.Entry) {
	entry.OnSubmitted = func(s string) {
		fyne.DoAndWait(func() { label.SetText(s) }) // want "fyne.DoAndWait"
		entry.SetText("")
	}
	go fyne.DoAndWait(func() { label.SetText("ready") }) // a goroutine of its own: fine
}
