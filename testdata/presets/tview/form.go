// Package tview is a tview form that signs a user in against a server and
// shows a live log.
package tview

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

type ui struct {
	app    *tview.Application
	form   *tview.Form
	status *tview.TextView
	logs   *tview.TextView
}

func New() *ui {
	u := &ui{app: tview.NewApplication(), status: tview.NewTextView(), logs: tview.NewTextView()}
	u.form = tview.NewForm().
		AddInputField("User", "", 20, nil, nil).
		AddPasswordField("Password", "", 20, '*', nil).
		AddButton("Sign in", u.signIn).
		AddButton("Sign in (wait)", u.signInBlocking).
		AddButton("Quit", u.app.Stop)
	// The text view is an io.Writer safe for any goroutine; its changed
	// handler runs on the writer's goroutine, where Draw is fine.
	u.logs.SetChangedFunc(func() { u.app.Draw() })
	u.app.SetInputCapture(u.keys)
	flex := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(u.form, 0, 1, true).AddItem(u.status, 1, 0, false).AddItem(u.logs, 0, 1, false)
	u.app.SetRoot(flex, true)
	return u
}

func (u *ui) values() url.Values {
	user := u.form.GetFormItemByLabel("User").(*tview.InputField).GetText()
	pass := u.form.GetFormItemByLabel("Password").(*tview.InputField).GetText()
	return url.Values{"user": {user}, "pass": {pass}}
}

// signIn is a button handler: it runs on the event goroutine and hands the
// request to a goroutine, which queues its result back.
func (u *ui) signIn() {
	u.status.SetText("signing in...")
	vals := u.values()
	go func() {
		resp, err := http.PostForm("https://example.com/login", vals)
		u.app.QueueUpdateDraw(func() {
			if err != nil {
				u.status.SetText(err.Error())
				return
			}
			resp.Body.Close()
			u.status.SetText(resp.Status)
		})
		fmt.Fprintf(u.logs, "%s sign-in done\n", time.Now().Format(time.TimeOnly))
	}()
}

// signInBlocking does the request on the event goroutine.
func (u *ui) signInBlocking() {
	msg := "signed in"
	resp, err := http.PostForm("https://example.com/login", u.values()) // want "blocks the application's event loop"
	if err != nil {
		msg = err.Error()
	} else {
		resp.Body.Close()
	}
	u.setStatus(msg) // want "deadlock"
}

// setStatus queues an update and waits for it: from a handler, the event
// goroutine waits for itself.
func (u *ui) setStatus(s string) {
	u.app.QueueUpdateDraw(func() { u.status.SetText(s) })
}

func (u *ui) keys(ev *tcell.EventKey) *tcell.EventKey {
	switch ev.Key() {
	case tcell.KeyCtrlR:
		u.app.Draw() // want "deadlock"
		return nil
	case tcell.KeyCtrlL:
		u.app.QueueUpdate(func() { u.logs.Clear() }) // want "deadlock"
		return nil
	case tcell.KeyCtrlU:
		u.status.SetText("") // direct access from a handler: fine
		return nil
	}
	return ev
}

func (u *ui) Run() error {
	go func() {
		u.setStatus("ready") // from a goroutine: the right place
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for now := range t.C {
			u.app.QueueUpdateDraw(func() { u.status.SetText(now.Format(time.TimeOnly)) })
		}
	}()
	return u.app.Run()
}
