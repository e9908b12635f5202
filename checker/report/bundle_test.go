package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func bundleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	}))
	sort.Strings(out)
	return out
}

func TestWriteBundle(t *testing.T) {
	r := flowSample(t)
	x := flowExtras(t, r)
	dir := filepath.Join(t.TempDir(), "out")
	meta, err := report.WriteBundle(dir, r, report.BundleExtras{
		Options:       report.Options{Lang: "sv"},
		Extras:        x,
		Snapshots:     map[string][]byte{"Startsida": []byte("<!doctype html><html lang=sv><title>Start</title></html>")},
		Statements:    []report.Jurisdiction{report.Sweden, report.Norway},
		Org:           org,
		ChromeVersion: "HeadlessChrome/140.0.0.0",
		ConfigHash:    "abc123",
		Written:       time.Date(2026, 9, 1, 12, 5, 0, 0, time.UTC),
	})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"meta.json", "report.earl.jsonld", "report.html", "report.json", "report.junit.xml", "report.md", "report.sarif",
		"screenshots/01-startsida.png", "screenshots/02-personuppgifter.png", "snapshots/01-startsida.html",
		"statement.nb.html", "statement.nb.md", "statement.sv.html", "statement.sv.md",
	}, bundleFiles(t, dir))

	data, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	require.NoError(t, err)
	var back report.BundleMeta
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, meta.Files, back.Files)
	assert.Equal(t, "HeadlessChrome/140.0.0.0", back.Chrome)
	assert.Equal(t, "abc123", back.ConfigHash)
	assert.Equal(t, report.FingerprintVersion, back.FingerprintVersion)
	assert.Equal(t, 55, back.Coverage.Total)
	assert.NotEmpty(t, back.Rules)
	assert.Equal(t, r.Generated, back.Generated)
	assert.Len(t, back.Files, 13, "every file but meta.json itself")
	for _, f := range back.Files {
		b, err := os.ReadFile(filepath.Join(dir, f.Path))
		require.NoError(t, err)
		sum := sha256.Sum256(b)
		assert.Equal(t, hex.EncodeToString(sum[:]), f.SHA256, f.Path)
		assert.Equal(t, len(b), f.Bytes)
	}
	// report.json keeps every outcome, so the bundle can serve as history
	// and as a baseline.
	jr, err := os.Open(filepath.Join(dir, "report.json"))
	require.NoError(t, err)
	defer jr.Close()
	back2, err := report.ReadJSON(jr)
	require.NoError(t, err)
	passed := 0
	for _, f := range back2.Pages[0].Findings {
		if f.Outcome == a11y.Passed {
			passed++
		}
	}
	assert.Equal(t, 2, passed)
	h, err := os.ReadFile(filepath.Join(dir, "report.html"))
	require.NoError(t, err)
	assert.Contains(t, string(h), `<html lang="sv">`)
	hist, err := report.LoadHistory(filepath.Dir(dir))
	require.NoError(t, err)
	require.Len(t, hist, 1, "a directory of bundles is a history")
	assert.Equal(t, "out/report.json", hist[0].Label)
}

// No value passed as a secret reaches any file of the bundle, however the
// page carried it: in a snippet, a message, a URL (encoded), a step name,
// message data, readability figures, a snapshot or the organisation.
func TestBundleScrubsSecrets(t *testing.T) {
	const pnr = "19121212-1212"
	const name = "Tolvan Tolvansson"
	secrets := []string{pnr, name, "x"}
	r := flowSample(t)
	p := &r.Pages[1]
	p.URL = "http://127.0.0.1:8080/steg-2?pnr=" + pnr + "&namn=" + url.QueryEscape(name)
	p.Title = "Uppgifter för " + name
	p.Findings[0].Snippet = `<input id="pnr" value="` + pnr + `">`
	p.Findings[0].Message = "Fältet med " + pnr + " saknar etikett"
	p.Findings[0].Data = a11y.Data{"value": pnr, "nested": map[string]any{"n": []any{name}}}
	p.Readability = map[string]any{"sample": "Hej " + name}
	r.Flow.Findings[0].Message = "Redundant entry: " + name + " asked twice"
	x := flowExtras(t, r)
	x.Screenshots = map[string][]byte{"Personuppgifter": pngOf(t, 20, 20)}
	dir := t.TempDir()
	meta, err := report.WriteBundle(dir, r, report.BundleExtras{
		Extras:     x,
		Snapshots:  map[string][]byte{"Personuppgifter": []byte(`<!doctype html><input value="` + pnr + `"><p>` + name + `</p>`)},
		Statements: []report.Jurisdiction{report.Sweden},
		Org:        report.Organisation{Name: "Kommun", Service: "Tjänst för " + name},
		Secrets:    secrets,
	})
	require.NoError(t, err)
	assert.Positive(t, meta.Redactions)
	assert.Equal(t, 1, meta.ShortSecrets, `"x" is too short to scrub`)
	files := bundleFiles(t, dir)
	require.Contains(t, files, "snapshots/02-personuppgifter.html")
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		for _, s := range secrets[:2] {
			for _, form := range []string{s, url.QueryEscape(s), url.PathEscape(s)} {
				assert.False(t, bytes.Contains(b, []byte(form)), "%s holds a secret (%q)", f, form)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "report.json"))
	require.NoError(t, err)
	assert.Contains(t, string(b), report.Redacted)
	assert.Equal(t, "http://127.0.0.1:8080/steg-2?pnr=19121212-1212&namn=Tolvan+Tolvansson", r.Pages[1].URL, "the caller's report is not changed")
}

// A secret that cannot be scrubbed (inside a screenshot's bytes) removes
// the file and fails the bundle.
func TestBundleRefusesLeakingFile(t *testing.T) {
	const secret = "hemligt-lösen-42"
	r := flowSample(t)
	img := append(pngOf(t, 10, 10), []byte(secret)...)
	dir := t.TempDir()
	_, err := report.WriteBundle(dir, r, report.BundleExtras{
		Extras:  &report.Extras{Screenshots: map[string][]byte{"Startsida": img}},
		Secrets: []string{secret},
	})
	require.Error(t, err)
	assert.True(t, errors.Is(err, report.ErrSecretInBundle))
	assert.Contains(t, err.Error(), "screenshots/01-startsida.png")
	assert.NotContains(t, err.Error(), secret, "the error does not repeat the secret")
	_, statErr := os.Stat(filepath.Join(dir, "screenshots", "01-startsida.png"))
	assert.True(t, os.IsNotExist(statErr), "the leaking file is removed")
	for _, f := range bundleFiles(t, dir) {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		assert.False(t, strings.Contains(string(b), secret), f)
	}
}
