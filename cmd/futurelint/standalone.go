package main

import (
	"github.com/futurelint/futurelint/internal/config"

	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/futurelint/futurelint/analyzer"
	"github.com/futurelint/futurelint/internal/cache"
	"github.com/futurelint/futurelint/internal/driver"
)

// standalone runs `futurelint [flags] packages...` and returns the exit
// status.
func standalone(args []string) int {
	c := newCommand(analyzer.Rules)
	if err := c.parse(args, os.Stderr); err != nil {
		if err == flag.ErrHelp {
			printHelp(os.Stdout, c)
			return 0
		}
		return 1
	}
	if c.fs.NArg() == 0 {
		fmt.Fprintf(os.Stderr, "futurelint: no packages to check.\nUsage: futurelint [flags] packages...  (e.g. futurelint ./...)\n%s\n", seeHelp)
		return 1
	}
	if (c.fix || c.diff) && c.sarif {
		fmt.Fprintf(os.Stderr, "futurelint: -sarif and -fix do not go together.\n%s\n", seeHelp)
		return 1
	}
	if c.json && c.sarif {
		fmt.Fprintf(os.Stderr, "futurelint: -json and -sarif do not go together.\n%s\n", seeHelp)
		return 1
	}
	if c.cpuprofile != "" {
		f, err := os.Create(c.cpuprofile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "futurelint: %v\n", err)
			return 1
		}
		pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	var stopPeak func() error
	if c.peakprofile != "" {
		stopPeak = peakProfile(c.peakprofile)
	}
	code := c.run(os.Stdout, os.Stderr)
	if stopPeak != nil {
		if err := stopPeak(); err != nil {
			fmt.Fprintf(os.Stderr, "futurelint: %v\n", err)
			return 1
		}
	}
	if c.memprofile != "" {
		if err := writeMemProfile(c.memprofile); err != nil {
			fmt.Fprintf(os.Stderr, "futurelint: %v\n", err)
			return 1
		}
	}
	return code
}

func (c *command) run(stdout, stderr io.Writer) int {
	// Only the rules to report run: a rule run alone computes only the
	// parts it requires (-offloop no may-block summaries).
	opts := driver.Options{
		Patterns: c.fs.Args(),
		Tests:    c.tests,
		Rules:    c.enabled(),
	}
	if c.cache {
		ch, salt, err := c.openCache()
		if err != nil {
			fmt.Fprintf(stderr, "futurelint: not caching results: %v\n", err)
		} else {
			// A .futurelint.json that applies to a package is part of
			// its key: editing it redoes the packages it covers.
			opts.Cache, opts.Salt, opts.DirKey = ch, salt, config.Fingerprint
			defer ch.MaybeTrim(cache.DefaultBudget)
		}
	}
	res, err := driver.Run(opts)
	if err != nil {
		fmt.Fprintf(stderr, "futurelint: %v\n", err)
		return 1
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, e)
	}
	if s := unanalysedSummary(res); s != "" {
		fmt.Fprintln(stderr, s)
	}
	printNotes(stderr, res.Imports)
	enabled := c.enabled()
	var ds []driver.Diagnostic
	for _, d := range unique(res.Diagnostics) {
		if slices.ContainsFunc(enabled, func(a *analysis.Analyzer) bool { return a.Name == d.Analyzer }) {
			ds = append(ds, d)
		}
	}
	switch {
	case c.fix || c.diff:
		// As with x/tools' checker, the fixes are the output, not the
		// findings.
		if err := applyFixes(stdout, ds, res.Names, c.diff); err != nil {
			fmt.Fprintf(stderr, "futurelint: %v\n", err)
			return 1
		}
	case c.json:
		if err := printJSON(stdout, ds); err != nil {
			fmt.Fprintf(stderr, "futurelint: %v\n", err)
			return 1
		}
	case c.sarif:
		if err := printSARIF(stdout, ds); err != nil {
			fmt.Fprintf(stderr, "futurelint: %v\n", err)
			return 1
		}
	default:
		printText(stderr, ds, c.context)
	}
	switch {
	case len(res.Errors) > 0:
		return 1
	case len(ds) > 0 && !c.json && !c.sarif && !c.fix && !c.diff:
		return 3
	}
	return 0
}

// openCache opens the result cache and returns it with the salt of every
// key: the futurelint binary's hash and the analyzer settings.
func (c *command) openCache() (*cache.Cache, string, error) {
	settings, err := c.settings()
	if err != nil {
		return nil, "", err
	}
	dir := os.Getenv("FUTURELINT_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, "", err
		}
		dir = filepath.Join(base, "futurelint")
	}
	ch, err := cache.Open(dir)
	if err != nil {
		return nil, "", err
	}
	exe, err := executableHash()
	if err != nil {
		return nil, "", err
	}
	salt := fmt.Sprintf("futurelint %s\ngo %s %s/%s\n%s", exe, runtime.Version(), runtime.GOOS, runtime.GOARCH, settings)
	return ch, salt, nil
}

// executableHash identifies the running binary, so that a rebuilt
// futurelint never reuses an older one's results: by the build ID the go
// command wrote into it, whose last part hashes the binary's content, or
// else by hashing the file (12 MB: a tenth of a re-run's time).
func executableHash() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if id := goBuildID(exe); id != "" {
		return "build ID " + id, nil
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// goBuildID returns the build ID the go command wrote into an ELF
// executable, or "" if it has none as the go command writes them: four
// hashes, the last of the file's content (a linker flag may set another,
// such as Bazel's "redacted", which would name every build alike).
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	note, err := sec.Data()
	// An ELF note: name size, description size, type (4, the build ID),
	// the name "Go\x00\x00", the description.
	if err != nil || len(note) < 16 || f.ByteOrder.Uint32(note[8:]) != 4 || string(note[12:16]) != "Go\x00\x00" {
		return ""
	}
	size := int(f.ByteOrder.Uint32(note[4:]))
	if f.ByteOrder.Uint32(note) != 4 || len(note) < 16+size {
		return ""
	}
	id := string(note[16 : 16+size])
	parts := strings.Split(id, "/")
	if len(parts) != 4 {
		return ""
	}
	for _, p := range parts {
		if len(p) != 20 {
			return ""
		}
	}
	return id
}

func writeMemProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// moduleVersion is the module version futurelint was built at.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
