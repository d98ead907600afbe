package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"

	"github.com/futurelint/futurelint/internal/config"
)

// vetVersion answers -V=full, which go vet asks once per run and makes part
// of the key its results are cached under. Like the x/tools drivers it
// prints a hash of the executable; futurelint adds the .futurelint.json that
// applies to the current directory, so that after the file is edited go vet
// analyses again instead of replaying stale findings. (A config file in a
// subdirectory below the one go vet runs in is not covered: docs/config.md.)
func vetVersion(stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "futurelint:", err)
		return 1
	}
	h := sha256.New()
	files := []string{exe}
	if wd, err := os.Getwd(); err == nil {
		if f := config.Nearest(wd); f != "" {
			files = append(files, f)
		}
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(stderr, "futurelint:", err)
			return 1
		}
		h.Write(data)
	}
	fmt.Fprintf(stdout, "%s version devel comments-go-here buildID=%x\n", exe, h.Sum(nil))
	return 0
}
