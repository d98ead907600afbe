package futures

import (
	"bytes"
	"context"
	"errors"
	"log"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPromiseSettlesOnce(t *testing.T) {
	p := NewPromise[int]()
	f := p.Future()
	select {
	case <-f.Done():
		t.Fatal("new future is settled")
	default:
	}
	if !p.Resolve(1) {
		t.Fatal("first Resolve returned false")
	}
	if p.Resolve(2) || p.Reject(errors.New("x")) || f.Cancel() {
		t.Fatal("a second settle attempt reported success")
	}
	<-f.Done()
	if v, err := f.Result(); v != 1 || err != nil {
		t.Fatalf("Result = %v, %v; want 1, nil", v, err)
	}
}

func TestPromiseReject(t *testing.T) {
	p := NewPromise[string]()
	boom := errors.New("boom")
	p.Reject(boom)
	if v, err := p.Future().Result(); v != "" || err != boom {
		t.Fatalf("Result = %q, %v; want \"\", boom", v, err)
	}
	mustPanic(t, "Reject with a nil error", func() { NewPromise[int]().Reject(nil) })
}

func TestFutureCancel(t *testing.T) {
	p := NewPromise[int]()
	if !p.Future().Cancel() {
		t.Fatal("Cancel of a pending future returned false")
	}
	if p.Resolve(3) {
		t.Fatal("Resolve after Cancel returned true")
	}
	if _, err := p.Future().Result(); err != ErrCancelled {
		t.Fatalf("err = %v; want ErrCancelled", err)
	}
}

func TestOnDoneOrderAndSettledCall(t *testing.T) {
	p := NewPromise[int]()
	var got []string
	p.Future().OnDone(func(v int, err error) { got = append(got, "a") })
	p.Future().OnDone(func(v int, err error) { got = append(got, "b") })
	if len(got) != 0 {
		t.Fatal("OnDone ran before settlement")
	}
	p.Resolve(7)
	p.Future().OnDone(func(v int, err error) {
		if v != 7 {
			t.Errorf("v = %d", v)
		}
		got = append(got, "c")
	})
	if strings.Join(got, "") != "abc" {
		t.Fatalf("callbacks ran as %q; want abc", got)
	}
}

func TestOnDonePanicIsLoggedAndOthersRun(t *testing.T) {
	var buf bytes.Buffer
	orig := log.Writer()
	log.SetOutput(&buf)
	defer log.SetOutput(orig)
	p := NewPromise[int]()
	ran := false
	p.Future().OnDone(func(int, error) { panic("in callback") })
	p.Future().OnDone(func(int, error) { ran = true })
	p.Resolve(1)
	if !ran {
		t.Fatal("callback after the panicking one did not run")
	}
	if !strings.Contains(buf.String(), "in callback") {
		t.Fatalf("panic not logged; log = %q", buf.String())
	}
}

func TestResultContextGivesUp(t *testing.T) {
	p := NewPromise[int]()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := p.Future().ResultContext(ctx); err != context.DeadlineExceeded {
		t.Fatalf("err = %v; want DeadlineExceeded", err)
	}
	p.Resolve(5)
	if v, err := p.Future().ResultContext(ctx); v != 5 || err != nil {
		t.Fatalf("settled future with done ctx: %v, %v; want 5, nil", v, err)
	}
}

func TestFutureConcurrentSettle(t *testing.T) {
	for range 100 {
		p := NewPromise[int]()
		var wins sync.WaitGroup
		var mu sync.Mutex
		won, called := 0, 0
		p.Future().OnDone(func(int, error) { mu.Lock(); called++; mu.Unlock() })
		for i := range 8 {
			wins.Add(1)
			go func() {
				defer wins.Done()
				var ok bool
				switch i % 3 {
				case 0:
					ok = p.Resolve(i)
				case 1:
					ok = p.Reject(errors.New("x"))
				default:
					ok = p.Future().Cancel()
				}
				if ok {
					mu.Lock()
					won++
					mu.Unlock()
				}
			}()
		}
		wins.Wait()
		if won != 1 || called != 1 {
			t.Fatalf("%d settles succeeded, OnDone ran %d times; want 1 and 1", won, called)
		}
	}
}

func TestPanicError(t *testing.T) {
	inner := errors.New("inner")
	pe := &PanicError{Value: inner}
	if !errors.Is(pe, inner) {
		t.Fatal("PanicError does not unwrap to its error value")
	}
	if !strings.Contains(pe.Error(), "inner") {
		t.Fatalf("Error() = %q", pe.Error())
	}
	if (&PanicError{Value: 3}).Unwrap() != nil {
		t.Fatal("non-error value unwraps to non-nil")
	}
}

func TestZeroValuesMisuse(t *testing.T) {
	mustPanic(t, "zero Future", func() { new(Future[int]).Result() })
	mustPanic(t, "zero Task", func() { new(Task[int]).Done() })
	mustPanic(t, "nil callback", func() { NewPromise[int]().Future().OnDone(nil) })
}
