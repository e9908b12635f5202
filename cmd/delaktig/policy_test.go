package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	basePage    = `<!doctype html><html lang="sv"><head><title>A</title></head><body><main><img src="gammal.png"><p>Text</p></main></body></html>`
	changedPage = `<!doctype html><html lang="sv"><head><title>A</title></head><body><main><img src="gammal.png" alt="Karta"><p>Text</p><img src="ny.png"></main></body></html>`
)

// baselineOf checks page and saves its JSON report as a baseline.
func baselineOf(t *testing.T, page string) string {
	t.Helper()
	r := delaktig(t, "", "check", "--format", "json", page)
	require.Equal(t, exitFailures, r.code, r.errout)
	p := filepath.Join(t.TempDir(), "baseline.json")
	require.NoError(t, os.WriteFile(p, []byte(r.out), 0o644))
	return p
}

func TestBaseline(t *testing.T) {
	page := writeFile(t, t.TempDir(), "a.html", basePage)
	base := baselineOf(t, page)
	require.NoError(t, os.WriteFile(page, []byte(changedPage), 0o644))

	r := delaktig(t, "", "check", "--baseline", base, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Contains(t, r.out, "Compared with the baseline ("+base+")\n  New: 1 · Fixed: 1 · Unchanged: 1\n")
	assert.Contains(t, r.out, "✗ Failed [Critical] (New since the baseline)  html > body > main > img:nth-of-type(2)")
	assert.Contains(t, r.out, "  Fixed since the baseline:\n    ✗ test-img-alt — html > body > main > img · "+page+"\n")

	r = delaktig(t, "", "check", "--format", "json", "--baseline", base, page)
	assert.Equal(t, exitFailures, r.code)
	bl := decodeJSON(t, r.out)["baseline"].(map[string]any)
	assert.Equal(t, base, bl["source"])
	assert.Equal(t, map[string]any{"new": 1.0, "fixed": 1.0, "unchanged": 1.0}, bl["counts"])
	assert.Contains(t, r.errout, "1 new, 1 fixed, 1 unchanged", "machine formats print the comparison on standard error too, for the CI log")

	for format, want := range map[string]string{
		"sarif": `"baselineState": "absent"`,
		"junit": `<property name="baseline.new" value="1">`,
		"earl":  `"earl:info": "New since the baseline"`,
		"md":    "Since the baseline: **1** new · **1** fixed · 1 unchanged",
	} {
		r = delaktig(t, "", "check", "--format", format, "--baseline", base, page)
		assert.Equal(t, exitFailures, r.code, format)
		assert.Contains(t, r.out, want, format)
	}

	r = delaktig(t, "", "check", "--format", "html", "--baseline", base, page)
	assert.Equal(t, exitFailures, r.code)
	assert.Contains(t, r.out, "ny.png", "the new finding is in the HTML report")

	// --fail-on new fails on the new image only
	r = delaktig(t, "", "check", "--fail-on", "new", "--baseline", base, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
}

func TestFailOnNewWithoutNewFailures(t *testing.T) {
	page := writeFile(t, t.TempDir(), "a.html", basePage)
	base := baselineOf(t, page)
	r := delaktig(t, "", "check", "--fail-on", "new", "--baseline", base, page)
	assert.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.out, "New: 0 · Fixed: 0 · Unchanged: 2")

	r = delaktig(t, "", "check", "--fail-on", "new", page)
	assert.Equal(t, exitUsage, r.code, "new needs a baseline")
	assert.Contains(t, r.errout, "--baseline")
}

func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", basePage)
	ok := writeFile(t, dir, "ok.yaml", "suppressions:\n  - rule: test-img-alt\n    reason: \"Logga, byts i version 4\"\n    expires: 2999-12-31\n")
	r := delaktig(t, "", "check", "--suppressions", ok, page)
	assert.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.out, "Findings waived by "+ok+": 1")
	r = delaktig(t, "", "check", "--outcomes", "all", "--suppressions", ok, page)
	assert.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.out, "Waived by the suppressions file "+ok+" (line 2) until 2999-12-31: Logga, byts i version 4")
	assert.NotContains(t, r.out, "data-a11y-ignore", "the page waived nothing")

	expired := writeFile(t, dir, "old.yaml", "suppressions:\n  - rule: test-img-alt\n    reason: \"Logga\"\n    expires: 2020-01-31\n")
	r = delaktig(t, "", "check", "--suppressions", expired, page)
	assert.Equal(t, exitUsage, r.code, r.errout)
	assert.Contains(t, r.errout, "expired")
	assert.Contains(t, r.errout, "renew")
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", basePage)
	bad := writeFile(t, dir, "delaktig.yaml", "rules: all\nfail_on: sometimes\n")
	r := delaktig(t, "", "check", "--config", bad, page)
	assert.Equal(t, exitUsage, r.code, r.errout)
	assert.Contains(t, r.errout, bad+":2")

	good := writeFile(t, dir, "ci.yaml", "fail_on: none\n")
	r = delaktig(t, "", "check", "--config", good, page)
	assert.Equal(t, exitOK, r.code, r.errout)

	// ./delaktig.yaml is read when present
	t.Chdir(dir)
	r = delaktig(t, "", "check", page)
	assert.Equal(t, exitUsage, r.code, r.errout)
}

func TestCheckBundleAndHistory(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", basePage)
	hist := filepath.Join(dir, "runs")
	require.NoError(t, os.MkdirAll(hist, 0o755))
	r := delaktig(t, "", "check", "--format", "json", page)
	require.NoError(t, os.WriteFile(filepath.Join(hist, "1.json"), []byte(r.out), 0o644))

	out := filepath.Join(dir, "bundle")
	r = delaktig(t, "", "check", "--format", "html", "--history", hist, "--out", out, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Contains(t, r.out, "<svg", "the trend chart")
	for _, f := range []string{"report.json", "report.html", "meta.json"} {
		_, err := os.Stat(filepath.Join(out, f))
		assert.NoError(t, err, f)
	}
}
