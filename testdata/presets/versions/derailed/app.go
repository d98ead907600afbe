// Package derailed is a terminal UI on github.com/derailed/tview, the fork
// of tview whose QueueUpdate waits for the event loop just like tview's.
package derailed

import (
	"net/http"
	"time"

	"github.com/derailed/tview"
)

type ui struct {
	app    *tview.Application
	status *tview.TextView
}

func New() *ui {
	u := &ui{app: tview.NewApplication(), status: tview.NewTextView()}
	form := tview.NewForm().
		AddButton("Refresh", u.refresh).
		AddButton("Refresh (wait)", u.refreshBlocking)
	u.app.SetRoot(form, true)
	return u
}

// refresh hands the request to a goroutine, which queues its result back.
func (u *ui) refresh() {
	u.status.SetText("loading...")
	go func() {
		resp, err := http.Get("https://example.com/health")
		u.app.QueueUpdateDraw(func() {
			if err != nil {
				u.status.SetText(err.Error())
				return
			}
			resp.Body.Close()
			u.status.SetText(resp.Status)
		})
	}()
}

// refreshBlocking does the request on the event goroutine, then waits for it.
func (u *ui) refreshBlocking() {
	resp, err := http.Get("https://example.com/health") // want "blocks the application's event loop"
	if err == nil {
		resp.Body.Close()
	}
	u.app.QueueUpdateDraw(func() { u.status.SetText("done") }) // want "deadlock"
}

// tick writes the time from a goroutine: derailed's SetText takes no lock.
func (u *ui) tick() {
	go func() {
		for now := range time.Tick(time.Second) {
			u.status.SetText(now.Format(time.TimeOnly)) // want "races with drawing"
		}
	}()
}

// list fills a table from a goroutine: the fork's getters only read, and
// cells made here are set up before the table holds them; only putting
// them in the table races.
func (u *ui) list(table *tview.Table, names []string) {
	go func() {
		if table.GetRowCount() > 0 || u.status.GetRegionText("r") != "" {
			return
		}
		for i, name := range names {
			label := tview.NewTextView()
			label.SetText(name).SetTitle("name")
			page := tview.NewPages()
			page.AddPage(name, label, true, true)
			table.SetCellSimple(i, 0, name) // want "races with drawing"
		}
	}()
}
