// Package fyne is the window of a small Fyne notes app that syncs with a
// server. It builds the UI for a fyne.App made by the caller (app.New()).
package fyne

import (
	"io"
	"net/http"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

type notes struct {
	win    fyne.Window
	list   *widget.Label
	entry  *widget.Entry
	status *widget.Label
}

var client = &http.Client{Timeout: 10 * time.Second}

// fetch reads a page, at most 1 MiB of it.
func fetch(url string) (string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	return string(b), err
}

func NewWindow(a fyne.App) fyne.Window {
	n := &notes{win: a.NewWindow("Notes"), list: widget.NewLabel(""), entry: widget.NewEntry(), status: widget.NewLabel("")}

	// Loads in a goroutine and hands the result back with fyne.Do.
	load := widget.NewButton("Load", func() {
		n.status.SetText("loading...")
		go func() {
			text, err := fetch("https://example.com/notes")
			fyne.Do(func() {
				if err != nil {
					n.status.SetText(err.Error())
					return
				}
				n.list.SetText(text)
			})
		}()
	})

	// Fetches on the UI goroutine: the window stops repainting.
	reload := widget.NewButton("Reload now", func() {
		text, err := fetch("https://example.com/notes") // want "blocks the app's main goroutine"
		if err == nil {
			n.list.SetText(text)
		}
	})

	save := &widget.Button{Text: "Save"}
	save.OnTapped = n.save

	n.entry.OnSubmitted = func(s string) {
		// DoAndWait from a callback: Fyne refuses it (or, once the app has
		// migrated to fyne.Do, never returns).
		fyne.DoAndWait(func() { n.list.SetText(n.list.Text + "\n" + s) }) // want "fyne.DoAndWait"
		n.entry.SetText("")
	}
	n.entry.OnChanged = func(s string) {
		n.status.SetText(strings.TrimSpace(s)) // widget calls in a callback: fine
	}

	n.win.SetContent(container.NewVBox(n.list, n.entry, container.NewHBox(load, reload, save), n.status))
	return n.win
}

// save is a button callback (OnTapped).
func (n *notes) save() {
	resp, err := http.Post("https://example.com/notes", "text/plain", strings.NewReader(n.list.Text)) // want "blocks the app's main goroutine"
	if err != nil {
		dialog.ShowError(err, n.win)
		return
	}
	resp.Body.Close()
}

// Tick runs on its own goroutine: DoAndWait is what it is for.
func (n *notes) Tick() {
	for now := range time.Tick(time.Second) {
		fyne.DoAndWait(func() { n.status.SetText(now.Format(time.TimeOnly)) })
	}
}
