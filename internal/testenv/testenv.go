// Package testenv finds the resources that Delaktig's tests share: the W3C ACT
// conformance suite and the SARIF schema kept beside the repository in ../shared,
// and a Chrome binary for browser tests.
//
// Tests that need ../shared skip with a message when it is absent, unless the
// environment sets DELAKTIG_REQUIRE_SHARED=1 (as .ci/run does), in which case they
// fail. Browser tests behave the same with DELAKTIG_REQUIRE_BROWSER=1.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// ModuleRoot returns the directory holding go.mod, searched upwards from the
// working directory, or "" when none is found.
func ModuleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// SharedDir returns the shared resources directory: $DELAKTIG_SHARED, or
// ../shared next to the module root. It returns "" when the directory is absent.
func SharedDir() string {
	if d := os.Getenv("DELAKTIG_SHARED"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	root := ModuleRoot()
	if root == "" {
		return ""
	}
	d := filepath.Join(filepath.Dir(root), "shared")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Shared returns the path of sub inside the shared directory. When it is absent the
// test is skipped with instructions, or fails when DELAKTIG_REQUIRE_SHARED=1.
func Shared(t testing.TB, sub string) string {
	t.Helper()
	d := SharedDir()
	if d != "" {
		p := filepath.Join(d, sub)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	msg := "shared test data " + sub + " not found: set DELAKTIG_SHARED to the folder holding act/ and schemas/ (CI keeps it at ../shared beside the clone)"
	if os.Getenv("DELAKTIG_REQUIRE_SHARED") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// ChromePath returns the Chrome or Chromium binary to use for tests: $DELAKTIG_CHROME,
// then the usual names on PATH. It returns "" when none is found.
func ChromePath() string {
	if p := os.Getenv("DELAKTIG_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Chrome returns the Chrome binary for a browser test, skipping the test when none
// is found, or failing it when DELAKTIG_REQUIRE_BROWSER is set.
func Chrome(t testing.TB) string {
	t.Helper()
	if p := ChromePath(); p != "" {
		return p
	}
	msg := "no Chrome found: install chromium (apt-get install -y chromium) or set DELAKTIG_CHROME"
	if os.Getenv("DELAKTIG_REQUIRE_BROWSER") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
