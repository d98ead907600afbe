package tview

import (
	"time"

	"github.com/rivo/tview"
)

// Clock is a widget whose handlers are exported methods.
type Clock struct {
	app  *tview.Application
	view *tview.TextView
	list *tview.List
}

func NewClock(app *tview.Application) *Clock {
	c := &Clock{app: app, view: tview.NewTextView(), list: tview.NewList()}
	c.list.AddItem("Refresh", "", 'r', c.Refresh)
	c.list.SetSelectedFunc(func(int, string, string, rune) {
		c.app.QueueUpdateDraw(func() { c.view.SetText("selected") }) // want "deadlock"
	})
	c.list.SetDoneFunc(func() {
		go c.app.QueueUpdateDraw(func() { c.view.Clear() }) // a goroutine of its own: fine
	})
	return c
}

// Refresh is a list item's handler, exported.
func (c *Clock) Refresh() {
	c.app.QueueUpdateDraw(func() { c.view.SetText(time.Now().String()) }) // want "deadlock"
}

// Tick runs on a goroutine of its own; the function it queues runs on the
// event loop, where Draw waits for the loop itself.
func (c *Clock) Tick() {
	for range time.Tick(time.Second) {
		c.app.QueueUpdate(func() {
			c.view.SetText(time.Now().String())
			c.app.Draw() // want "deadlock"
		})
	}
}
