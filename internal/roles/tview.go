package roles

// TviewPkg is the import path of tview, and DerailedTviewPkg that of the
// fork k9s runs on.
const (
	TviewPkg         = "github.com/rivo/tview"
	DerailedTviewPkg = "github.com/derailed/tview"
)

// tviewWaits is the first version of tview whose QueueUpdate waits for
// its function to run (commit fe3052019536, 2020-02-19: "returns after its
// provided function has executed").
const tviewWaits = "v0.0.0-20200219160120-fe3052019536"

func init() { Register(&tviewLibrary) }

// tviewLibrary is github.com/rivo/tview at v0.42.0: a terminal UI whose
// Application runs one event goroutine. Widget handlers run on it
// (doc.go:168-173: "the corresponding callback function will execute in
// the main goroutine"), and so do the functions given to QueueUpdate. One
// program has one Application: its loop is process-wide (ProcessLoop).
//
// QueueUpdate itself waits for the event goroutine to run f
// (application.go:875 "This function returns after f has executed"; code
// application.go:876-881: a send on the buffered updates channel, then <-ch),
// and QueueUpdateDraw (:885) and Draw (:684, "It can actually deadlock your
// application if you call it from the main thread (e.g. in a callback
// function of a widget)") call it: from a handler, each waits for the
// goroutine that is running the handler. From another goroutine they are
// the documented hand-back (doc.go:175-184).
//
// Not listed, as not loop code: (*TextView).SetChangedFunc, whose handler
// runs on the goroutine writing to the TextView (textview.go:488-503: "You
// can call Application.Draw from this handler"); Suspend(f), which runs f on
// its caller; and Box's SetFocusFunc and SetBlurFunc, whose functions
// Box.Focus and Blur (box.go:468-480) run on whichever goroutine moves the
// focus: SetFocus (application.go:838) calls them in place, from the event
// loop when a key or mouse handler moves it (:442, :560), but as often from
// SetRoot before Run, or from a goroutine that switches pages. Indices
// count the receiver as Arg0.
var tviewLibrary = Library{
	Name:    "tview",
	Paths:   []string{TviewPkg},
	Version: "v0.42.0",
	Preset:  true,
	Modules: []Module{
		// Since: the oldest version checked, the one before QueueUpdate
		// waited (application.go:509-512 there).
		{Path: TviewPkg, Checked: "v0.42.0", Since: "v0.0.0-20200219135020-0ba8301b415c"},
		// derailed/tview v0.8.5 waits like tview (application.go:720-725:
		// send, then <-ch; Draw :548 and QueueUpdateDraw :729 call it).
		// Its TextView.SetText (textview.go:310) and Clear (:453) take
		// no lock: the rows that say they are safe elsewhere do not hold.
		// Its GetRegionText (:568) only reads: a getter like the others.
		{Path: DerailedTviewPkg, Of: TviewPkg, Kind: "fork", Checked: "v0.8.5", Lacks: derailedLacks,
			Differs: []string{"TextView.SetText", "TextView.Clear", "TextView.GetRegionText"}},
	},
	Older: []Older{{
		// Before fe3052019536 QueueUpdate only sent f to the buffered
		// updates channel (application.go:509-512, queueSize 100 at :12)
		// and Draw and QueueUpdateDraw called it (:339-344, :516-522): from
		// a handler they return at once, and f runs after the handler. A
		// needless submit, which stalls the loop only once 100 are queued.
		Module: TviewPkg, Before: tviewWaits, Change: "wait for the loop",
		Funcs: []Func{
			{Pkg: TviewPkg, Recv: "Application", Name: "QueueUpdate", Submitter: Submitter{SubmitLoop: ProcessLoop},
				Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop, Threadsafe: true}}}},
			{Pkg: TviewPkg, Recv: "Application", Name: "QueueUpdateDraw", Submitter: Submitter{SubmitLoop: ProcessLoop},
				Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop, Threadsafe: true}}}},
			{Pkg: TviewPkg, Recv: "Application", Name: "Draw", Submitter: Submitter{SubmitLoop: ProcessLoop}},
		},
	}},
	Example: "app.QueueUpdateDraw(f) in a button handler deadlocks the application's event loop: change the widgets directly",
	Words:   tviewWords,
	// Widgets are not safe for concurrent use: their setters change what
	// Draw reads on the event goroutine, with no lock (box.go SetTitle
	// :501, textview.go SetWrap :317, ...). From another goroutine, wrap
	// them in app.QueueUpdateDraw. The exceptions take the widget's own
	// lock, as Draw does (textview.go:1016): TextView's SetText (:388),
	// Clear (:589), Write (:809), BatchWriter (:848), Focus and HasFocus
	// (:785, :802); and InputField's Autocomplete (inputfield.go:351, "It
	// is safe to call this function from any goroutine"), which have rows
	// of their own below. Getters (Get*, Is*, Has*: tviewReads) only read
	// and are left alone, but for the two that parse ahead, filling the
	// line index Draw reads (textview.go:462, :625): rows of their own.
	// Widgets keep no state but their own (Unshared): one a goroutine
	// made is its own until it attaches it to one the loop draws.
	Types: []Type{
		{Pkg: TviewPkg, Name: "Box", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Button", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Checkbox", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "DropDown", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Flex", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Form", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Frame", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Grid", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Image", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "InputField", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "List", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Modal", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Pages", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "Table", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "TextArea", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "TextView", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "TreeNode", Role: LoopOwned, Reads: tviewReads, Unshared: true},
		{Pkg: TviewPkg, Name: "TreeView", Role: LoopOwned, Reads: tviewReads, Unshared: true},
	},
	Funcs: []Func{
		// TextView's methods that take its lock: safe from any goroutine.
		{Pkg: TviewPkg, Recv: "TextView", Name: "SetText"},
		{Pkg: TviewPkg, Recv: "TextView", Name: "Clear"},
		{Pkg: TviewPkg, Recv: "TextView", Name: "Write"},
		{Pkg: TviewPkg, Recv: "TextView", Name: "BatchWriter"},
		{Pkg: TviewPkg, Recv: "TextView", Name: "Focus"},
		{Pkg: TviewPkg, Recv: "TextView", Name: "HasFocus"},
		{Pkg: TviewPkg, Recv: "InputField", Name: "Autocomplete"},
		{Pkg: TviewPkg, Recv: "TextView", Name: "GetWrappedLineCount", LoopAPI: LoopAPI{LoopOnly: true}},
		{Pkg: TviewPkg, Recv: "TextView", Name: "GetRegionText", LoopAPI: LoopAPI{LoopOnly: true}},

		// Application handlers: application.go:164, :181, :775, :790.
		{Pkg: TviewPkg, Recv: "Application", Name: "SetInputCapture", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Application", Name: "SetMouseCapture", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Application", Name: "SetBeforeDrawFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Application", Name: "SetAfterDrawFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},

		// Submits that wait for the event goroutine: application.go:876
		// (QueueUpdate), :885 (QueueUpdateDraw), :684 (Draw).
		{Pkg: TviewPkg, Recv: "Application", Name: "QueueUpdate", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}, Instead: RunInPlace,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop, Threadsafe: true}}}},
		{Pkg: TviewPkg, Recv: "Application", Name: "QueueUpdateDraw", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}, Instead: RunInPlace,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop, Threadsafe: true}}}},
		{Pkg: TviewPkg, Recv: "Application", Name: "Draw", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}},
		// ForceDraw: "Never call this function from a goroutine" (:694).
		{Pkg: TviewPkg, Recv: "Application", Name: "ForceDraw", LoopAPI: LoopAPI{LoopOnly: true}},

		// Box, embedded in every widget (promoted methods are Box's):
		// box.go:145, :204, :263.
		{Pkg: TviewPkg, Recv: "Box", Name: "SetDrawFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Box", Name: "SetInputCapture", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Box", Name: "SetMouseCapture", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},

		// Widgets: button.go:115, :127; checkbox.go:203, :215, :221;
		// dropdown.go:327, :359, :371, :377.
		{Pkg: TviewPkg, Recv: "Button", Name: "SetSelectedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Button", Name: "SetExitFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Checkbox", Name: "SetChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Checkbox", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Checkbox", Name: "SetFinishedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "DropDown", Name: "SetOptions", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "DropDown", Name: "SetSelectedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "DropDown", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "DropDown", Name: "SetFinishedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		// form.go:259, :304 (accept and changed), :320, :337, :348, :373, :501.
		{Pkg: TviewPkg, Recv: "Form", Name: "AddTextArea", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg6, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Form", Name: "AddInputField", Scheduler: Scheduler{Funcs: []FuncArg{
			{Arg: Arg4, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg5, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Form", Name: "AddPasswordField", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg5, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Form", Name: "AddDropDown", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg4, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Form", Name: "AddCheckbox", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg3, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Form", Name: "AddButton", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Form", Name: "SetCancelFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		// inputfield.go:322, :341, :420, :427, :440, :446.
		{Pkg: TviewPkg, Recv: "InputField", Name: "SetAutocompleteFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "InputField", Name: "SetAutocompletedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "InputField", Name: "SetAcceptanceFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "InputField", Name: "SetChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "InputField", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "InputField", Name: "SetFinishedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		// list.go:333, :342, :355, :361, :388.
		{Pkg: TviewPkg, Recv: "List", Name: "SetChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "List", Name: "SetSelectedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "List", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "List", Name: "AddItem", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg4, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "List", Name: "InsertItem", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg5, Where: OnLoop, Loop: ProcessLoop}}}},
		// modal.go:95; pages.go:45; table.go:218, :691, :700, :709.
		{Pkg: TviewPkg, Recv: "Modal", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Pages", Name: "SetChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TableCell", Name: "SetClickedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Table", Name: "SetSelectedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Table", Name: "SetSelectionChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Table", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		// textarea.go:953, :960, :966; textview.go:512, :525, :531.
		{Pkg: TviewPkg, Recv: "TextArea", Name: "SetChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TextArea", Name: "SetMovedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TextArea", Name: "SetFinishedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TextView", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TextView", Name: "SetHighlightedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TextView", Name: "SetFinishedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		// treeview.go:159, :472, :479, :492; image.go:280.
		{Pkg: TviewPkg, Recv: "TreeNode", Name: "SetSelectedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TreeView", Name: "SetChangedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TreeView", Name: "SetSelectedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "TreeView", Name: "SetDoneFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: TviewPkg, Recv: "Image", Name: "SetFinishedFunc", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
	},
}

// tviewWords speak of the application's event loop, as tview's doc.go
// ("Concurrency") does, and advise its hand-back: a goroutine that ends in
// app.QueueUpdateDraw.
var tviewWords = Words{
	Loop:          "the application's event loop",
	LoopGoroutine: "the application's event loop",

	AwaitFuture: Advice{Callback: "wait in a goroutine and show the result with app.QueueUpdateDraw(fn)"},
	Offload:     Advice{Callback: "make the call in a goroutine and show the result with app.QueueUpdateDraw(fn)"},
	OffloadCall: Advice{Callback: "make the call in a goroutine and show the result with app.QueueUpdateDraw(fn)"},
	Sleep:       Advice{Callback: "sleep in a goroutine, then call app.QueueUpdateDraw(fn)"},
	Receive:     Advice{Callback: "receive in a goroutine and hand the value back with app.QueueUpdateDraw(fn)"},

	SubmitCallback: "change the widgets directly: handlers run on the event loop",
	WaitCallback:   "change the widgets directly: handlers run on the event loop",

	HandBack: "hand the result back with app.QueueUpdateDraw(fn)",
	// Widgets are not safe for concurrent use (doc.go, "Concurrency").
	LoopOnly:   "it races with drawing, which reads the widget unlocked",
	OffLoopFix: "make the change in app.QueueUpdateDraw(fn)",

	Fixes: map[Rewrite]Fix{
		RunInPlace: {Message: "Change the widgets here: a handler runs on the event loop, and tview redraws after it", Text: "{body}"},
	},
}

// tviewReads are the prefixes of tview's getters: every Get*, Is* and
// Has* method of the widgets only reads the widget (checked at v0.42.0, at
// the oldest version and in derailed/tview v0.8.5), but for TextView's
// GetWrappedLineCount and GetRegionText at v0.42.0, which have rows.
var tviewReads = []string{"Get", "Is", "Has"}

// derailedLacks are the rows whose functions derailed/tview v0.8.5 does
// not have: it forked before tview added them.
var derailedLacks = []string{
	"Button.SetExitFunc", "Form.AddTextArea",
	"InputField.SetAutocompletedFunc", "TextView.SetFinishedFunc", "Image.SetFinishedFunc",
	"TextArea.SetChangedFunc", "TextArea.SetMovedFunc", "TextArea.SetFinishedFunc", "TextArea", "Image", "TextView.BatchWriter",
	"TextView.GetWrappedLineCount",
}
