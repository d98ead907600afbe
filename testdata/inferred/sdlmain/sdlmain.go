// Package sdlmain is a main-thread queue over a channel of its own making,
// whose invoke is a closure stored in a package-level variable that Do
// calls (go-sdl2's Main and Do have this shape).
package sdlmain

var callInMain func(f func())

// Main runs main on a new goroutine and serves calls on this one.
func Main(main func()) {
	calls := make(chan func())
	callInMain = func(f func()) {
		done := make(chan bool, 1)
		calls <- func() {
			f()
			done <- true
		}
		<-done
	}
	go func() {
		main()
		close(calls)
	}()
	for f := range calls {
		f()
	}
}

// Do runs f on the main goroutine and waits for it.
func Do(f func()) {
	callInMain(f)
}
