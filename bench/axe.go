package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

// packageJSON pins the axe-core version compared with. A copy is placed in
// the cache directory, where npm installs it.
//
//go:embed package.json
var packageJSON []byte

// pinnedAxe returns the axe-core version package.json asks for.
func pinnedAxe() (string, error) {
	var p struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(packageJSON, &p); err != nil {
		return "", fmt.Errorf("bench: read package.json: %w", err)
	}
	v := p.Dependencies["axe-core"]
	if v == "" {
		return "", errors.New("bench: package.json lists no axe-core")
	}
	return v, nil
}

// axeCacheDir is where npm installs axe-core: <user cache>/delaktig/bench-axe.
func axeCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("bench: find the cache directory: %w (pass -axe FILE)", err)
	}
	return filepath.Join(dir, "delaktig", "bench-axe"), nil
}

// installedAxe returns the version of the axe-core installed under dir, or
// "" when there is none.
func installedAxe(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "package.json"))
	if err != nil {
		return ""
	}
	var p struct {
		Version string `json:"version"`
	}
	if json.Unmarshal(b, &p) != nil {
		return ""
	}
	return p.Version
}

// ensureAxe returns the path of axe.min.js of the pinned axe-core under dir,
// installing it with npm first when it is missing or another version is
// there. npm's output goes to log.
func ensureAxe(dir string, log io.Writer) (string, error) {
	want, err := pinnedAxe()
	if err != nil {
		return "", err
	}
	script := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if installedAxe(dir) == want {
		if _, err := os.Stat(script); err == nil {
			return script, nil
		}
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("bench: axe-core %s is not installed in %s and npm was not found: install Node.js and npm, or pass -axe FILE", want, dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("bench: create %s: %w", dir, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), packageJSON, 0o644); err != nil {
		return "", fmt.Errorf("bench: write package.json: %w", err)
	}
	fmt.Fprintf(log, "installing axe-core %s in %s\n", want, dir)
	cmd := exec.Command(npm, "install", "--no-audit", "--no-fund", "--prefix", dir)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("bench: npm install axe-core %s: %w", want, err)
	}
	if got := installedAxe(dir); got != want {
		return "", fmt.Errorf("bench: npm installed axe-core %q in %s, want %s", got, dir, want)
	}
	if _, err := os.Stat(script); err != nil {
		return "", fmt.Errorf("bench: npm install left no axe.min.js: %w", err)
	}
	return script, nil
}

// axeBanner matches the version in the licence comment that opens axe.min.js.
var axeBanner = regexp.MustCompile(`^/\*!\s*axe v([0-9][0-9A-Za-z.+-]*)`)

// axeVersion reads the version from the opening comment of an axe script,
// or returns "" when it has none.
func axeVersion(script []byte) string {
	if m := axeBanner.FindSubmatch(script); m != nil {
		return string(m[1])
	}
	return ""
}
