package offloop

import (
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"
)

func fetch(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var body strings.Builder
	_, err = io.Copy(&body, resp.Body)
	return body.String(), err
}

// Fetch gives scripts a promise-returning fetch. The native function runs
// on the loop when a script calls it, not in the RunOnLoop callback: the
// promise's resolve and reject are still the loop's.
func Fetch(loop *eventloop.EventLoop) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		_ = vm.Set("fetch", func(call goja.FunctionCall) goja.Value {
			url := call.Argument(0).String()
			p, resolve, reject := vm.NewPromise()
			go func() {
				body, err := fetch(url)
				if err != nil {
					_ = reject(err) // want "in a goroutine, reject runs off the event loop of its runtime: a data race; call it in loop.RunOnLoop\\(fn\\)"
					return
				}
				_ = resolve(body) // want "in a goroutine, resolve runs off the event loop of its runtime"
			}()
			return vm.ToValue(p)
		})
	})
}

// FetchOnLoop is the goja_nodejs pattern: the goroutine hands the result
// back, and resolve runs on the loop.
func FetchOnLoop(loop *eventloop.EventLoop) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		_ = vm.Set("fetch", func(call goja.FunctionCall) goja.Value {
			url := call.Argument(0).String()
			p, resolve, _ := vm.NewPromise()
			go func() {
				body, _ := fetch(url)
				loop.RunOnLoop(func(*goja.Runtime) { _ = resolve(body) })
			}()
			return vm.ToValue(p)
		})
	})
}

// Later settles a promise made in one loop callback from another: both
// run on the loop.
func Later(loop *eventloop.EventLoop) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		p, resolve, _ := vm.NewPromise()
		_ = vm.Set("later", p)
		loop.SetTimeout(func(*goja.Runtime) { _ = resolve("done") }, time.Second)
	})
}

// pending is a resolve kept for a later loop callback.
type pending struct {
	loop    *eventloop.EventLoop
	resolve func(interface{}) error
}

func (p *pending) start() {
	p.loop.RunOnLoop(func(vm *goja.Runtime) {
		var promise *goja.Promise
		promise, p.resolve, _ = vm.NewPromise()
		_ = vm.Set("ready", promise)
	})
}

func (p *pending) finish() {
	p.loop.RunOnLoop(func(*goja.Runtime) { _ = p.resolve(true) })
}

// Values reads script values from a goroutine: the goja.Value (through
// its interface), the *goja.Object, the Callable and the arguments of a
// native function are all the loop's.
func Values(loop *eventloop.EventLoop) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		config := vm.Get("config")
		obj := vm.NewObject()
		onTick, _ := goja.AssertFunction(vm.Get("onTick"))
		go func() {
			_ = config.String() // want "in a goroutine, config.String runs off the event loop of its goja.Value"
		}()
		go func() {
			_ = obj.Set("started", true) // want "in a goroutine, obj.Set runs off the event loop of its \\*goja.Object"
		}()
		go func() {
			_, _ = onTick(goja.Undefined()) // want "in a goroutine, onTick runs off the event loop of its runtime"
		}()
		_ = vm.Set("watch", func(call goja.FunctionCall) goja.Value {
			go func() {
				_ = call.Argument(0).Export() // want "in a goroutine, call.Argument runs off the event loop of its goja.FunctionCall"
			}()
			return goja.Undefined()
		})
	})
}

// Exported hands plain Go values to the goroutine: a string and what
// Export gives are not the runtime's.
func Exported(loop *eventloop.EventLoop, out chan<- any) {
	loop.RunOnLoop(func(vm *goja.Runtime) {
		name := vm.Get("name").String()
		settings := vm.Get("settings").Export()
		go func() {
			out <- name
			out <- settings
		}()
	})
}

// Standalone uses a runtime of goja.New(): bound to no loop, it is its
// owner's to share correctly, and nothing here is reported.
func Standalone(out chan<- any) {
	vm := goja.New()
	_ = vm.Set("log", func(call goja.FunctionCall) goja.Value {
		go func() { out <- call.Argument(0).String() }()
		return goja.Undefined()
	})
	p, resolve, _ := vm.NewPromise()
	go func() {
		_ = resolve(true)
		_, _ = vm.RunString(`log("ready")`)
		out <- p.State()
	}()
}

// host registers its native functions as method values; the runtime is
// given to them by goja.
type host struct {
	loop *eventloop.EventLoop
}

func (h *host) install(vm *goja.Runtime) {
	_ = vm.Set("fetch", h.fetch)
	_ = vm.Set("sleep", h.sleep)
}

func (h *host) fetch(call goja.FunctionCall, vm *goja.Runtime) goja.Value {
	url := call.Argument(0).String()
	p, resolve, _ := vm.NewPromise()
	go func() {
		body, _ := fetch(url)
		_ = resolve(body) // want "in a goroutine, resolve runs off the event loop of its runtime"
	}()
	return vm.ToValue(p)
}

func (h *host) sleep(call goja.FunctionCall, vm *goja.Runtime) goja.Value {
	d := time.Duration(call.Argument(0).ToInteger()) * time.Millisecond
	return h.promise(vm, func() (any, error) {
		time.Sleep(d)
		return nil, nil
	})
}

// promise runs work on a goroutine and settles the promise on the loop.
func (h *host) promise(vm *goja.Runtime, work func() (any, error)) goja.Value {
	p, resolve, reject := vm.NewPromise()
	go func() {
		v, err := work()
		h.loop.RunOnLoop(func(*goja.Runtime) {
			if err != nil {
				_ = reject(err)
				return
			}
			_ = resolve(v)
		})
	}()
	return vm.ToValue(p)
}

func Install(loop *eventloop.EventLoop) {
	h := &host{loop: loop}
	loop.RunOnLoop(h.install)
}

// settleLater is called from loop code with its runtime.
func settleLater(vm *goja.Runtime, v any) *goja.Promise {
	p, resolve, _ := vm.NewPromise()
	go func() { _ = resolve(v) }() // want "in a goroutine, resolve runs off the event loop of its runtime"
	return p
}

func Settle(loop *eventloop.EventLoop) {
	loop.RunOnLoop(func(vm *goja.Runtime) { _ = vm.Set("p", settleLater(vm, 1)) })
}

// publish runs on its own goroutine, with the loop's runtime.
func publish(vm *goja.Runtime, v any) {
	_ = vm.Set("latest", v) // want "in a goroutine, vm.Set runs off the event loop of its \\*goja.Runtime"
}

func Publish(loop *eventloop.EventLoop, v any) {
	loop.RunOnLoop(func(vm *goja.Runtime) { go publish(vm, v) })
}

// settleNow is called with a loop's runtime and with one of goja.New():
// which runtime it has is not known.
func settleNow(vm *goja.Runtime) {
	_, resolve, _ := vm.NewPromise()
	go func() { _ = resolve(nil) }()
}

func SettleBoth(loop *eventloop.EventLoop) {
	loop.RunOnLoop(func(vm *goja.Runtime) { settleNow(vm) })
	settleNow(goja.New())
}
