package fyne

import (
	"net/http"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/widget"
)

// Toolbar builds a button as a composite literal, and binds a label.
func Toolbar() fyne.CanvasObject {
	status := binding.NewString()
	ping := &widget.Button{Text: "Ping", OnTapped: func() {
		resp, err := http.Head("https://example.com") // want "blocks the app's main goroutine"
		if err == nil {
			resp.Body.Close()
		}
	}}
	wait := widget.NewButton("Wait", func() {
		done := make(chan struct{})
		fyne.Do(func() { close(done) })
		<-done // want "deadlock"
	})
	later := widget.NewButton("Later", func() {
		go func() {
			time.Sleep(time.Second)
			_ = status.Set("later") // data bindings are safe from any goroutine
			fyne.Do(func() { ping.SetText("Ping again") })
		}()
	})
	slow := widget.NewCheck("Slow", func(on bool) {
		time.Sleep(time.Second) // want "blocks the app's main goroutine"
	})
	return container.NewHBox(ping, wait, later, slow, widget.NewLabelWithData(status))
}
