package lib

import (
	"errors"
	"net/http"
	"os/exec"
)

// Tag runs git unless its argument is bad: the error exit before the wait
// leaves it certain, summarised from the syntax for importers.
func Tag(name string) error {
	if name == "" {
		return errors.New("lib: no tag name")
	}
	return exec.Command("git", "tag", name).Run()
}

// Ping waits for the server unless the request cannot be made.
func Ping(c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Output runs cmd unless it is nil: the nil return is no failure, a
// caller that has no command passes nil and does not wait.
func Output(cmd *exec.Cmd) string {
	if cmd == nil {
		return ""
	}
	out, _ := cmd.Output()
	return string(out)
}
