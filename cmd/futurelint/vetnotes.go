package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/engine"
)

// vetUnit is what the notes need of the unit configuration (vet.cfg) go
// vet hands the tool for one package.
type vetUnit struct {
	Dir      string // the package's directory
	VetxOnly bool   // go vet wants only its facts, for the packages importing it
}

// withVetNotes makes the engine analyzer among as print, under go vet, the
// notes the standalone command prints about imported paths no preset
// covers (printNotes), once per go vet run. go vet runs the tool once per
// package, so the unit of each package it reports on works out the notes
// of its own imports, from the ModuleVersionFact of each, and the first
// unit to print a note leaves a marker for the others (printOnce). Notes
// go to stderr, are not findings and change no exit status.
func withVetNotes(as []*analysis.Analyzer, cfgFile string, stderr io.Writer) []*analysis.Analyzer {
	data, err := os.ReadFile(cfgFile)
	var unit vetUnit
	if err != nil || json.Unmarshal(data, &unit) != nil || unit.VetxOnly {
		return as // unitchecker reports a bad file; a facts-only unit notes nothing
	}
	for _, a := range driver.Closure(as) {
		if a != engine.Analyzer {
			continue
		}
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			res, err := run(pass)
			for _, n := range notes(vetImports(pass, unit.Dir)) {
				printOnce(stderr, cfgFile, n)
			}
			return res, err
		}
	}
	return as
}

// vetImports are the packages pass's package imports that carry a
// ModuleVersionFact, as the standalone driver lists imports of other
// modules, sorted by path.
func vetImports(pass *analysis.Pass, dir string) []driver.Import {
	var out []driver.Import
	for _, p := range pass.Pkg.Imports() {
		var f engine.ModuleVersionFact
		if pass.ImportPackageFact(p, &f) {
			out = append(out, driver.Import{Path: p.Path(), Module: f.Module, Version: f.Version, Dir: dir})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// actionDir matches the name of the directory the go command gives each
// action in its work directory ($WORK/b001).
var actionDir = regexp.MustCompile(`^b[0-9]+$`)

// printOnce writes note unless another unit of the same go vet run has:
// the first to create a marker file named after the note in the go
// command's work directory (cfgFile is $WORK/b001/vet.cfg; the go command
// removes $WORK when it is done) writes it. Given a configuration file
// elsewhere, it writes every note.
func printOnce(w io.Writer, cfgFile, note string) {
	if dir := filepath.Dir(cfgFile); filepath.Base(cfgFile) == "vet.cfg" && actionDir.MatchString(filepath.Base(dir)) {
		sum := sha256.Sum256([]byte(note))
		marker := filepath.Join(filepath.Dir(dir), "futurelint-note-"+hex.EncodeToString(sum[:8]))
		f, err := os.OpenFile(marker, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			return
		}
		if err == nil {
			f.Close()
		}
	}
	fmt.Fprint(w, note)
}
