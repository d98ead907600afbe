package main

import (
	"fmt"
	"strings"
)

// unifiedDiff returns the unified diff (three lines of context) that turns
// old into new, the file named name in the headers, as x/tools' checker
// prints its -diff.
func unifiedDiff(name string, old, new []byte) string {
	ops := diffLines(splitLines(string(old)), splitLines(string(new)))
	// line[i] counts the old and new lines before ops[i].
	line := make([][2]int, len(ops)+1)
	for i, op := range ops {
		line[i+1] = line[i]
		if op.kind != '+' {
			line[i+1][0]++
		}
		if op.kind != '-' {
			line[i+1][1]++
		}
	}
	const context = 3
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s (old)\n+++ %s (new)\n", name, name)
	for i := 0; i < len(ops); {
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		// The hunk runs from context lines before this change to context
		// lines after the last change that follows within 2*context lines.
		end := i
		for {
			for end < len(ops) && ops[end].kind != ' ' {
				end++
			}
			next := end
			for next < len(ops) && ops[next].kind == ' ' && next-end <= 2*context {
				next++
			}
			if next == len(ops) || ops[next].kind == ' ' {
				break
			}
			end = next
		}
		start, stop := max(0, i-context), min(len(ops), end+context)
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(line[start][0], line[stop][0]), hunkRange(line[start][1], line[stop][1]))
		for _, op := range ops[start:stop] {
			b.WriteByte(op.kind)
			b.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = stop
	}
	return b.String()
}

// hunkRange is one side of a hunk header: lines [from, to) of the file,
// counted from 0, as "first,count" counted from 1 (the line before an
// empty range).
func hunkRange(from, to int) string {
	if from == to {
		return fmt.Sprintf("%d,0", from)
	}
	return fmt.Sprintf("%d,%d", from+1, to-from)
}

// lineOp is one line of a diff: kept (' '), removed ('-') or added ('+').
type lineOp struct {
	kind byte
	text string
}

// diffLines returns the edit script from a to b by longest common
// subsequence. Fixes change a few lines: the common start and end are
// taken first, and a middle too big to compare line by line is replaced
// whole.
func diffLines(a, b []string) []lineOp {
	var ops []lineOp
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	for _, l := range a[:p] {
		ops = append(ops, lineOp{' ', l})
	}
	x, y := a[p:len(a)-s], b[p:len(b)-s]
	n, m := len(x), len(y)
	if (n+1)*(m+1) > 1<<22 {
		for _, l := range x {
			ops = append(ops, lineOp{'-', l})
		}
		for _, l := range y {
			ops = append(ops, lineOp{'+', l})
		}
	} else {
		// lcs[i*(m+1)+j] is the length of the longest common
		// subsequence of x[i:] and y[j:].
		lcs := make([]int32, (n+1)*(m+1))
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if x[i] == y[j] {
					lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
				} else {
					lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && x[i] == y[j]:
				ops = append(ops, lineOp{' ', x[i]})
				i++
				j++
			case j == m || i < n && lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]:
				ops = append(ops, lineOp{'-', x[i]})
				i++
			default:
				ops = append(ops, lineOp{'+', y[j]})
				j++
			}
		}
	}
	for _, l := range a[len(a)-s:] {
		ops = append(ops, lineOp{' ', l})
	}
	return ops
}

// splitLines splits s into lines, each with its newline (the last one may
// have none).
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		lines = append(lines, s[:i])
		s = s[i:]
	}
	return lines
}
