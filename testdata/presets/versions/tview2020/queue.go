// Package tview2020 is tview code built against github.com/rivo/tview
// before QueueUpdate waited (v0.0.0-20200219135020-0ba8301b415c): queued
// from a handler, the update runs after it, unless 100 are queued already.
package tview2020

import "github.com/rivo/tview"

// clearButton is a button whose handler queues its update instead of
// making it. The same code is built against tview v0.42.0 (tview) and
// before QueueUpdate waited for its function (versions/tview2020).
func clearButton(app *tview.Application, logs *tview.TextView) *tview.Button {
	return tview.NewButton("Clear").SetSelectedFunc(func() {
		app.QueueUpdate(func() { logs.Clear() }) // want "needless thread-safe hop"
	})
}

// clearLater queues the same update from a goroutine: the hand-back.
func clearLater(app *tview.Application, logs *tview.TextView) {
	go app.QueueUpdate(func() { logs.Clear() })
}
