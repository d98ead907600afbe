// Command validate checks SARIF logs against the SARIF 2.1.0 JSON schema
// that github.com/owenrumney/go-sarif ships (read from that module's source
// in the module cache), with the gojsonschema validator it uses, and checks
// that every property is one go-sarif's model of the format knows.
//
//	go run . FILE...
//
// It exits 1, printing what is wrong, if any file is not a valid log.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"
)

func main() {
	schema, err := loadSchema()
	if err != nil {
		fmt.Fprintf(os.Stderr, "validate: %v\n", err)
		os.Exit(2)
	}
	bad := len(os.Args) < 2
	for _, name := range os.Args[1:] {
		if err := validate(schema, name); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			bad = true
		}
	}
	if bad {
		os.Exit(1)
	}
}

// loadSchema reads the schema from go-sarif's schema.go, where it is the
// one raw string literal.
func loadSchema() (string, error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif").Output()
	if err != nil {
		return "", fmt.Errorf("locating go-sarif: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "schema.go"))
	if err != nil {
		return "", err
	}
	start := bytes.IndexByte(src, '`')
	end := bytes.LastIndexByte(src, '`')
	if start < 0 || end <= start {
		return "", errors.New("no schema literal in go-sarif's schema.go")
	}
	schema := string(src[start+1 : end])
	if !strings.Contains(schema, `"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"`) {
		return "", errors.New("go-sarif's schema.go does not hold the SARIF 2.1.0 schema")
	}
	return schema, nil
}

func validate(schema, name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(schema), gojsonschema.NewBytesLoader(data))
	if err != nil {
		return err
	}
	if !res.Valid() {
		var msgs []string
		for _, e := range res.Errors() {
			msgs = append(msgs, e.String())
		}
		return fmt.Errorf("does not match the SARIF 2.1.0 schema:\n\t%s", strings.Join(msgs, "\n\t"))
	}
	// The schema lets unknown properties through in places; the typed
	// model does not.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var log sarif.Report
	if err := dec.Decode(&log); err != nil {
		return fmt.Errorf("not a SARIF 2.1.0 log: %v", err)
	}
	return nil
}
