// Package sariftest validates SARIF logs in tests.
package sariftest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
)

// Validate checks the SARIF logs in files with the program in validator
// (internal/sarif/testdata/validate, a module of its own): against the
// SARIF 2.1.0 JSON schema, and for properties the format does not define.
// It returns an error saying what is wrong when a log is invalid, and
// panics if the validator cannot run at all.
func Validate(validator string, files ...string) error {
	cmd := exec.Command("go", append([]string{"run", "."}, files...)...)
	cmd.Dir = validator
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
			return fmt.Errorf("%s", stderr.String())
		}
		panic(fmt.Sprintf("running the SARIF validator in %s: %v\n%s", validator, err, stderr.String()))
	}
	return nil
}
