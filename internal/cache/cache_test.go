package cache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func key(i int) Key { return sha256.Sum256([]byte(fmt.Sprint(i))) }

func open(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// age sets the modification time of k's entry to d ago.
func age(t *testing.T, c *Cache, k Key, d time.Duration) {
	t.Helper()
	then := time.Now().Add(-d)
	if err := os.Chtimes(c.file(k), then, then); err != nil {
		t.Fatal(err)
	}
}

func TestPutGet(t *testing.T) {
	c := open(t)
	if _, ok := c.Get(key(1)); ok {
		t.Fatal("Get of an empty cache found an entry")
	}
	if err := c.Put(key(1), []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := c.Put(key(1), []byte("uno")); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(key(1))
	if !ok || string(got) != "uno" {
		t.Errorf("Get = %q, %v; want the last Put, uno", got, ok)
	}
	if _, ok := c.Get(key(2)); ok {
		t.Error("Get of another key found an entry")
	}
	if _, err := Open("relative/dir"); err == nil {
		t.Error("Open accepted a relative directory")
	}
}

// TestTrimBoundsSize fills the cache past its budget and checks Trim
// brings it within, removing the least recently used entries.
func TestTrimBoundsSize(t *testing.T) {
	c := open(t)
	data := bytes.Repeat([]byte("x"), 1000)
	for i := range 20 {
		if err := c.Put(key(i), data); err != nil {
			t.Fatal(err)
		}
		age(t, c, key(i), time.Duration(20-i)*time.Hour) // key(19) is the most recent
	}
	if size, _ := c.Size(); size != 20000 {
		t.Fatalf("size %d, want 20000", size)
	}
	// Using key(0), the oldest, makes it recent.
	if _, ok := c.Get(key(0)); !ok {
		t.Fatal("key(0) missing")
	}
	if err := c.Trim(Budget{MaxAge: 30 * 24 * time.Hour, MaxBytes: 5500}); err != nil {
		t.Fatal(err)
	}
	if size, _ := c.Size(); size > 5500 {
		t.Errorf("after Trim: size %d, want at most the budget, 5500", size)
	}
	for _, i := range []int{0, 16, 17, 18, 19} {
		if _, ok := c.Get(key(i)); !ok {
			t.Errorf("recently used key(%d) was trimmed", i)
		}
	}
	for i := 1; i <= 15; i++ {
		if _, ok := c.Get(key(i)); ok {
			t.Errorf("least recently used key(%d) survived", i)
		}
	}
}

// TestTrimRemovesUnused checks entries unused for longer than MaxAge go,
// whatever the size.
func TestTrimRemovesUnused(t *testing.T) {
	c := open(t)
	for i := range 3 {
		if err := c.Put(key(i), []byte("data")); err != nil {
			t.Fatal(err)
		}
	}
	age(t, c, key(0), 10*24*time.Hour)
	if err := c.Trim(Budget{MaxAge: 7 * 24 * time.Hour, MaxBytes: 1 << 30}); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key(0)); ok {
		t.Error("an entry unused for 10 days survived a 7-day MaxAge")
	}
	for _, i := range []int{1, 2} {
		if _, ok := c.Get(key(i)); !ok {
			t.Errorf("fresh key(%d) was trimmed", i)
		}
	}
}

// TestMaybeTrim checks MaybeTrim trims at most once per TrimEvery.
func TestMaybeTrim(t *testing.T) {
	c := open(t)
	tiny := Budget{MaxAge: time.Hour, MaxBytes: 0}
	if err := c.Put(key(1), []byte("data")); err != nil {
		t.Fatal(err)
	}
	if err := c.MaybeTrim(tiny); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key(1)); ok {
		t.Fatal("the first MaybeTrim did not trim")
	}
	if err := c.Put(key(2), []byte("data")); err != nil {
		t.Fatal(err)
	}
	if err := c.MaybeTrim(tiny); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key(2)); !ok {
		t.Fatal("MaybeTrim trimmed again right after a trim")
	}
	then := time.Now().Add(-TrimEvery - time.Minute)
	if err := os.Chtimes(filepath.Join(c.Dir(), trimStamp), then, then); err != nil {
		t.Fatal(err)
	}
	if err := c.MaybeTrim(tiny); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(key(2)); ok {
		t.Error("MaybeTrim did not trim once TrimEvery had passed")
	}
}
