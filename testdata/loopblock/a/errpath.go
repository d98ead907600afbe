package a

import (
	"errors"
	"fmt"
	"net/http"
	"os/exec"

	"futurelint.test/loopblock/lib"

	"github.com/futurelint/futurelint/futures"
)

// Key handlers kept in a map and called by the loop: loop code known only
// through a stored value, whose helpers are reported where they wait on
// every path that returns without an error.

type keys struct {
	bindings map[rune]func()
}

func (k *keys) press(c *futures.Ctx, r rune) {
	if h, ok := k.bindings[r]; ok {
		h()
	}
}

func bindKeys(k *keys, c *http.Client, repo string) {
	k.bindings = map[rune]func(){
		'p': func() { pullRepo(repo) },        // want `pullRepo blocks the event loop; run it with`
		'r': func() { resolve(c, "x") },       // want `resolve blocks the event loop; run it with`
		'v': func() { checked(repo, "main") }, // want `checked blocks the event loop; run it with`
		'e': func() { typedFailure(repo) },    // want `typedFailure blocks the event loop; run it with`
		'f': func() { fatalFirst(repo) },      // want `fatalFirst blocks the event loop; run it with`
		'u': func() { namedFailure(c, "") },   // want `namedFailure blocks the event loop; run it with`
		't': func() { lib.Tag("v1") },         // want `lib.Tag blocks the event loop; run it with`
		'h': func() { lib.Ping(c, "x") },      // want `lib.Ping blocks the event loop; run it with`

		// Quiet: the wait is skipped on a path that is no failure.
		'w': func() { maybeWait(repo, false) },
		'n': func() { runIfAny(nil) },
		'o': func() { lib.Output(nil) },
		'c': func() { refreshUnlessCached(c, "x") },
		'q': func() { quickOrSlow(c, "x") },
		'g': func() { unlessForced(repo, true) },
		'l': func() { namedMaybe(c, "x") },
	}
}

// pullRepo fails early when the command cannot start, then waits for it.
func pullRepo(dir string) error {
	cmd := exec.Command("git", "-C", dir, "pull")
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("pull: %w", err)
	}
	return cmd.Wait()
}

// resolve does HTTP unless the request cannot be built.
func resolve(c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodPut, url, http.NoBody)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// checked returns an error for a bad argument, in either branch of a
// test, before it runs git.
func checked(dir, branch string) (string, error) {
	if branch == "" {
		return "", errors.New("no branch")
	} else if dir == "" {
		return "", fmt.Errorf("no repository for %s", branch)
	}
	out, err := exec.Command("git", "-C", dir, "checkout", branch).Output()
	return string(out), err
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// typedFailure returns a value of a concrete error type: never nil.
func typedFailure(dir string) error {
	if len(dir) > 100 {
		return &usageError{"path too long"}
	}
	return exec.Command("make", "-C", dir).Run()
}

// fatalFirst exits the program rather than return when dir is missing.
func fatalFirst(dir string) {
	if dir == "" {
		panic("no directory")
	}
	exec.Command("make", "-C", dir).Run()
}

// maybeWait waits only when its caller asks.
func maybeWait(dir string, wait bool) error {
	cmd := exec.Command("make", "-C", dir)
	if !wait {
		return nil
	}
	return cmd.Run()
}

// runIfAny does nothing for no command: the nil return is not a failure.
func runIfAny(cmd *exec.Cmd) string {
	if cmd == nil {
		return ""
	}
	out, _ := cmd.Output()
	return string(out)
}

var cache = map[string]string{}

func cached(url string) (string, error) {
	if s, ok := cache[url]; ok {
		return s, nil
	}
	return "", errors.New("not cached")
}

// refreshUnlessCached waits only when the cache lookup fails: the early
// return is the normal path.
func refreshUnlessCached(c *http.Client, url string) error {
	if _, err := cached(url); err == nil {
		return nil
	}
	_, err := c.Get(url)
	return err
}

// quickOrSlow returns the quick way's error, nil when it worked: the wait
// is on its failure path only.
func quickOrSlow(c *http.Client, url string) error {
	_, err := cached(url)
	if err == nil {
		return err
	}
	_, err = c.Get(url)
	return err
}

// unlessForced leaves early when forced too, with whatever err is.
func unlessForced(dir string, force bool) error {
	_, err := cached(dir)
	if err != nil || force {
		return err
	}
	return exec.Command("make", "-C", dir).Run()
}

// namedFailure sets its named error result, then returns bare.
func namedFailure(c *http.Client, url string) (err error) {
	if c == nil {
		err = errors.New("no client")
		return
	}
	_, err = c.Get(url)
	return
}

// namedMaybe returns bare whatever the lookup gave, nil when it worked.
func namedMaybe(c *http.Client, url string) (err error) {
	if _, ok := cache[url]; ok {
		_, err = cached(url)
		return
	}
	_, err = c.Get(url)
	return
}
