package futures

import (
	"context"
	"iter"
	"testing"
)

// Benchmarks of the hot paths, with two baselines for the coroutine switch:
// a channel ping-pong between goroutines (what a channel-based coroutine
// would cost) and an iter.Pull round trip (what this package builds on).

func BenchmarkSpawnAwait(b *testing.B) {
	trivial := func(*Ctx) (int, error) { return 1, nil }
	Run(context.Background(), func(c *Ctx) (int, error) {
		b.ResetTimer()
		for range b.N {
			if _, err := Await(c, Spawn(c.Loop(), trivial)); err != nil {
				b.Fatal(err)
			}
		}
		return 0, nil
	})
}

func BenchmarkAwaitSettled(b *testing.B) {
	Run(context.Background(), func(c *Ctx) (int, error) {
		t := Spawn(c.Loop(), func(*Ctx) (int, error) { return 1, nil })
		Await(c, t)
		b.ResetTimer()
		for range b.N {
			if _, err := Await(c, t); err != nil {
				b.Fatal(err)
			}
		}
		return 0, nil
	})
}

// BenchmarkSuspendResume measures one suspend/resume of a coroutine: Sleep(c,
// 0) yields to the loop, which resumes the coroutine in its next round.
func BenchmarkSuspendResume(b *testing.B) {
	Run(context.Background(), func(c *Ctx) (int, error) {
		b.ResetTimer()
		for range b.N {
			if err := Sleep(c, 0); err != nil {
				b.Fatal(err)
			}
		}
		return 0, nil
	})
}

func BenchmarkCallSoonThreadsafe(b *testing.B) {
	l := NewLoop()
	stopped := make(chan struct{})
	go func() { l.Run(context.Background()); close(stopped) }()
	done := make(chan struct{})
	n := 0 // loop-owned
	count := func() {
		n++
		if n == b.N {
			close(done)
		}
	}
	b.ResetTimer()
	for range b.N {
		if err := l.CallSoonThreadsafe(count); err != nil {
			b.Fatal(err)
		}
	}
	<-done
	b.StopTimer()
	l.Stop()
	<-stopped
}

func BenchmarkSubmitResult(b *testing.B) {
	e := NewExecutor(0)
	defer e.Shutdown(context.Background())
	job := func() (int, error) { return 1, nil }
	b.ResetTimer()
	for range b.N {
		if _, err := Submit(e, job).Result(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineChanPingPong is one round trip between two goroutines over
// unbuffered channels: the cost of a channel-based coroutine switch.
func BenchmarkBaselineChanPingPong(b *testing.B) {
	ping, pong := make(chan struct{}), make(chan struct{})
	go func() {
		for range ping {
			pong <- struct{}{}
		}
	}()
	b.ResetTimer()
	for range b.N {
		ping <- struct{}{}
		<-pong
	}
	b.StopTimer()
	close(ping)
}

// BenchmarkBaselineIterPull is one next/yield round trip of iter.Pull.
func BenchmarkBaselineIterPull(b *testing.B) {
	next, stop := iter.Pull(func(yield func(struct{}) bool) {
		for yield(struct{}{}) {
		}
	})
	defer stop()
	b.ResetTimer()
	for range b.N {
		next()
	}
}
