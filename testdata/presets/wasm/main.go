//go:build js && wasm

// Package wasm exposes Go functions to JavaScript with syscall/js.
package wasm

import (
	"io"
	"net/http"
	"sync"
	"time"

	"syscall/js"
)

func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Register installs the functions on the global object.
func Register() {
	// fetchSync: the HTTP call needs the JavaScript event loop, which is
	// waiting for this callback to return.
	js.Global().Set("fetchSync", js.FuncOf(func(this js.Value, args []js.Value) any {
		body, err := get(args[0].String()) // want "deadlock"
		if err != nil {
			return err.Error()
		}
		return body
	}))

	// fetchAsync: the documented pattern, a Promise resolved from a
	// goroutine.
	js.Global().Set("fetchAsync", js.FuncOf(func(this js.Value, args []js.Value) any {
		url := args[0].String()
		handler := js.FuncOf(func(this js.Value, p []js.Value) any {
			resolve, reject := p[0], p[1]
			go func() {
				body, err := get(url)
				if err != nil {
					reject.Invoke(js.Global().Get("Error").New(err.Error()))
					return
				}
				resolve.Invoke(body)
			}()
			return nil
		})
		return js.Global().Get("Promise").New(handler)
	}))

	// sum waits for workers inside the callback.
	js.Global().Set("sum", js.FuncOf(func(this js.Value, args []js.Value) any {
		var wg sync.WaitGroup
		total := make([]int, len(args))
		for i, a := range args {
			wg.Add(1)
			go func() {
				defer wg.Done()
				total[i] = a.Int() * a.Int()
			}()
		}
		wg.Wait() // want "blocks the JavaScript event loop"
		s := 0
		for _, t := range total {
			s += t
		}
		return s
	}))

	// pause sleeps in the callback.
	js.Global().Set("pause", js.FuncOf(func(this js.Value, args []js.Value) any {
		time.Sleep(time.Duration(args[0].Int()) * time.Millisecond) // want "blocks the JavaScript event loop"
		return nil
	}))
}

// Main keeps the program alive: a receive in main is not in a callback.
func Main() {
	Register()
	<-make(chan struct{})
}
