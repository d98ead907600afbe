package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/futurelint/futurelint/internal/config"
	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/roles"
)

// helpPresets prints the presets: the libraries futurelint knows, on by
// default wherever a package uses them, with the version their rows were
// checked against and a one-line example of what they find.
func helpPresets(w io.Writer) int {
	fmt.Fprint(w, `Presets describe event-loop libraries' APIs to futurelint. Each is on
wherever a package uses its library; -disable-presets=name,... (golangci-lint:
disable-presets) leaves presets out.

`)
	for _, lib := range roles.Presets() {
		fmt.Fprintf(w, "%s\t%s, checked against %s\n", lib.Name, lib.Paths[0], lib.Version)
		for _, p := range lib.Paths[1:] {
			fmt.Fprintf(w, "\t%s\n", p)
		}
		fmt.Fprintf(w, "\te.g. %s\n", lib.Example)
	}
	return 0
}

// printNotes says, once per module, when a package imports a path that
// looks like a preset's library but no preset covers it at that path and
// version (another major version, a fork, an old release), naming the
// preset that comes closest and how to attach it. Notes are not findings:
// they change no exit status.
func printNotes(w io.Writer, imports []driver.Import) {
	noted := map[string]bool{}
	for _, imp := range imports {
		ref, uncovered := roles.Uncovered(imp.Module, imp.Version)
		if !uncovered || noted[imp.Module] || attached(imp) {
			continue
		}
		noted[imp.Module] = true
		m := ref.Module
		if m.Path == imp.Module {
			fmt.Fprintf(w, "futurelint: note: %s %s is older than the %s preset covers (from %s): its rows may not hold there\n",
				imp.Module, imp.Version, ref.Library.Name, m.Since)
			continue
		}
		fmt.Fprintf(w, "futurelint: note: %s looks like %s, which no preset covers: its loop code goes unchecked\n", imp.Module, ref.Library.Name)
		fmt.Fprintf(w, "  if it has the API of %s, attach it in %s: {\"attach\": {%q: %q}}\n", m.Path, config.FileName, imp.Module, m.Path)
	}
}

// attached reports whether the config of the importing package attaches a
// preset to the imported path.
func attached(imp driver.Import) bool {
	c, err := config.For(imp.Dir)
	if err != nil || c == nil {
		return false
	}
	for _, a := range c.Attach {
		if imp.Path == a.Path || strings.HasPrefix(imp.Path, a.Path+"/") {
			return true
		}
	}
	return false
}
