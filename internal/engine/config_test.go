package engine_test

import (
	"flag"
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/engine"
	"github.com/futurelint/futurelint/internal/roles"
)

// TestConfigure checks the seam drivers configure the effective table by:
// a bad preset name is an error naming it, on the flag as in Configure.
func TestConfigure(t *testing.T) {
	if err := engine.Configure(roles.Config{Disable: []string{"nosuch"}}); err == nil || !strings.Contains(err.Error(), `unknown preset "nosuch"`) {
		t.Errorf("Configure(unknown preset) = %v", err)
	}
	fs := flag.NewFlagSet("futurelint", flag.ContinueOnError)
	fs.SetOutput(new(strings.Builder))
	engine.RegisterFlags(fs)
	if err := fs.Parse([]string{"-disable-presets=nosuch"}); err == nil || !strings.Contains(err.Error(), `unknown preset "nosuch"`) {
		t.Errorf("-disable-presets=nosuch: %v", err)
	}
	if fs.Lookup("disable-presets") == nil {
		t.Error("no -disable-presets flag")
	}
	// The same configuration again is fine after analysis started; the
	// table is the shipped one.
	if engine.Table() == nil {
		t.Fatal("no effective table")
	}
	if err := engine.Configure(engine.Configured()); err != nil {
		t.Errorf("Configure(same) after analysis started: %v", err)
	}
	extra := &roles.Library{Name: "late", Funcs: []roles.Func{{Pkg: "example.com/x", Name: "F", Blocker: roles.Blocker{Block: roles.BlockIO}}}}
	if err := engine.Configure(roles.Config{Extra: []*roles.Library{extra}}); err == nil {
		t.Error("Configure changed the table after analysis started")
	}
}
