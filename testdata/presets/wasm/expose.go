//go:build js && wasm

package wasm

import (
	"syscall/js"
	"time"
)

// expose wraps a Go function for JavaScript, converting the arguments: cb
// runs inside the js.FuncOf callback, on the JavaScript event loop.
func expose(name string, cb func(args []string) any) {
	js.Global().Set(name, js.FuncOf(func(this js.Value, args []js.Value) any {
		strs := make([]string, len(args))
		for i, a := range args {
			strs[i] = a.String()
		}
		return cb(strs)
	}))
}

// exposeAsync runs cb on a goroutine and resolves a Promise from it.
func exposeAsync(name string, cb func(args []string) any) {
	js.Global().Set(name, js.FuncOf(func(this js.Value, args []js.Value) any {
		strs := make([]string, len(args))
		for i, a := range args {
			strs[i] = a.String()
		}
		return js.Global().Get("Promise").New(js.FuncOf(func(this js.Value, p []js.Value) any {
			go func() { p[0].Invoke(cb(strs)) }()
			return nil
		}))
	}))
}

// RegisterWrapped installs functions through the wrappers.
func RegisterWrapped() {
	expose("fetchWrapped", func(args []string) any {
		body, _ := get(args[0]) // want "deadlock"
		return body
	})
	expose("napWrapped", func(args []string) any {
		time.Sleep(time.Millisecond) // want "blocks the JavaScript event loop"
		return nil
	})
	exposeAsync("fetchAsyncWrapped", func(args []string) any {
		body, _ := get(args[0])
		return body
	})
}
