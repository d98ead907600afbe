// Package cache is futurelint's on-disk cache of per-package analysis
// results: the facts a package exports and the findings it gets.
//
// Entries are addressed by a key that hashes everything the result depends
// on (the package's files, its dependencies' keys or export data, the
// futurelint binary and its flags), so an entry is never stale: an edit
// changes the key, and the old entry is simply no longer asked for. Trim
// bounds the cache's size: entries not used for a while go first, then the
// least recently used until the cache fits its budget.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Key addresses one entry.
type Key [sha256.Size]byte

// String is the key in hex.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Cache is a directory of entries, one file each, in 256 subdirectories.
type Cache struct {
	dir string
}

// Open opens (creating it if need be) the cache in dir.
func Open(dir string) (*Cache, error) {
	if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("cache directory %q is not an absolute path", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
}

// Dir is the directory the cache lives in.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) file(k Key) string {
	s := k.String()
	return filepath.Join(c.dir, s[:2], s)
}

// touchAfter is how stale an entry's modification time may get before a
// Get refreshes it: Trim orders entries by that time.
const touchAfter = time.Hour

// Get returns the entry for k, or ok false when there is none.
func (c *Cache) Get(k Key) (data []byte, ok bool) {
	name := c.file(k)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > touchAfter {
		now := time.Now()
		os.Chtimes(name, now, now)
	}
	return data, true
}

// Put stores data under k. It writes a temporary file and renames it, so
// a concurrent reader sees the whole entry or none.
func (c *Cache) Put(k Key, data []byte) error {
	name := c.file(k)
	// The subdirectory exists but for the first entries: make it only
	// then, as asking first costs a system call every time.
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			return err
		}
		tmp, err = os.CreateTemp(filepath.Dir(name), "tmp-*")
	}
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// Budget bounds the cache: entries unused for longer than MaxAge are
// removed, then the least recently used until the total size is at most
// MaxBytes.
type Budget struct {
	MaxAge   time.Duration
	MaxBytes int64
}

// DefaultBudget keeps a week of entries, at most 1 GiB.
var DefaultBudget = Budget{MaxAge: 7 * 24 * time.Hour, MaxBytes: 1 << 30}

// trimStamp is the file whose modification time records the last Trim.
const trimStamp = "trim.txt"

// TrimEvery is how often MaybeTrim trims.
const TrimEvery = 24 * time.Hour

// MaybeTrim trims the cache if it has not been trimmed for TrimEvery, so
// that a run pays for walking the cache at most once a day.
func (c *Cache) MaybeTrim(b Budget) error {
	stamp := filepath.Join(c.dir, trimStamp)
	if fi, err := os.Stat(stamp); err == nil && time.Since(fi.ModTime()) < TrimEvery {
		return nil
	}
	if err := c.Trim(b); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666)
}

// Trim removes entries as b says.
func (c *Cache) Trim(b Budget) error {
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var entries []entry
	var total int64
	now := time.Now()
	err := filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || filepath.Dir(filepath.Dir(path)) != c.dir {
			return nil // the stamp and anything else at the top level
		}
		fi, err := d.Info()
		if err != nil {
			return nil // removed meanwhile
		}
		if now.Sub(fi.ModTime()) > b.MaxAge {
			os.Remove(path)
			return nil
		}
		entries = append(entries, entry{path, fi.Size(), fi.ModTime()})
		total += fi.Size()
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b entry) int { return a.used.Compare(b.used) })
	for _, e := range entries {
		if total <= b.MaxBytes {
			break
		}
		if err := os.Remove(e.path); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= e.size
		}
	}
	return nil
}

// Size is the total size of the cache's entries in bytes.
func (c *Cache) Size() (int64, error) {
	var total int64
	err := filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && filepath.Dir(filepath.Dir(path)) == c.dir {
			if fi, err := d.Info(); err == nil {
				total += fi.Size()
			}
		}
		return nil
	})
	return total, err
}
