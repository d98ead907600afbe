package tview

import (
	"io"
	"net/http"
	"strings"

	"github.com/rivo/tview"

	"example.com/presets/tview/views"
)

// Sources handed to views.NewBrowser, whose input handler calls their
// Items on the event goroutine.

// liveFeed asks the event goroutine for the items and waits for it.
type liveFeed struct {
	app  *tview.Application
	list *tview.List
}

func (f *liveFeed) Items() []string {
	var out []string
	f.app.QueueUpdate(func() { out = append(out, f.list.GetTitle()) })
	return out
}

// httpFeed fetches the items.
type httpFeed struct{ url string }

func (f httpFeed) Items() []string {
	resp, err := http.Get(f.url)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return strings.Split(string(b), "\n")
}

// fixedFeed has its items at hand.
type fixedFeed []string

func (f fixedFeed) Items() []string { return f }

func browsers(app *tview.Application) []*views.Browser {
	return []*views.Browser{
		views.NewBrowser(&liveFeed{app: app}),             // want "deadlock"
		views.NewBrowser(httpFeed{"https://example.com"}), // want "blocks the application's event loop"
		views.NewBrowser(fixedFeed{"a", "b"}),
	}
}
