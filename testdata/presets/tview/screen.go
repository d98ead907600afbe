package tview

import (
	"io"
	"net/http"

	"github.com/rivo/tview"
)

// Screen is the application as the program's own code sees it: an
// interface that *tview.Application implements.
type Screen interface {
	QueueUpdateDraw(f func()) *tview.Application
	SetFocus(p tview.Primitive) *tview.Application
}

// Pages is a lookup service; its only implementation fetches over HTTP.
type Pages interface {
	Page(url string) (string, error)
}

type httpPages struct{ client *http.Client }

func (h *httpPages) Page(url string) (string, error) {
	resp, err := h.client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Step is one page of a wizard; Setup wires its button to onDone.
type Step interface {
	Setup(onDone func())
}

type confirmStep struct{ button *tview.Button }

func (c *confirmStep) Setup(onDone func()) { c.button.SetSelectedFunc(onDone) }

type wizard struct {
	screen Screen
	pages  Pages
	step   Step
	text   *tview.TextView
}

func newWizard(app *tview.Application) *wizard {
	w := &wizard{screen: app, pages: &httpPages{http.DefaultClient}, step: &confirmStep{tview.NewButton("OK")}, text: tview.NewTextView()}
	w.step.Setup(w.next)
	return w
}

// next is the step's button handler: it runs on the event goroutine.
func (w *wizard) next() {
	page, _ := w.pages.Page("https://example.com")            // want "blocks the application's event loop"
	w.screen.QueueUpdateDraw(func() { w.text.SetText(page) }) // want "deadlock"
}

// refresh queues its update through the interface from a goroutine: quiet.
func (w *wizard) refresh() {
	go func() {
		page, _ := w.pages.Page("https://example.com")
		w.screen.QueueUpdateDraw(func() { w.text.SetText(page) })
	}()
}
