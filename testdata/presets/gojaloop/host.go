// Package gojaloop hosts user scripts on a goja_nodejs event loop and gives
// them a callback-style fetch.
package gojaloop

import (
	"io"
	"log"
	"net/http"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"
)

type Host struct {
	loop   *eventloop.EventLoop
	client *http.Client
}

func New() *Host {
	h := &Host{loop: eventloop.NewEventLoop(), client: &http.Client{Timeout: 5 * time.Second}}
	h.loop.Start()
	h.loop.RunOnLoop(h.install)
	return h
}

func (h *Host) get(url string) (string, error) {
	resp, err := h.client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// install runs on the loop (RunOnLoop above).
func (h *Host) install(vm *goja.Runtime) {
	// fetch(url, cb): the request runs on a goroutine and the callback is
	// handed back to the loop.
	_ = vm.Set("fetch", func(call goja.FunctionCall) goja.Value {
		url := call.Argument(0).String()
		cb, ok := goja.AssertFunction(call.Argument(1))
		if !ok {
			panic(vm.NewTypeError("fetch: callback is not a function"))
		}
		go func() {
			body, err := h.get(url)
			h.loop.RunOnLoop(func(vm *goja.Runtime) {
				if err != nil {
					_, _ = cb(goja.Undefined(), vm.ToValue(err.Error()))
					return
				}
				_, _ = cb(goja.Undefined(), goja.Null(), vm.ToValue(body))
			})
		}()
		return goja.Undefined()
	})
	// exit(): StopNoWait is the spelling for code on the loop.
	_ = vm.Set("exit", func(goja.FunctionCall) goja.Value {
		h.loop.StopNoWait()
		return goja.Undefined()
	})
}

// Poll runs a script function every interval.
func (h *Host) Poll(url string, every time.Duration) {
	h.loop.SetInterval(func(vm *goja.Runtime) {
		// An HTTP round trip inside the interval callback: every timer and
		// script callback waits for it.
		body, err := h.get(url) // want "blocks the event loop"
		if err != nil {
			return
		}
		if fn, ok := goja.AssertFunction(vm.Get("onPoll")); ok {
			_, _ = fn(goja.Undefined(), vm.ToValue(body))
		}
	}, every)
}

// Eval runs src on the loop and waits for its result: called from another
// goroutine, this is the documented way to talk to the loop.
func (h *Host) Eval(src string) (string, error) {
	type result struct {
		v   string
		err error
	}
	ch := make(chan result, 1)
	h.loop.RunOnLoop(func(vm *goja.Runtime) {
		v, err := vm.RunString(src)
		if err != nil {
			ch <- result{err: err}
			return
		}
		ch <- result{v: v.String()}
	})
	r := <-ch
	return r.v, r.err
}

// Reload schedules a script reload from inside the loop.
func (h *Host) Reload(src string) {
	h.loop.SetTimeout(func(vm *goja.Runtime) {
		// Eval waits for work it queues behind this very callback.
		if _, err := h.Eval(src); err != nil { // want "deadlock"
			log.Print(err)
		}
	}, 0)
}

// Shutdown is called by a script through a timer.
func (h *Host) Shutdown() {
	h.loop.SetTimeout(func(*goja.Runtime) {
		// Stop waits until the loop runs no job: this job is one.
		h.loop.Stop() // want "deadlock"
	}, time.Second)
	h.loop.RunOnLoop(func(*goja.Runtime) {
		// The loop is running: Run panics.
		h.loop.Run(func(*goja.Runtime) {}) // want "panic"
	})
}

// Close stops the loop from outside it: fine.
func (h *Host) Close() int {
	return h.loop.Stop()
}

// Script runs a one-off script: Run blocks the calling goroutine, which is
// what a command-line tool wants.
func Script(src string) {
	loop := eventloop.NewEventLoop()
	loop.Run(func(vm *goja.Runtime) {
		if _, err := vm.RunString(src); err != nil {
			log.Print(err)
		}
	})
}
