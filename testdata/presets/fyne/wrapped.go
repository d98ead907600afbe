package fyne

import (
	"time"

	"fyne.io/fyne/v2/widget"
)

// actionButton wraps the user's function in a closure before registering
// it as the button's callback: f runs on the app's main goroutine.
func actionButton(label string, f func()) *widget.Button {
	b := &widget.Button{Text: label}
	b.OnTapped = func() {
		f()
		b.Refresh()
	}
	return b
}

// busyButton runs f on a goroutine of its own: not on the main goroutine.
func busyButton(label string, f func()) *widget.Button {
	return widget.NewButton(label, func() { go f() })
}

func wrappedButtons() []*widget.Button {
	return []*widget.Button{
		actionButton("Wait", func() {
			time.Sleep(time.Second) // want "blocks the app's main goroutine"
		}),
		busyButton("Wait elsewhere", func() { time.Sleep(time.Second) }),
	}
}
