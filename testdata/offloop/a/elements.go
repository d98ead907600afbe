package a

import (
	"sync"

	"github.com/futurelint/futurelint/futures"
)

// A board whose coroutine starts goroutines that fill its maps; loop code
// reads them only through helpers.
type board struct {
	status map[string]int // read by show, through summary
	rows   []string       // read by show, through first
	counts map[string]int // written only by loop code
	mu     sync.Mutex
	locked map[string]int // written under mu
}

func (b *board) refresh(c *futures.Ctx, keys []string) {
	for i, k := range keys {
		b.counts[k]++
		go func() {
			b.status[k] = len(k) // want `writes to loop-owned map b\.status`
		}()
		go func() {
			b.rows[i] = k // want `writes loop-owned b\.rows\[\.\.\.\]`
		}()
		go func() {
			b.mu.Lock()
			b.locked[k] = len(k)
			b.mu.Unlock()
		}()
		go func() {
			own := map[string]int{}
			own[k] = len(k)
		}()
	}
}

func (b *board) show(c *futures.Ctx) string { return b.summary() + first(b) }

func (b *board) summary() string {
	s := ""
	for k := range b.status {
		s += k
	}
	return s
}

func first(b *board) string { return b.rows[0] }
