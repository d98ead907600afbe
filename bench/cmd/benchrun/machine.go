package main

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// machine describes where and on what a run happened.
type machine struct {
	date      time.Time
	cpus      int
	cpuModel  string
	memory    string
	kernel    string
	goVersion string
	commit    string
	loadStart string
	loadEnd   string
}

func readMachine(repo string) machine {
	m := machine{
		date:      time.Now().UTC(),
		cpus:      runtime.NumCPU(),
		cpuModel:  procField("/proc/cpuinfo", "model name"),
		memory:    procField("/proc/meminfo", "MemTotal"),
		kernel:    output("uname", "-sr"),
		goVersion: output("go", "version"),
		loadStart: loadAverage(),
	}
	m.commit = output("git", "-C", repo, "rev-parse", "--short", "HEAD")
	// Changes under bench/ do not change what is measured.
	if output("git", "-C", repo, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench") != "" {
		m.commit += " (with uncommitted changes)"
	}
	return m
}

func output(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
