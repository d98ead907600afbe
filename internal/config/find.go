package config

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// explicit is the config named by -config or given as the golangci-lint
// plugin's settings; when set, no file is looked for.
var (
	explicitMu sync.Mutex
	explicit   *Config
)

// SetExplicit makes c the config of every package (nil: look for files
// again).
func SetExplicit(c *Config) {
	explicitMu.Lock()
	defer explicitMu.Unlock()
	explicit = c
}

func explicitConfig() *Config {
	explicitMu.Lock()
	defer explicitMu.Unlock()
	return explicit
}

// Flag is the -config command-line flag: it loads the file when the flag
// is parsed, so a bad file stops the command before any package is loaded.
type Flag struct{ file string }

func (f *Flag) String() string { return f.file }

func (f *Flag) Set(file string) error {
	c, err := Load(file)
	if err != nil {
		return err
	}
	f.file = file
	SetExplicit(c)
	return nil
}

type found struct {
	c   *Config
	err error
}

var (
	dirs  sync.Map // directory -> found
	files sync.Map // file -> found
)

// For returns the config for a package whose files are in dir: the explicit
// one if set, else the nearest .futurelint.json in dir or a directory above
// it, up to and including the module root (the first directory holding a
// go.mod) or the file system root. Nil when there is none. Files are read
// once per process.
func For(dir string) (*Config, error) {
	if c := explicitConfig(); c != nil {
		return c, nil
	}
	if dir == "" {
		return nil, nil
	}
	if v, ok := dirs.Load(dir); ok {
		f := v.(found)
		return f.c, f.err
	}
	var f found
	file := filepath.Join(dir, FileName)
	switch _, err := os.Stat(file); {
	case err == nil:
		f = load(file)
	case !errors.Is(err, fs.ErrNotExist):
		f.err = err
	default:
		parent := filepath.Dir(dir)
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil && parent != dir {
			f.c, f.err = For(parent)
		}
	}
	dirs.Store(dir, f)
	return f.c, f.err
}

// Nearest returns the name of the file For would read for a package in
// dir, or "" when there is none (or an explicit config is set).
func Nearest(dir string) string {
	if explicitConfig() != nil {
		return ""
	}
	for {
		file := filepath.Join(dir, FileName)
		if _, err := os.Stat(file); err == nil {
			return file
		}
		parent := filepath.Dir(dir)
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil || parent == dir {
			return ""
		}
		dir = parent
	}
}

func load(file string) found {
	if v, ok := files.Load(file); ok {
		return v.(found)
	}
	var f found
	f.c, f.err = Load(file)
	files.Store(file, f)
	return f
}

// Fingerprint identifies the config For(dir) reads, for a result cache
// keyed by everything an analysis depends on: the explicit config's
// content, or the nearest file's name and content, or "none".
func Fingerprint(dir string) (string, error) {
	if c := explicitConfig(); c != nil {
		data, err := json.Marshal(c)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("explicit %x", sha256.Sum256(data)), nil
	}
	file := Nearest(dir)
	if file == "" {
		return "none", nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("file %q %x", file, sha256.Sum256(data)), nil
}
