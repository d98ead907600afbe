// Command gcl is golangci-lint v2 with the futurelint module plugin built in:
// what `golangci-lint custom` produces from the README's .custom-gcl.yml.
// The plugin's integration test builds and runs it.
package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/futurelint/futurelint/plugin/golangci"
)

func main() {
	info := commands.BuildInfo{Version: "v2.15.0-futurelint", Commit: "test", Date: "test", GoVersion: "go"}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
