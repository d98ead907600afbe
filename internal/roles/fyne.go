package roles

// Fyne's packages whose APIs the rows describe.
const (
	FynePkg          = "fyne.io/fyne/v2"
	FyneWidgetPkg    = "fyne.io/fyne/v2/widget"
	FyneCanvasPkg    = "fyne.io/fyne/v2/canvas"
	FyneContainerPkg = "fyne.io/fyne/v2/container"
	FyneDialogPkg    = "fyne.io/fyne/v2/dialog"
)

func init() { Register(&fyneLibrary) }

// fyneLibrary is fyne.io/fyne/v2 at v2.7.1. The driver runs the app on its
// main goroutine, one per program ("the main Fyne runtime context",
// thread.go:3): widget callbacks, given as function-typed fields
// (button.OnTapped = f) or constructor arguments (widget.NewButton(label,
// f)), and the functions given to fyne.Do and fyne.DoAndWait run there.
//
// fyne.DoAndWait (thread.go:8) is for goroutines ("Developers should use
// this only from within goroutines they have created", thread.go:5).
// From the main goroutine it is refused or deadlocks, depending on the
// app: internal/async/goroutine.go:27-37 logs "fyne.DoAndWait called from
// main goroutine" and runs fn later, after the callback returns, unless the
// app has migrated to fyne.Do (FyneApp.toml [Migrations] fyneDo = true, or
// build tag migrated_fynedo), when internal/driver/glfw/loop.go:40-57 queues
// fn and waits for it on the main goroutine: a deadlock. So it waits only
// sometimes (FuncArg.Sometimes): a warning, never a proven deadlock.
// fyne.Do (thread.go:18) only queues fn: harmless on the main goroutine.
//
// Widgets and canvas objects are not safe for other goroutines: "This is
// required when a background process wishes to adjust graphical elements
// of a running app" (thread.go:3-4, on Do and DoAndWait). Every method of
// the types of packages widget and canvas is loop-only (LoopOwned); data
// bindings (package data/binding) are thread-safe and not listed.
//
// Packages app, internal/driver/glfw, internal/painter/gl and the cmd/
// programs need cgo and X11/OpenGL headers (go-gl/glfw, go-gl/gl): no row
// is in them. Indices count a method's receiver as Arg0.
var fyneLibrary = Library{
	Name:    "fyne",
	Paths:   []string{FynePkg, FyneWidgetPkg, FyneCanvasPkg, FyneContainerPkg, FyneDialogPkg},
	Version: "v2.7.1",
	Preset:  true,
	Example: "http.Get(url) in a button's OnTapped blocks the app's main goroutine: fetch in a goroutine and update the widgets with fyne.Do",
	Words:   fyneWords,
	Types: []Type{
		{Pkg: FyneWidgetPkg, Role: LoopOwned},
		{Pkg: FyneCanvasPkg, Role: LoopOwned},
	},
	Funcs: []Func{
		// thread.go:18 and :8.
		{Pkg: FynePkg, Name: "Do", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FynePkg, Name: "DoAndWait", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop}, Instead: RunInPlace,
			Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop, Threadsafe: true, Awaited: true, Sometimes: true}}}},

		// Menus, windows and canvases: menu.go:63, :70; window.go:65, :71;
		// canvas.go:41, :43.
		{Pkg: FynePkg, Name: "NewMenuItem", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FynePkg, Name: "NewMenuItemWithIcon", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FynePkg, Recv: "Window", Name: "SetOnClosed", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FynePkg, Recv: "Window", Name: "SetCloseIntercept", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FynePkg, Recv: "Canvas", Name: "SetOnTypedRune", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FynePkg, Recv: "Canvas", Name: "SetOnTypedKey", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},

		// Widget constructors taking their callbacks: widget/button.go:69,
		// :80; calendar.go:44; check.go:39; check_group.go:31;
		// radio_group.go:32; select.go:46; toolbar.go:63.
		{Pkg: FyneWidgetPkg, Name: "NewButton", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewButtonWithIcon", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewCalendar", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewCheck", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewCheckGroup", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewRadioGroup", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewSelect", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewToolbarAction", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}}}},
		// Collection widgets call length, create and update while they
		// lay out and refresh: list.go:76, table.go:119, gridwrap.go:71,
		// tree.go:70.
		{Pkg: FyneWidgetPkg, Name: "NewList", Scheduler: Scheduler{Funcs: []FuncArg{
			{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewTable", Scheduler: Scheduler{Funcs: []FuncArg{
			{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewGridWrap", Scheduler: Scheduler{Funcs: []FuncArg{
			{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg1, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneWidgetPkg, Name: "NewTree", Scheduler: Scheduler{Funcs: []FuncArg{
			{Arg: Arg0, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg1, Where: OnLoop, Loop: ProcessLoop},
			{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}, {Arg: Arg3, Where: OnLoop, Loop: ProcessLoop}}}},

		// Dialog callbacks run when the user answers: dialog/confirm.go:41,
		// :63; entry.go:73; form.go:50, :85.
		{Pkg: FyneDialogPkg, Name: "NewConfirm", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneDialogPkg, Name: "ShowConfirm", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneDialogPkg, Name: "ShowEntryDialog", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg2, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneDialogPkg, Name: "NewForm", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg4, Where: OnLoop, Loop: ProcessLoop}}}},
		{Pkg: FyneDialogPkg, Name: "ShowForm", Scheduler: Scheduler{Funcs: []FuncArg{{Arg: Arg4, Where: OnLoop, Loop: ProcessLoop}}}},
	},
	Fields: []Field{
		// widget/button.go:62; hyperlink.go:42; richtext_objects.go:116.
		{Pkg: FyneWidgetPkg, Type: "Button", Name: "OnTapped", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Hyperlink", Name: "OnTapped", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "HyperlinkSegment", Name: "OnTapped", Where: OnLoop, Loop: ProcessLoop},
		// entry.go:48, :50, :73.
		{Pkg: FyneWidgetPkg, Type: "Entry", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Entry", Name: "OnSubmitted", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Entry", Name: "OnCursorChanged", Where: OnLoop, Loop: ProcessLoop},
		// check.go:28; check_group.go:21; radio_group.go:17; select.go:35;
		// calendar.go:38; date_entry.go:22.
		{Pkg: FyneWidgetPkg, Type: "Check", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "CheckGroup", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "RadioGroup", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Select", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Calendar", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "DateEntry", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		// slider.go:34, :37; form.go:50, :51.
		{Pkg: FyneWidgetPkg, Type: "Slider", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Slider", Name: "OnChangeEnded", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Form", Name: "OnSubmit", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Form", Name: "OnCancel", Where: OnLoop, Loop: ProcessLoop},
		// list.go:51, :55; table.go:53, :54; gridwrap.go:51, :55;
		// tree.go:47-50.
		{Pkg: FyneWidgetPkg, Type: "List", Name: "OnSelected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "List", Name: "OnUnselected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Table", Name: "OnSelected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Table", Name: "OnUnselected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "GridWrap", Name: "OnSelected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "GridWrap", Name: "OnUnselected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Tree", Name: "OnSelected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Tree", Name: "OnUnselected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Tree", Name: "OnBranchOpened", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Tree", Name: "OnBranchClosed", Where: OnLoop, Loop: ProcessLoop},
		// toolbar.go:18; menu.go:21.
		{Pkg: FyneWidgetPkg, Type: "ToolbarAction", Name: "OnActivated", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneWidgetPkg, Type: "Menu", Name: "OnDismiss", Where: OnLoop, Loop: ProcessLoop},
		// container/apptabs.go:25-27; doctabs.go:28-30; navigation.go:19-20.
		{Pkg: FyneContainerPkg, Type: "AppTabs", Name: "OnChanged", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "AppTabs", Name: "OnSelected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "AppTabs", Name: "OnUnselected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "DocTabs", Name: "OnClosed", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "DocTabs", Name: "OnSelected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "DocTabs", Name: "OnUnselected", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "Navigation", Name: "OnBack", Where: OnLoop, Loop: ProcessLoop},
		{Pkg: FyneContainerPkg, Type: "Navigation", Name: "OnForward", Where: OnLoop, Loop: ProcessLoop},
	},
}

// fyneWords speak of the app's main goroutine and advise Fyne's hand-back:
// a goroutine that updates the widgets with fyne.Do.
var fyneWords = Words{
	Loop:          "the app's main goroutine",
	LoopGoroutine: "the app's main goroutine",

	AwaitFuture: Advice{Callback: "wait in a goroutine and update the widgets from there with fyne.Do(fn)"},
	Offload:     Advice{Callback: "make the call in a goroutine and update the widgets from there with fyne.Do(fn)"},
	OffloadCall: Advice{Callback: "make the call in a goroutine and update the widgets from there with fyne.Do(fn)"},
	Sleep:       Advice{Callback: "sleep in a goroutine and update the widgets from there with fyne.Do(fn)"},
	Receive:     Advice{Callback: "receive in a goroutine and update the widgets from there with fyne.Do(fn)"},

	WaitCallback: "call the code directly: a callback already runs on the app's main goroutine",

	HandBack:   "update the widgets with fyne.Do(fn)",
	LoopOnly:   "it races with the app's drawing",
	OffLoopFix: "make the call inside fyne.Do(fn)",

	Fixes: map[Rewrite]Fix{
		RunInPlace: {Message: "Run the code here: a callback runs on the app's main goroutine", Text: "{body}"},
	},
}
