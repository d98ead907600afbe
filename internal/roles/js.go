package roles

// JSPkg is the import path of syscall/js.
const JSPkg = "syscall/js"

func init() { Register(&jsLibrary) }

// jsLibrary is syscall/js (GOOS=js GOARCH=wasm), checked against Go 1.26.
// js.FuncOf's function runs on the JavaScript event loop, one per program
// (func.go:27-44): "Invoking the wrapped Go function from JavaScript will
// pause the event loop and spawn a new goroutine ... if one wrapped function
// blocks, JavaScript's event loop is blocked until that function returns.
// Hence, calling any async JavaScript API, which requires the event loop,
// like fetch (http.Client), will cause an immediate deadlock. Therefore a
// blocking function should explicitly start a new goroutine."
//
// So a wait in the callback blocks the loop, and net/http deadlocks:
// in the browser its requests go through fetch (net/http/roundtrip_js.go),
// which completes only on the JavaScript event loop (NeedsLoop). Its
// version is the Go release whose syscall/js the rows were checked against.
var jsLibrary = Library{
	Name:      "js",
	Paths:     []string{JSPkg},
	Version:   "go1.26",
	Preset:    true,
	Example:   "http.Get(url) in a js.FuncOf callback deadlocks the JavaScript event loop: start a goroutine inside the callback, or return a Promise resolved from one",
	Words:     jsWords,
	NeedsLoop: []string{"net/http"},
	Funcs: []Func{
		// func.go:45.
		{Pkg: JSPkg, Name: "FuncOf", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop}}}},
	},
}

// jsWords speak of the JavaScript event loop and advise what js.FuncOf's
// doc does: a goroutine inside the callback, or a Promise resolved from one.
var jsWords = Words{
	Loop:          "the JavaScript event loop",
	LoopGoroutine: "the JavaScript event loop",

	AwaitFuture: Advice{Callback: "wait in a goroutine, or return a Promise resolved from one"},
	Offload:     Advice{Callback: "make the call in a goroutine, or return a Promise resolved from one"},
	OffloadCall: Advice{Callback: "make the call in a goroutine, or return a Promise resolved from one"},
	Sleep:       Advice{Callback: "sleep in a goroutine, or use JavaScript's setTimeout"},
	Receive:     Advice{Callback: "wait in a goroutine, or return a Promise resolved from one"},

	HandBack: "resolve a Promise from the goroutine",
}
