package gen

import "fmt"

// blockpathFile is blockpath package j. The first package of each chain of
// chainDepth blocks itself; the others block by calling the previous one.
func blockpathFile(j int) string {
	known := importable(service{i: -1})
	base := j%chainDepth == 0
	if !base {
		known["prev"] = fmt.Sprintf("%s/blockpath/p%d", ModulePath, j-1)
	}
	var body string
	if base {
		body = blockpathBase
	} else {
		body = blockpathForward
	}
	body += blockpathCommon
	doc := fmt.Sprintf("// Package p%d holds functions that block the calling goroutine.\n", j)
	return goFile(doc, fmt.Sprintf("p%d", j), expand(body, "$J", fmt.Sprint(j), "$K", fmt.Sprint(j%7+3)), known)
}

const blockpathBase = `// Wait returns the value of f once it settles, blocking until then.
func Wait(f *futures.Future[int]) int {
	v, err := f.Result()
	if err != nil {
		return -1
	}
	return v + $J
}

// Drain sums what arrives on ch until it is closed.
func Drain(ch <-chan int) int {
	total := 0
	for v := range ch {
		total += v
	}
	return total
}

// Join waits for every job counted in wg.
func Join(wg *sync.WaitGroup) {
	wg.Wait()
}
`

const blockpathForward = `// Wait returns the value of f once it settles, blocking until then.
func Wait(f *futures.Future[int]) int {
	return prev.Wait(f) + $J
}

// Drain sums what arrives on ch until it is closed.
func Drain(ch <-chan int) int {
	return prev.Drain(ch) * $K
}

// Join waits for every job counted in wg.
func Join(wg *sync.WaitGroup) {
	prev.Join(wg)
}
`

const blockpathCommon = `
// Settle maps a settled value to a score. It never blocks.
func Settle(v int) int {
	if v < 0 {
		return 0
	}
	return (v*$K + $J) % 1021
}

// Checksum is an Adler-style checksum of data.
func Checksum(data []byte) uint32 {
	a, b := uint32(1), uint32(0)
	for _, c := range data {
		a = (a + uint32(c)) % 65521
		b = (b + a) % 65521
	}
	return b<<16 | a
}

// Window returns the sums of every run of k consecutive values.
func Window(xs []int, k int) []int {
	if k <= 0 || k > len(xs) {
		return nil
	}
	out := make([]int, 0, len(xs)-k+1)
	sum := 0
	for i, x := range xs {
		sum += x
		if i >= k {
			sum -= xs[i-k]
		}
		if i >= k-1 {
			out = append(out, sum)
		}
	}
	return out
}
`

// schedFile is sched package j: wrappers that hand a function on to the
// loop. Even packages call the futures API; odd ones call the previous
// package, so the wrapper role has to cross a package boundary.
func schedFile(j int) string {
	known := importable(service{i: -1})
	base := j%2 == 0
	if !base {
		known["prev"] = fmt.Sprintf("%s/sched/w%d", ModulePath, j-1)
	}
	body := schedForward
	if base {
		body = schedBase
	}
	body += schedCommon
	doc := fmt.Sprintf("// Package w%d schedules work on a loop.\n", j)
	return goFile(doc, fmt.Sprintf("w%d", j), expand(body, "$J", fmt.Sprint(j)), known)
}

const schedBase = `// After runs fn on l soon.
func After(l *futures.Loop, fn func()) {
	l.CallSoon(fn)
}

// Later runs fn on l once d has passed.
func Later(l *futures.Loop, d time.Duration, fn func()) *futures.Timer {
	return l.CallLater(d, fn)
}

// Start runs co as a task on l.
func Start[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) *futures.Task[T] {
	return futures.Spawn(l, co)
}
`

const schedForward = `// After runs fn on l soon.
func After(l *futures.Loop, fn func()) {
	prev.After(l, fn)
}

// Later runs fn on l once d has passed.
func Later(l *futures.Loop, d time.Duration, fn func()) *futures.Timer {
	return prev.Later(l, d, fn)
}

// Start runs co as a task on l.
func Start[T any](l *futures.Loop, co func(*futures.Ctx) (T, error)) *futures.Task[T] {
	return prev.Start(l, co)
}
`

const schedCommon = `
// Backoff is the delay before retry n: doubling from a base, capped.
func Backoff(n int) time.Duration {
	d := time.Duration($J+1) * time.Millisecond
	for range n {
		d *= 2
		if d > time.Second {
			return time.Second
		}
	}
	return d
}
`
