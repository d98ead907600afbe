// Package offloop updates Fyne widgets from goroutines.
package offloop

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func Clock(label *widget.Label, bar *widget.ProgressBar) {
	go func() {
		for now := range time.Tick(time.Second) {
			label.SetText(now.Format(time.TimeOnly)) // want "fyne.Do"
			fyne.Do(func() { bar.SetValue(float64(now.Second()) / 60) })
		}
	}()
	time.AfterFunc(time.Minute, func() {
		label.Hide() // want "in a function time.AfterFunc runs on its own goroutine, label.Hide runs off the app's main goroutine.*fyne.Do"
	})
}

// spawn runs its argument on a goroutine of its own.
func spawn(f func()) { go f() }

func Reload(label *widget.Label, load func() string) {
	spawn(func() {
		label.SetText(load()) // want "in a function spawn runs on its own goroutine, label.SetText runs off the app's main goroutine.*fyne.Do"
	})
	spawn(func() {
		s := load()
		time.Sleep(time.Second) // quiet: a goroutine may wait
		fyne.Do(func() { label.SetText(s) })
	})
}
