package roles

// TeaPkg is the import path of Bubble Tea v1, and TeaV2Pkg that of v2.
const (
	TeaPkg   = "github.com/charmbracelet/bubbletea"
	TeaV2Pkg = "charm.land/bubbletea/v2"
)

func init() { Register(&teaLibrary) }

// teaLibrary is github.com/charmbracelet/bubbletea at v1.3.10. A Program
// runs its model on one event loop, the goroutine that called Run: Init
// (tea.go:685), Update (:494) and View (:502, :700) of the tea.Model
// (tea.go:44-56) run there, one message at a time. A type implementing
// tea.Model exists to be run by a Program: its Init, Update and View are
// loop code (a Handler row), and only those: its other methods may be
// returned as commands (return m, m.save), which run elsewhere. A program
// has one Program: its loop is process-wide (ProcessLoop).
//
// Blocking work belongs in a tea.Cmd ("Use it for things like HTTP
// requests, timers, saving and loading from disk", tea.go:58-65), which
// the program runs on a goroutine of its own (tea.go:354-365).
//
// The Program's methods that hand the loop a message wait for the loop to
// read it from the unbuffered msgs channel (tea.go:244), which only the
// event loop reads (:391): Send (:774-779), Quit (:788, Send(Quit()); "If
// you wish to quit from within a Bubble Tea program use the Quit
// command"), Println and Printf (:923-941, a bare send); and Wait (:800)
// waits for the loop to finish. From the loop's own code none returns.
var teaLibrary = Library{
	Name:    "bubbletea",
	Paths:   []string{TeaPkg},
	Version: "v1.3.10",
	Preset:  true,
	// v2 (charm.land/bubbletea/v2, tea.go at v2.2.0) keeps the roles: the
	// Model's Init, Update and View (:53-65; View returns a tea.View) run
	// on the event loop (:946, :962, :1251), whose unbuffered msgs channel
	// (:652, read only at :819) Send (:1325), Quit (:1339), Println
	// (:1587) and Printf (:1602) write to; Wait (:1363) waits for it to
	// end. Keys are tea.KeyPressMsg there: messages, not roles.
	Modules: []Module{
		{Path: TeaPkg, Checked: "v1.3.10"},
		{Path: TeaV2Pkg, Of: TeaPkg, Kind: "major version", Checked: "v2.2.0", Since: "v2.0.0"},
	},
	Example: "p.Send(msg) in a model's Update deadlocks the program's event loop: return a tea.Cmd that produces msg",
	Words:   teaWords,
	Types: []Type{
		{Pkg: TeaPkg, Name: "Model", Role: Handler, Methods: []string{"Init", "Update", "View"}, Loop: ProcessLoop},
	},
	Funcs: []Func{
		{Pkg: TeaPkg, Recv: "Program", Name: "Send", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}},
		{Pkg: TeaPkg, Recv: "Program", Name: "Quit", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}},
		{Pkg: TeaPkg, Recv: "Program", Name: "Println", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}},
		{Pkg: TeaPkg, Recv: "Program", Name: "Printf", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}},
		{Pkg: TeaPkg, Recv: "Program", Name: "Wait", Blocker: Blocker{Block: BlockLoopServe}, Submitter: Submitter{SubmitLoop: ProcessLoop, Awaited: true}},
	},
}

// teaWords speak of the program's event loop and advise what Bubble Tea
// does: return a tea.Cmd, which runs on a goroutine of its own, and handle
// its result as a message in Update.
var teaWords = Words{
	Loop:          "the program's event loop",
	LoopGoroutine: "the program's event loop",

	AwaitFuture: Advice{Callback: "return a tea.Cmd that waits for it, and handle its message in Update"},
	Offload:     Advice{Callback: "return a tea.Cmd that makes the call, and handle its message in Update"},
	OffloadCall: Advice{Callback: "return a tea.Cmd that makes the call, and handle its message in Update"},
	Sleep:       Advice{Callback: "return tea.Tick(d, fn) and handle its message in Update"},
	Receive:     Advice{Callback: "return a tea.Cmd that receives, and handle its message in Update"},

	SubmitCallback: "return a tea.Cmd instead",
	WaitCallback:   "return a tea.Cmd instead",

	HandBack: "send the result to the program with p.Send(msg) from the goroutine, or return it from a tea.Cmd",
}
