package main

import "github.com/futurelint/futurelint/internal/driver"

// unique returns ds with each finding once: a package and its test variant
// (pkg and pkg [pkg.test]) analyse the same files and report the same
// findings. ds is sorted, so the one kept is the first package's, the same
// every run.
func unique(ds []driver.Diagnostic) []driver.Diagnostic {
	type key struct{ pos, end, rule, msg string }
	seen := map[key]bool{}
	var out []driver.Diagnostic
	for _, d := range ds {
		k := key{d.Position().String(), d.EndPosition().String(), d.Analyzer, d.Message}
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}
