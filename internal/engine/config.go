package engine

import (
	"github.com/futurelint/futurelint/internal/config"

	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/futurelint/futurelint/internal/roles"
)

// The effective roles table of this process: the libraries futurelint
// ships, less the presets the user turned off, plus the user's own rows.
// Every rule, in every driver, sees it through the engine's Result.Roles:
//
//   - the futurelint command and go vet -vettool: the -disable-presets flag
//     (RegisterFlags), which go vet passes on to each run of the tool;
//   - the golangci-lint plugin: its settings, through Configure;
//   - the user's configuration file: its parser hands its rows to Configure
//     as roles.Config.Extra;
//   - rows declared by //futurelint: directives in a library's own source
//     arrive as facts while a package is analysed: the engine adds them to
//     the table of that package's Result with (*roles.Table).With.
//
// A driver configures before any package is analysed; the first analysis
// fixes the table for the rest of the process.
var effective struct {
	sync.Mutex
	cfg   roles.Config
	table *roles.Table
	fixed bool
}

// Configure sets the configuration of the effective table. It is an error
// to name an unknown preset, or to change the configuration once analysis
// has started.
func Configure(cfg roles.Config) error {
	t, err := roles.Effective(cfg)
	if err != nil {
		return err
	}
	effective.Lock()
	defer effective.Unlock()
	if effective.fixed && !same(effective.cfg, cfg) {
		return errors.New("futurelint: the roles table is configured after analysis started")
	}
	effective.cfg, effective.table = cfg, t
	return nil
}

// same reports whether a and b configure the same table.
func same(a, b roles.Config) bool {
	return slices.Equal(a.Disable, b.Disable) && len(a.Extra) == 0 && len(b.Extra) == 0
}

// Configured returns the current configuration of the effective table.
func Configured() roles.Config {
	effective.Lock()
	defer effective.Unlock()
	return effective.cfg
}

// Table returns the effective table: as configured, else the libraries
// futurelint ships. From its first call on, Configure fails.
func Table() *roles.Table {
	effective.Lock()
	defer effective.Unlock()
	effective.fixed = true
	if effective.table == nil {
		effective.table = roles.Default()
	}
	return effective.table
}

// RegisterFlags adds the flags that configure the effective table to fs:
//
//	-disable-presets name,...   leave out the named presets
//
// The command registers them on flag.CommandLine, so that go vet
// -vettool passes them on, too.
func RegisterFlags(fs *flag.FlagSet) {
	fs.Var(presetsFlag{}, "disable-presets", "comma-separated presets to leave out (futurelint help presets lists them)")
	fs.Var(new(config.Flag), "config", "describe loop APIs with this JSON `file` instead of the nearest "+config.FileName+" (see docs/config.md)")
}

// presetsFlag is -disable-presets.
type presetsFlag struct{}

func (presetsFlag) String() string { return strings.Join(Configured().Disable, ",") }

func (presetsFlag) Set(s string) error {
	cfg := Configured()
	cfg.Disable = nil
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			cfg.Disable = append(cfg.Disable, name)
		}
	}
	if err := Configure(cfg); err != nil {
		return fmt.Errorf("-disable-presets: %w", err)
	}
	return nil
}
