package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDisablePresets runs futurelint over programs of two preset libraries:
// both report their mistakes by default; -disable-presets=gnet leaves out
// gnet's (its handlers are not loop code without the preset) and keeps
// goja_nodejs's; an unknown preset is an error naming the presets.
func TestDisablePresets(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the real libraries from source")
	}
	dir := filepath.Join("..", "..", "testdata", "presets")
	count := func(r result) (gnet, goja int) {
		for _, f := range textFindings(t, dir, r.stderr) {
			switch {
			case strings.HasPrefix(f.pos, "gnet/"):
				gnet++
			case strings.HasPrefix(f.pos, "gojaloop/"):
				goja++
			}
		}
		return gnet, goja
	}
	all := futurelint(t, dir, "./gnet", "./gojaloop")
	if all.code != 3 {
		t.Fatalf("exit %d, want 3 (findings); stderr:\n%s", all.code, all.stderr)
	}
	if g, j := count(all); g != 4 || j != 4 {
		t.Errorf("with every preset: %d gnet and %d goja_nodejs findings, want 4 and 4:\n%s", g, j, all.stderr)
	}
	off := futurelint(t, dir, "-disable-presets=gnet", "./gnet", "./gojaloop")
	if g, j := count(off); g != 0 || j != 4 {
		t.Errorf("-disable-presets=gnet: %d gnet and %d goja_nodejs findings, want 0 and 4:\n%s", g, j, off.stderr)
	}
	bad := futurelint(t, dir, "-disable-presets=gent", "./gnet")
	if bad.code != 1 || !strings.Contains(bad.stderr, `unknown preset "gent"`) || !strings.Contains(bad.stderr, "gnet") {
		t.Errorf("-disable-presets=gent: exit %d, stderr %q; want 1 and an error naming the presets", bad.code, bad.stderr)
	}
}
