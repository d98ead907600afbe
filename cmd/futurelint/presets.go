package main

import (
	"fmt"
	"io"

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
