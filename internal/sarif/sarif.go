// Package sarif writes futurelint's findings as a SARIF 2.1.0 log, the
// format code-scanning services and editors read.
//
// A rule is a reportingDescriptor with the rule's ID (FL001), its analyzer
// name, documentation and help URI. A finding's severity, which go/analysis
// carries in Diagnostic.Category, becomes the result's level ("warning" or
// "error"). A finding's related information (the calls of a witness chain,
// where a deadlock comes from) becomes relatedLocations, and a codeFlow
// from the finding through them in order. Suggested fixes become SARIF
// fixes: byte-addressed replacements in each file they edit.
package sarif

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/futurelint/futurelint/internal/driver"
)

// Version and Schema identify the format written.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// Log is a SARIF log file with the properties futurelint fills in.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

type Run struct {
	Tool               Tool                        `json:"tool"`
	Results            []Result                    `json:"results"`
	OriginalURIBaseIDs map[string]ArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
}

type Tool struct {
	Driver ToolComponent `json:"driver"`
}

type ToolComponent struct {
	Name           string                `json:"name"`
	Version        string                `json:"version,omitempty"`
	InformationURI string                `json:"informationUri,omitempty"`
	Rules          []ReportingDescriptor `json:"rules"`
}

type ReportingDescriptor struct {
	ID                   string                 `json:"id"`
	Name                 string                 `json:"name"`
	ShortDescription     Message                `json:"shortDescription"`
	FullDescription      Message                `json:"fullDescription"`
	HelpURI              string                 `json:"helpUri,omitempty"`
	Help                 Message                `json:"help"`
	DefaultConfiguration ReportingConfiguration `json:"defaultConfiguration"`
}

type ReportingConfiguration struct {
	Level string `json:"level"`
}

type Message struct {
	Text string `json:"text"`
}

type Result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level"`
	Message          Message    `json:"message"`
	Locations        []Location `json:"locations"`
	RelatedLocations []Location `json:"relatedLocations,omitempty"`
	CodeFlows        []CodeFlow `json:"codeFlows,omitempty"`
	Fixes            []Fix      `json:"fixes,omitempty"`
}

// CodeFlow is the path a finding's related locations trace from its own
// location: the calls down to what blocks, and where a deadlock comes
// from. Viewers step through it.
type CodeFlow struct {
	ThreadFlows []ThreadFlow `json:"threadFlows"`
}

type ThreadFlow struct {
	Locations []ThreadFlowLocation `json:"locations"`
}

type ThreadFlowLocation struct {
	Location Location `json:"location"`
}

type Location struct {
	ID               *int             `json:"id,omitempty"`
	PhysicalLocation PhysicalLocation `json:"physicalLocation"`
	Message          *Message         `json:"message,omitempty"`
}

type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           Region           `json:"region"`
}

type ArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// Region is a span of a file: by line and column (UTF-16 code units, as
// the run's columnKind says) for locations, by byte offset for fixes.
type Region struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type Fix struct {
	Description     Message          `json:"description"`
	ArtifactChanges []ArtifactChange `json:"artifactChanges"`
}

type ArtifactChange struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Replacements     []Replacement    `json:"replacements"`
}

type Replacement struct {
	DeletedRegion   Region           `json:"deletedRegion"`
	InsertedContent *ArtifactContent `json:"insertedContent,omitempty"`
}

type ArtifactContent struct {
	Text string `json:"text"`
}

// Rule describes one rule of the tool.
type Rule struct {
	ID, Name string
	Doc      string // first line: a one-sentence summary
	URL      string
}

// srcRoot is the base the artifact URIs are relative to.
const srcRoot = "%SRCROOT%"

// New builds the log of one run. Paths under root are written relative to
// it (as %SRCROOT%), others as absolute file URIs.
func New(name, version, infoURI string, rules []Rule, diags []driver.Diagnostic, root string) *Log {
	run := Run{
		Tool:       Tool{Driver: ToolComponent{Name: name, Version: version, InformationURI: infoURI, Rules: []ReportingDescriptor{}}},
		Results:    []Result{},
		ColumnKind: "utf16CodeUnits",
	}
	index := map[string]int{}
	for i, r := range rules {
		summary, _, _ := strings.Cut(r.Doc, "\n")
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, ReportingDescriptor{
			ID:                   r.ID,
			Name:                 r.Name,
			ShortDescription:     Message{summary},
			FullDescription:      Message{r.Doc},
			HelpURI:              r.URL,
			Help:                 Message{r.Doc + "\n\n" + r.URL},
			DefaultConfiguration: ReportingConfiguration{Level: "warning"},
		})
		index[r.Name] = i
	}
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
		run.OriginalURIBaseIDs = map[string]ArtifactLocation{srcRoot: {URI: fileURI(root) + "/"}}
	}
	lines := &lineCache{files: map[string][]string{}}
	for _, d := range diags {
		i, ok := index[d.Analyzer]
		if !ok {
			continue
		}
		res := Result{
			RuleID:    rules[i].ID,
			RuleIndex: i,
			Level:     level(d.Category),
			Message:   Message{d.Message},
			Locations: []Location{{PhysicalLocation: lines.location(root, d.Position(), d.EndPosition())}},
		}
		var flow []ThreadFlowLocation
		for j, r := range d.Related {
			id := j + 1
			start, end := r.Positions()
			loc := lines.location(root, start, end)
			res.RelatedLocations = append(res.RelatedLocations, Location{ID: &id, PhysicalLocation: loc, Message: &Message{r.Message}})
			if j == 0 {
				msg := res.Message
				flow = append(flow, ThreadFlowLocation{Location{PhysicalLocation: res.Locations[0].PhysicalLocation, Message: &msg}})
			}
			flow = append(flow, ThreadFlowLocation{Location{PhysicalLocation: loc, Message: &Message{r.Message}}})
		}
		if flow != nil {
			res.CodeFlows = []CodeFlow{{ThreadFlows: []ThreadFlow{{Locations: flow}}}}
		}
		for _, f := range d.Fixes {
			fix := Fix{Description: Message{f.Message}}
			byFile := map[string]int{}
			for _, e := range f.Edits {
				k, ok := byFile[e.Filename]
				if !ok {
					k = len(fix.ArtifactChanges)
					byFile[e.Filename] = k
					fix.ArtifactChanges = append(fix.ArtifactChanges, ArtifactChange{ArtifactLocation: artifact(root, e.Filename)})
				}
				off, n := e.Start, e.End-e.Start
				rep := Replacement{DeletedRegion: Region{ByteOffset: &off, ByteLength: &n}}
				if e.New != "" {
					rep.InsertedContent = &ArtifactContent{Text: e.New}
				}
				fix.ArtifactChanges[k].Replacements = append(fix.ArtifactChanges[k].Replacements, rep)
			}
			res.Fixes = append(res.Fixes, fix)
		}
		run.Results = append(run.Results, res)
	}
	return &Log{Schema: Schema, Version: Version, Runs: []Run{run}}
}

// Write writes log as indented JSON.
func (log *Log) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// level maps futurelint's severity to a SARIF level.
func level(category string) string {
	if category == "error" {
		return "error"
	}
	return "warning"
}

func artifact(root, file string) ArtifactLocation {
	if rel, err := filepath.Rel(root, file); err == nil && filepath.IsAbs(file) && !strings.HasPrefix(rel, "..") {
		return ArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return ArtifactLocation{URI: fileURI(file)}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// lineCache reads files once to turn byte columns into UTF-16 columns.
type lineCache struct {
	files map[string][]string
}

func (c *lineCache) location(root string, start, end token.Position) PhysicalLocation {
	return PhysicalLocation{
		ArtifactLocation: artifact(root, start.Filename),
		Region: Region{
			StartLine:   start.Line,
			StartColumn: c.column(start.Filename, start.Line, start.Column),
			EndLine:     end.Line,
			EndColumn:   c.column(end.Filename, end.Line, end.Column),
		},
	}
}

// column converts a 1-based byte column of a line into a 1-based UTF-16
// column. When the file cannot be read it keeps the byte column, which is
// the same for ASCII text.
func (c *lineCache) column(file string, line, col int) int {
	lines, ok := c.files[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c.files[file] = lines
	}
	if line < 1 || line > len(lines) || col < 1 {
		return max(col, 1)
	}
	text := lines[line-1]
	if col-1 > len(text) {
		return col
	}
	n := 0
	for _, r := range text[:col-1] {
		if r == utf8.RuneError {
			n++
			continue
		}
		n += utf16.RuneLen(r)
	}
	return n + 1
}
