// Package views is a library of widgets over tview whose input handlers
// call methods of an interface its users implement: the implementation
// handed to NewBrowser runs on the application's event goroutine.
package views

import (
	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// Source gives the items of a Browser.
type Source interface {
	Items() []string
}

// Browser lists a source's items again on every key.
type Browser struct {
	List *tview.List
	src  Source
}

// NewBrowser stores src where the list's input handler calls it.
func NewBrowser(src Source) *Browser {
	b := &Browser{List: tview.NewList(), src: src}
	b.List.SetInputCapture(func(ev *tcell.EventKey) *tcell.EventKey {
		b.List.Clear()
		for _, it := range b.src.Items() {
			b.List.AddItem(it, "", 0, nil)
		}
		return ev
	})
	return b
}
