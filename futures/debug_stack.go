package futures

import (
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
)

// Debug mode needs to know which goroutine is running and what another
// goroutine is doing. Go offers neither directly; both are read from the
// text of runtime.Stack, which is slow (microseconds: the runtime prints the
// stack), and so is done only in debug mode, and avoided where the frames
// that runtime.Callers finds are enough (see runsLoopCode).

// goroutineID returns the id of the calling goroutine, from the header
// "goroutine 18 [running]:" that runtime.Stack prints first.
func goroutineID() int64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	s := strings.TrimPrefix(string(buf[:n]), "goroutine ")
	if i := strings.IndexByte(s, ' '); i > 0 {
		if id, err := strconv.ParseInt(s[:i], 10, 64); err == nil {
			return id
		}
	}
	return 0
}

// currentStack returns the stack of the calling goroutine.
func currentStack() string {
	return stackText(false)
}

func stackText(all bool) string {
	buf := make([]byte, 16<<10)
	for {
		n := runtime.Stack(buf, all)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// goroutineStack returns the stack of goroutine id as runtime.Stack prints
// it (header line included), or "" if there is no such goroutine.
func goroutineStack(id int64) string {
	all := stackText(true)
	header := "goroutine " + strconv.FormatInt(id, 10) + " ["
	for block := range strings.SplitSeq(all, "\n\n") {
		if strings.HasPrefix(block, header) {
			return strings.TrimRight(block, "\n")
		}
	}
	return ""
}

// frame is one function of a printed stack.
type frame struct {
	fn  string // as printed, without the argument list
	pos string // file:line
}

// parseStack splits a printed stack into its wait reason ("running", "chan
// receive", ...) and its frames, innermost first.
func parseStack(stack string) (reason string, frames []frame) {
	lines := strings.Split(stack, "\n")
	if len(lines) == 0 {
		return "", nil
	}
	if i, j := strings.IndexByte(lines[0], '['), strings.IndexByte(lines[0], ']'); i >= 0 && j > i {
		reason = lines[0][i+1 : j]
		if k := strings.IndexByte(reason, ','); k >= 0 { // "chan receive, 2 minutes"
			reason = reason[:k]
		}
	}
	for i := 1; i+1 < len(lines); i += 2 {
		fnLine, posLine := lines[i], lines[i+1]
		if strings.HasPrefix(fnLine, "created by ") || !strings.HasPrefix(posLine, "\t") {
			break
		}
		fn := fnLine
		if k := strings.LastIndexByte(fn, '('); k > 0 {
			fn = fn[:k]
		}
		pos := strings.TrimPrefix(posLine, "\t")
		if k := strings.LastIndex(pos, " +0x"); k >= 0 {
			pos = pos[:k]
		}
		frames = append(frames, frame{fn: fn, pos: pos})
	}
	return reason, frames
}

// funcPackage returns the import path of a function name as printed in a
// stack: "github.com/x/futures.(*Future[...]).Result" gives
// "github.com/x/futures".
func funcPackage(fn string) string {
	slash := strings.LastIndexByte(fn, '/')
	if dot := strings.IndexByte(fn[slash+1:], '.'); dot >= 0 {
		return fn[:slash+1+dot]
	}
	return fn
}

// thisPackage is the import path of this package.
var thisPackage = reflect.TypeFor[Loop]().PkgPath()

// isUserFunc reports whether fn belongs to the program rather than to the
// standard library or this package. Standard packages are told apart by an
// import path whose first element has no dot (as the go command does).
func isUserFunc(fn string) bool {
	pkg := funcPackage(fn)
	if pkg == thisPackage {
		return false
	}
	if pkg == "main" {
		return true
	}
	first, _, _ := strings.Cut(pkg, "/")
	return strings.Contains(first, ".")
}

// runningLoops counts the loops between the start of Run and the end of
// their shutdown. While it is 1, code running loop code (found by the loop's
// frames on its stack) runs the code of that one loop, which saves reading
// the goroutine id.
var runningLoops atomic.Int32

// loopEntries are the entry points of the functions at the bottom of loop
// code: the loop goroutine's serving loop and a coroutine's body. Only the
// goroutine of a running loop, or of its running coroutine, executes with
// one of them on its stack (a suspended coroutine or a loop goroutine waiting
// for its coroutine is parked).
var loopEntries = [2]uintptr{funcEntry((*Loop).serve, "(*Loop).serve"), funcEntry((*Ctx).run, "(*Ctx).run")}

// funcEntry returns the entry of fn, or 0 if fn does not resolve to the
// function named name (a wrapper, say): runsLoopCode then never succeeds and
// the goroutine id decides.
func funcEntry(fn any, name string) uintptr {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil || f.Name() != thisPackage+"."+name {
		return 0
	}
	return f.Entry()
}

// runsLoopCode reports whether the calling goroutine has one of loopEntries
// on its stack. False means "cannot tell": the stack may be deeper than it
// looks at.
func runsLoopCode() bool {
	var pcs [64]uintptr
	n := runtime.Callers(3, pcs[:])
	if n == len(pcs) {
		return false
	}
	for _, pc := range pcs[:n] {
		if f := runtime.FuncForPC(pc - 1); f != nil {
			if e := f.Entry(); e != 0 && (e == loopEntries[0] || e == loopEntries[1]) {
				return true
			}
		}
	}
	return false
}
