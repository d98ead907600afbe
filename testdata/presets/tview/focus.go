package tview

import (
	"net/http"
	"os/exec"

	"github.com/rivo/tview"
)

// A pane that loads its rows the first time it gets the focus. tview runs
// a focus function wherever SetFocus is called: here in SetRoot, before
// Run starts the event loop, so the load does not hold the loop up. A
// focus function is not taken as a handler.
func lazyPane(app *tview.Application) {
	list := tview.NewList()
	list.SetFocusFunc(func() {
		http.Get("http://example.com/rows") // quiet: runs where the focus moves
		list.SetFocusFunc(nil)
	})
	list.SetBlurFunc(func() {
		http.Get("http://example.com/save") // quiet: the same for a blur function
	})
	app.SetRoot(list, true)
	// A list item's handler is the event loop's, as ever.
	list.AddItem("Reload", "", 'r', func() {
		http.Get("http://example.com/rows") // want `http\.Get blocks the application's event loop`
	})
}

// editNotes hands the terminal to an editor with Suspend, which runs its
// function before it returns, and reports the editor's failure in a
// channel closed by then.
func editNotes(app *tview.Application) (bool, chan error) {
	errs := make(chan error, 1)
	return app.Suspend(func() {
		if err := exec.Command("vi", "notes.txt").Run(); err != nil {
			errs <- err
		}
		close(errs)
	}), errs
}

// pollNotes returns at once and closes its channel from a goroutine, once
// the command is done.
func pollNotes() chan error {
	errs := make(chan error, 1)
	go func() {
		if err := exec.Command("true").Run(); err != nil {
			errs <- err
		}
		close(errs)
	}()
	return errs
}

func notesButtons(app *tview.Application, status *tview.TextView) *tview.Form {
	form := tview.NewForm()
	form.AddButton("Edit", func() {
		ok, errs := editNotes(app)
		if !ok {
			return
		}
		for err := range errs { // quiet: Suspend has run the editor and closed errs
			status.SetText(err.Error())
		}
	})
	form.AddButton("Check", func() {
		for err := range pollNotes() { // want `a range over a channel blocks the application's event loop`
			status.SetText(err.Error())
		}
	})
	return form
}
