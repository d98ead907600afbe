// Command gencorpus writes the synthetic futures-heavy corpus the benchmark
// measures scaling on.
//
// Usage:
//
//	gencorpus -services 64 -o DIR
//
// DIR becomes a module importing futures from the futurelint repository
// (found as the parent of the bench module, or given with -repo).
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/futurelint/futurelint/bench/gen"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gencorpus: ")
	services := flag.Int("services", 64, "number of service packages (a multiple of 4)")
	out := flag.String("o", "", "output directory (must not exist or be empty)")
	repo := flag.String("repo", "..", "futurelint repository root")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	root, err := filepath.Abs(*repo)
	if err != nil {
		log.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		log.Fatalf("reading the repository's go.sum: %v", err)
	}
	m, err := gen.Write(*out, gen.Config{Services: *services, RepoRoot: root, GoSum: sum})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m)
}
