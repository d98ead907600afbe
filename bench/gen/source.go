package gen

import (
	"fmt"
	"go/format"
	"regexp"
	"sort"
	"strings"
)

// importable lists every package generated code may refer to, by the name
// it is referred to with.
func importable(s service) map[string]string {
	m := map[string]string{
		"context": "context",
		"errors":  "errors",
		"fmt":     "fmt",
		"sort":    "sort",
		"strconv": "strconv",
		"strings": "strings",
		"sync":    "sync",
		"time":    "time",
		"futures": futuresPath,
	}
	if s.i >= 0 {
		m[fmt.Sprintf("p%d", s.blockpath)] = fmt.Sprintf("%s/blockpath/p%d", ModulePath, s.blockpath)
		m[fmt.Sprintf("w%d", s.sched)] = fmt.Sprintf("%s/sched/w%d", ModulePath, s.sched)
		if s.parent >= 0 {
			m["parent"] = fmt.Sprintf("%s/svc/s%d", ModulePath, s.parent)
		}
	}
	return m
}

var qualified = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\.`)

// goFile assembles a Go source file from a package clause, a doc comment and
// a body, importing exactly the packages in known that the body refers to.
// It panics if the result is not valid Go: the generator's templates are
// fixed, so that is a bug in this package, not bad input.
func goFile(doc, pkg, body string, known map[string]string) string {
	used := map[string]bool{}
	for _, m := range qualified.FindAllStringSubmatch(body, -1) {
		if _, ok := known[m[1]]; ok {
			used[m[1]] = true
		}
	}
	var lines []string
	for name := range used {
		path := known[name]
		if strings.HasSuffix(path, "/"+name) || path == name {
			lines = append(lines, fmt.Sprintf("\t%q", path))
		} else {
			lines = append(lines, fmt.Sprintf("\t%s %q", name, path))
		}
	}
	sort.Strings(lines)
	var b strings.Builder
	if doc != "" {
		b.WriteString(doc)
	}
	fmt.Fprintf(&b, "package %s\n\n", pkg)
	if len(lines) > 0 {
		fmt.Fprintf(&b, "import (\n%s\n)\n\n", strings.Join(lines, "\n"))
	}
	b.WriteString(body)
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		panic(fmt.Sprintf("gen: generated invalid Go for package %s: %v\n%s", pkg, err, b.String()))
	}
	return string(src)
}

// expand replaces $NAME placeholders in a template.
func expand(tmpl string, vars ...string) string {
	return strings.NewReplacer(vars...).Replace(tmpl)
}
