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
disable-presets) leaves presets out. Each lists the module paths it holds for
and the versions checked; rows that differ by version say from when, and the
version a package builds against picks them. A path no preset names (a private
fork, a vendored copy) gets a preset's rows in .futurelint.json:
{"attach": {"example.com/fork/tview": "github.com/rivo/tview"}} (path@version
picks that version's rows); a package importing a path that looks like a
preset's library but is not covered gets a note.

`)
	for _, lib := range roles.Presets() {
		fmt.Fprintf(w, "%s\t%s, checked against %s\n", lib.Name, lib.Paths[0], lib.Version)
		for _, p := range lib.Paths[1:] {
			fmt.Fprintf(w, "\t%s\n", p)
		}
		printModules(w, lib)
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
	for _, n := range notes(imports) {
		fmt.Fprint(w, n)
	}
}

// notes are the notes printNotes prints, one per module, each of one or
// more whole lines.
func notes(imports []driver.Import) []string {
	var out []string
	noted := map[string]bool{}
	for _, imp := range imports {
		ref, uncovered := roles.Uncovered(imp.Module, imp.Version)
		if !uncovered || noted[imp.Module] || attached(imp) {
			continue
		}
		noted[imp.Module] = true
		m := ref.Module
		if m.Path == imp.Module {
			out = append(out, fmt.Sprintf("futurelint: note: %s %s is older than the %s preset covers (from %s): its rows may not hold there\n",
				imp.Module, imp.Version, ref.Library.Name, m.Since))
			continue
		}
		out = append(out, fmt.Sprintf("futurelint: note: %s looks like %s, which no preset covers: its loop code goes unchecked\n", imp.Module, ref.Library.Name)+
			fmt.Sprintf("  if it has the API of %s, attach it in %s: {\"attach\": {%q: %q}}\n", m.Path, config.FileName, imp.Module, m.Path))
	}
	return out
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

// printModules lists the module paths lib's rows hold for, with the
// versions checked and the rows that differ by version.
func printModules(w io.Writer, lib *roles.Library) {
	for _, ref := range roles.Modules() {
		if ref.Library != lib {
			continue
		}
		m := ref.Module
		fmt.Fprintf(w, "\tmodule %s", m.Path)
		if m.Kind != "" {
			fmt.Fprintf(w, " (%s of %s)", m.Kind, m.Of)
		}
		switch {
		case m.Checked != "" && m.Since != "":
			fmt.Fprintf(w, ": checked at %s, holds from %s", m.Checked, m.Since)
		case m.Checked != "":
			fmt.Fprintf(w, ": checked at %s", m.Checked)
		default:
			fmt.Fprint(w, ": no longer served; checked through the module it became")
		}
		if len(m.Lacks) > 0 {
			fmt.Fprintf(w, "; lacks %s", strings.Join(m.Lacks, ", "))
		}
		fmt.Fprintln(w)
		for _, o := range lib.Older {
			if o.Module != m.Path {
				continue
			}
			var names []string
			for _, f := range o.Funcs {
				names = append(names, roles.RowName(f))
			}
			fmt.Fprintf(w, "\t  before %s, these do not %s: %s\n", o.Before, o.Change, strings.Join(names, ", "))
		}
	}
}
