package gen

import (
	"strings"
	"testing"

	"github.com/futurelint/futurelint/internal/driver"
	"github.com/futurelint/futurelint/internal/driver/drivertest"
)

// TestDriversAgreeOnCorpus runs futurelint's per-package driver (the
// command's standalone path) and x/tools' checker over go/packages (the
// multichecker's, which -fix takes) over a generated corpus: they must
// report the same findings, every seeded one among them, with and without
// test files.
func TestDriversAgreeOnCorpus(t *testing.T) {
	dir, m := write(t, 16)
	seeded := 0
	for _, n := range m.Findings {
		seeded += n
	}
	for _, tests := range []bool{false, true} {
		want, err := drivertest.Checker(dir, tests, "./...")
		if err != nil {
			t.Fatal(err)
		}
		if len(want) < seeded {
			t.Fatalf("the checker reports %d findings, fewer than the %d seeded:\n%s", len(want), seeded, strings.Join(want, "\n"))
		}
		got, _, err := drivertest.Driver(driver.Options{Dir: dir, Patterns: []string{"./..."}, Tests: tests})
		if err != nil {
			t.Fatal(err)
		}
		if d := drivertest.Diff(got, want); d != "" {
			t.Errorf("tests %v: the driver and the checker differ on the corpus:\n%s", tests, d)
		}
	}
}
