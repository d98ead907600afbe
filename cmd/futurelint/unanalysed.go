package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/futurelint/futurelint/internal/driver"
)

// unanalysedSummary says, after the errors, what the findings cover: how
// many of the named packages were analysed, and which were not. A test
// variant ("p [p.test]") is named only when p itself was analysed: its
// tests are what failed.
func unanalysedSummary(res *driver.Result) string {
	if len(res.NotAnalysed) == 0 {
		return ""
	}
	path := func(id string) string { p, _, _ := strings.Cut(id, " ["); return p }
	failed := map[string]bool{}
	for _, id := range res.NotAnalysed {
		failed[id] = true
	}
	var list []string
	for _, id := range res.NotAnalysed {
		_, variant, ok := strings.Cut(id, " [")
		if ok && failed[strings.TrimSuffix(variant, ".test]")] {
			continue
		}
		list = append(list, id)
	}
	var named, analysed []string
	for _, id := range res.Named {
		p := path(id)
		if !slices.Contains(named, p) {
			named = append(named, p)
		}
		if !failed[id] && !slices.Contains(analysed, p) {
			analysed = append(analysed, p)
		}
	}
	packages := "packages"
	if len(named) == 1 {
		packages = "package"
	}
	return fmt.Sprintf("futurelint: analysed %d of %d %s; not analysed, for the errors above: %s",
		len(analysed), len(named), packages, strings.Join(list, ", "))
}
