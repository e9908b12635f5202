package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/internal/testenv"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bundleFiles lists the files of an evidence bundle, screenshots apart.
func bundleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

const orgSettings = `organisation:
  name: Sundsvalls kommun
  service: Ansök om bygglov
  contact_email: tillganglighet@example.se
`

func TestConfigLocale(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", basePage)
	cfg := writeFile(t, dir, "sv.yaml", "locale: sv\n")

	r := delaktig(t, "", "check", "--config", cfg, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Contains(t, r.out, "Tillgänglighetsrapport", "the settings file's locale")

	r = delaktig(t, "", "check", "--config", cfg, "--lang", "nb", page)
	assert.Contains(t, r.out, "Tilgjengelighetsrapport", "--lang wins over the settings file")

	t.Setenv("LANG", "nb_NO.UTF-8")
	r = delaktig(t, "", "check", "--config", cfg, page)
	assert.Contains(t, r.out, "Tillgänglighetsrapport", "the settings file wins over the machine's locale")

	t.Setenv("DELAKTIG_LANG", "en")
	r = delaktig(t, "", "check", "--config", cfg, page)
	assert.Contains(t, r.out, "Accessibility report", "DELAKTIG_LANG is asked for explicitly and wins")
}

func TestConfigOutput(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", basePage)
	fromFile := filepath.Join(dir, "from-file")
	cfg := writeFile(t, dir, "ci.yaml", "output:\n  dir: "+fromFile+"\n  formats: [sarif, md]\n")

	// output.dir and output.formats of the file
	r := delaktig(t, "", "check", "--config", cfg, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.Equal(t, []string{"meta.json", "report.json", "report.md", "report.sarif", "statement.nb.html", "statement.nb.md", "statement.sv.html", "statement.sv.md"},
		bundleFiles(t, fromFile))

	// --out and --formats win
	flagged := filepath.Join(dir, "flagged")
	r = delaktig(t, "", "check", "--config", cfg, "--out", flagged, "--formats", "junit,earl", page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	files := bundleFiles(t, flagged)
	assert.Contains(t, files, "report.junit.xml")
	assert.Contains(t, files, "report.earl.jsonld")
	assert.Contains(t, files, "report.json", "report.json is always written")
	assert.NotContains(t, files, "report.sarif")
	assert.NotContains(t, files, "report.html")

	r = delaktig(t, "", "check", "--config", cfg, "--out", flagged, "--formats", "pdf", page)
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.errout, `unknown format "pdf" in --formats`)

	// formats alone write into the default folder
	t.Chdir(dir)
	only := writeFile(t, dir, "only.yaml", "output:\n  formats: [html]\n")
	r = delaktig(t, "", "check", "--config", only, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	assert.FileExists(t, filepath.Join(dir, "delaktig-report", "report.html"))
	assert.NoFileExists(t, filepath.Join(dir, "delaktig-report", "report.sarif"))

	// without an output section no bundle is written unasked
	plain := t.TempDir()
	t.Chdir(plain)
	r = delaktig(t, "", "check", page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	entries, err := os.ReadDir(plain)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

func TestConfigOrganisation(t *testing.T) {
	dir := t.TempDir()
	page := writeFile(t, dir, "a.html", basePage)
	cfg := writeFile(t, dir, "org.yaml", orgSettings)
	out := filepath.Join(dir, "bevis")
	r := delaktig(t, "", "check", "--config", cfg, "--out", out, page)
	assert.Equal(t, exitFailures, r.code, r.errout)
	for _, name := range []string{"statement.sv.md", "statement.nb.md", "statement.sv.html", "statement.nb.html"} {
		s := readFile(t, filepath.Join(out, name))
		assert.Contains(t, s, "Sundsvalls kommun", name)
		assert.Contains(t, s, "Ansök om bygglov", name)
		assert.Contains(t, s, "tillganglighet@example.se", name)
	}
}

// The demo takes the settings file's locale, output and organisation; it
// runs here without a browser, over the inaccessible version only.
func TestDemoConfig(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DELAKTIG_CHROME", "")
	dir := t.TempDir()
	out := filepath.Join(dir, "demo-bundle")
	cfg := writeFile(t, dir, "demo.yaml", "locale: nb\n"+orgSettings+"output:\n  dir: "+out+"\n  formats: [md, html]\n")
	r := delaktig(t, "", "demo", "--variant", "otillganglig", "--config", cfg)
	require.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.out, "wrote the evidence bundle to "+out)
	assert.Equal(t, []string{"meta.json", "report.html", "report.json", "report.md", "statement.nb.html", "statement.nb.md", "statement.sv.html", "statement.sv.md"},
		bundleFiles(t, out))
	assert.Contains(t, readFile(t, filepath.Join(out, "report.md")), "## Tilgjengelighetskontroll", "the settings file's locale")
	assert.Contains(t, readFile(t, filepath.Join(out, "report.html")), `<html lang="nb">`)
	sv := readFile(t, filepath.Join(out, "statement.sv.md"))
	assert.Contains(t, sv, "Sundsvalls kommun", "the settings file's organisation replaces the example's")
	assert.Contains(t, sv, "Ansök om bygglov")

	// --out with a folder writes the bundle there; --lang and --formats win
	flagged := filepath.Join(dir, "flagged")
	r = delaktig(t, "", "demo", "--variant", "otillganglig", "--config", cfg, "--out", flagged, "--lang", "sv", "--formats", "sarif")
	require.Equal(t, exitOK, r.code, r.errout)
	files := bundleFiles(t, flagged)
	assert.Contains(t, files, "report.sarif")
	assert.NotContains(t, files, "report.md")
	assert.Contains(t, readFile(t, filepath.Join(flagged, "report.sarif")), `"language": "sv"`)

	// --out with an .html name writes only the HTML report
	html := filepath.Join(dir, "html", "demo.html")
	r = delaktig(t, "", "demo", "--variant", "otillganglig", "--config", cfg, "--out", html)
	require.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, r.out, "wrote "+html)
	assert.Contains(t, readFile(t, html), `<html lang="nb">`)

	// without settings the example's own organisation fills the statements
	plain := filepath.Join(dir, "plain")
	r = delaktig(t, "", "demo", "--variant", "otillganglig", "--out", plain)
	require.Equal(t, exitOK, r.code, r.errout)
	assert.Contains(t, readFile(t, filepath.Join(plain, "statement.sv.md")), "Norrsunda kommun")
}

func TestAuditConfig(t *testing.T) {
	testenv.Chrome(t)
	srv := auditService(t)
	flow := writeFlow(t, srv.URL+"/", "  - name: Start\n    goto: /\n")
	dir := t.TempDir()
	out := filepath.Join(dir, "bevis")
	cfg := writeFile(t, dir, "audit.yaml", "locale: sv\n"+orgSettings+"output:\n  dir: "+out+"\n  formats: [junit]\n")
	r := delaktig(t, "", "audit", "--config", cfg, "--no-interactions", "--no-explore-errors", flow)
	require.Equal(t, exitFailures, r.code, r.errout)
	assert.Contains(t, r.out, "Tillgänglighetsrapport", "the settings file's locale")
	files := bundleFiles(t, out)
	assert.Contains(t, files, "report.junit.xml")
	assert.NotContains(t, files, "report.html", "only the formats the settings file names")
	assert.True(t, strings.Contains(readFile(t, filepath.Join(out, "statement.nb.md")), "Sundsvalls kommun"))
}
