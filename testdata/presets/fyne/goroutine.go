package fyne

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Refresh's handler waits on a goroutine it starts, given the label as an
// argument, and hands the update back with fyne.Do: quiet.
func Refresh() *widget.Button {
	status := widget.NewLabel("")
	return widget.NewButton("Refresh", func() {
		go func(l *widget.Label) {
			time.Sleep(time.Second)               // quiet: a goroutine
			fyne.Do(func() { l.SetText("done") }) // quiet: the hand-back
		}(status)
	})
}
