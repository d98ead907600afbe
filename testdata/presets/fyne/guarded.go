package fyne

import (
	"runtime"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// mainID is the id of the app's main goroutine, stored at start-up.
var mainID atomic.Uint64

// goid parses the current goroutine's id from its stack header.
func goid() uint64 {
	var buf [32]byte
	n := runtime.Stack(buf[:], false)
	var id uint64
	for _, c := range buf[len("goroutine "):n] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + uint64(c-'0')
	}
	return id
}

func onMainGoroutine() bool { return goid() == mainID.Load() }

// ensureMain is a guarded invoke: on the main goroutine it runs fn in
// place; only other goroutines hand it over with fyne.DoAndWait.
func ensureMain(fn func()) {
	if onMainGoroutine() {
		fn()
		return
	}
	fyne.DoAndWait(fn)
}

// mainRunner knows from a field of its own whether it runs on the main
// goroutine: a guarded invoke too.
type mainRunner struct{ onMain bool }

func (m *mainRunner) do(fn func()) {
	if m.onMain {
		fn()
		return
	}
	fyne.DoAndWait(fn)
}

// whenShown calls the guarded invoke for its own function parameter.
func whenShown(shown bool, fn func()) {
	if shown {
		ensureMain(fn)
	}
}

// runNow lets its caller choose: a false now from a callback waits on the
// main goroutine from the main goroutine.
func runNow(now bool, fn func()) {
	if now {
		fn()
		return
	}
	fyne.DoAndWait(fn)
}

// runSet skips a nil fn and then always waits.
func runSet(fn func()) {
	if fn == nil {
		return
	}
	fyne.DoAndWait(fn)
}

func guardedButtons(status *widget.Label, m *mainRunner) []*widget.Button {
	return []*widget.Button{
		widget.NewButton("Guarded", func() {
			m.do(func() { status.SetText("shown") })                        // quiet: a guard on a field of m
			ensureMain(func() { status.SetText("shown") })                  // quiet: runs in place on the main goroutine
			whenShown(status.Visible(), func() { status.SetText("shown") }) // quiet: the same, through a wrapper
		}),
		widget.NewButton("Chosen", func() {
			runNow(false, func() { status.SetText("later") }) // want "runNow blocks the app's main goroutine"
		}),
		widget.NewButton("Unguarded", func() {
			runSet(func() { status.SetText("later") }) // want "runSet blocks the app's main goroutine"
		}),
	}
}

// ticker updates the label from its own goroutine through the guard.
func ticker(status *widget.Label) {
	go ensureMain(func() { status.SetText("tick") })
}
