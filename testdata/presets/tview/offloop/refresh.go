// Package offloop is tview code that changes widgets from goroutines: the
// setters race with the event goroutine's Draw, unless they take the
// widget's own lock (a TextView's SetText, Clear and Write) or run in
// QueueUpdateDraw.
package offloop

import (
	"fmt"
	"time"

	"github.com/rivo/tview"

	"example.com/presets/tview/offloop/feed"
)

type ui struct {
	app    *tview.Application
	status *tview.TextView
	logs   *tview.TextView
	table  *tview.Table
}

func (u *ui) poll(load func() []string) {
	go func() {
		for range time.Tick(time.Second) {
			rows := load()
			u.status.SetTitle(fmt.Sprintf("%d rows", len(rows))) // want "races with drawing"
			u.table.SetCell(0, 0, tview.NewTableCell(rows[0]))   // want "races with drawing"
			u.logs.SetText("refreshed")
			fmt.Fprintln(u.logs, "refreshed")
			u.app.QueueUpdateDraw(func() {
				u.status.SetWrap(true)
				u.table.Select(0, 0)
			})
		}
	}()
	time.AfterFunc(time.Minute, func() {
		u.status.SetWrap(false) // want "races with drawing"
		u.logs.Clear()
	})
}

// New builds the widgets before the application runs: not another
// goroutine.
func New() *ui {
	u := &ui{app: tview.NewApplication(), status: tview.NewTextView(), logs: tview.NewTextView(), table: tview.NewTable()}
	u.status.SetTitle("status").SetBorder(true)
	u.table.SetCell(0, 0, tview.NewTableCell("-"))
	return u
}

// background runs its argument on a goroutine of its own.
func background(f func()) { go f() }

// later calls its argument in place.
func later(f func()) { f() }

func (u *ui) reload(load func() []string) {
	background(func() {
		rows := load()
		u.status.SetTitle(fmt.Sprintf("%d rows", len(rows))) // want "races with drawing"
		u.app.QueueUpdateDraw(func() { u.table.Select(0, 0) })
	})
	later(func() {
		u.status.SetTitle("loading") // quiet: called in place, by whoever calls reload
	})
}

// follow hands the feed a callback: the feed calls it on its own
// goroutine, so the widget change there races with drawing.
func (u *ui) follow(f *feed.Feed) {
	f.OnItem = func(item string) {
		u.status.SetTitle(item) // want "races with drawing"
		u.app.QueueUpdateDraw(func() { u.table.SetCell(0, 0, tview.NewTableCell(item)) })
	}
	f.Start(time.Second)
}
