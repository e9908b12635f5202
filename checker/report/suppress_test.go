package report_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const suppressions = `suppressions:
  - rule: demo-img
    selector: "#logo"
    url: "http://127.0.0.1:*/"
    reason: "Logo alt text comes from the CMS in release 4 (#123)"
    expires: 2026-12-31
  - rule: demo-*
    step: Person*
    selector: "#pnr"
    reason: "Field label reviewed by a person: fine"
  - fingerprint: 0000
    reason: "Stale entry for a fixed problem"
`

func TestSuppressionsApply(t *testing.T) {
	s, err := report.ParseSuppressions([]byte(suppressions), "suppressions.yaml")
	require.NoError(t, err)
	require.Len(t, s.Entries, 3)
	assert.Equal(t, 2, s.Entries[0].Line)
	assert.Equal(t, 7, s.Entries[1].Line)
	r := flowSample(t)
	before := r.Summary.Failed
	a, err := s.Apply(r, time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC))
	require.NoError(t, err, "valid through its expiry day")
	assert.Equal(t, 1, a.Entries[0].Matched)
	assert.Equal(t, 1, a.Entries[1].Matched, "the cantTell on #pnr in step Personuppgifter")
	require.Len(t, a.Unused, 1)
	assert.Equal(t, 11, a.Unused[0].Line)
	assert.Equal(t, before-1, r.Summary.Failed, "summary recomputed")
	assert.Equal(t, "Logo alt text comes from the CMS in release 4 (#123)", r.Pages[0].Findings[0].Suppressed)
	assert.Len(t, r.Pages[0].Findings, 4, "waived findings stay in the report")
	assert.Equal(t, "Decorative border, alt text follows in release 4", r.Pages[0].Findings[2].Suppressed, "page waivers are kept")
}

func TestSuppressionsByFingerprint(t *testing.T) {
	r := flowSample(t)
	pages, _ := report.Fingerprints(r)
	s, err := report.ParseSuppressions([]byte("- fingerprint: "+pages[1][0]+"\n  reason: accepted by the product owner\n"), "s.yaml")
	require.NoError(t, err)
	_, err = s.Apply(r, time.Now())
	require.NoError(t, err)
	assert.Equal(t, "accepted by the product owner", r.Pages[1].Findings[0].Suppressed)
}

func TestSuppressionExpired(t *testing.T) {
	s, err := report.ParseSuppressions([]byte(suppressions), "suppressions.yaml")
	require.NoError(t, err)
	r := flowSample(t)
	a, err := s.Apply(r, time.Date(2027, 1, 1, 8, 0, 0, 0, time.UTC))
	require.Error(t, err)
	assert.True(t, errors.Is(err, report.ErrSuppressionExpired))
	assert.Contains(t, err.Error(), "suppressions.yaml:2:")
	assert.Contains(t, err.Error(), "expired on 2026-12-31")
	require.Len(t, a.Expired, 1)
	assert.Empty(t, r.Pages[0].Findings[0].Suppressed, "an expired waiver waives nothing")
}

func TestSuppressionsErrorsNameLines(t *testing.T) {
	for src, want := range map[string]string{
		"- rule: x\n":   "s.yaml:1: an entry needs a reason",
		"- reason: r\n": "s.yaml:1: an entry needs a rule or a fingerprint",
		"- rule: x\n  reason: r\n- rule: y\n  reson: r\n": `s.yaml:3: unknown key "reson"`,
		"- rule: x\n  reason: r\n  expires: soon\n":       `s.yaml:1: expires "soon"`,
		"suppressions: 3\n":                               "s.yaml:1: suppressions must be a list",
		"other: 1\n":                                      `s.yaml:1: unknown key "other"`,
		"- rule: [a, b]\n  reason: r\n":                   "rule must be a single value",
		"- rule: x\n  reason: r\n  x: [\n":                "s.yaml",
	} {
		_, err := report.ParseSuppressions([]byte(src), "s.yaml")
		if assert.Error(t, err, src) {
			assert.Contains(t, err.Error(), want, src)
		}
	}
	s, err := report.ParseSuppressions(nil, "empty.yaml")
	require.NoError(t, err)
	assert.Empty(t, s.Entries)
}

func TestLoadSuppressions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.yaml")
	require.NoError(t, os.WriteFile(path, []byte(suppressions), 0o644))
	s, err := report.LoadSuppressions(path)
	require.NoError(t, err)
	assert.Equal(t, path, s.File)
	_, err = report.LoadSuppressions(filepath.Join(t.TempDir(), "missing.yaml"))
	assert.Error(t, err)
}

func TestSuppressionGlobs(t *testing.T) {
	r := onePage("https://e.example.se/ansokan/steg-2", fail("color-contrast", "main > p", "/html[1]/body[1]/main[1]/p[1]", "<p>x</p>"))
	for pattern, want := range map[string]bool{
		"url: \"https://e.example.se/*\"":              true,
		"url: \"https://e.example.se/ansokan/steg-?\"": true,
		"url: \"https://e.example.se/\"":               false,
		"selector: \"main > *\"":                       true,
		"selector: \"main > p*\"":                      true,
		"selector: \"div*\"":                           false,
	} {
		r2 := onePage(r.Pages[0].URL, r.Pages[0].Findings[0])
		s, err := report.ParseSuppressions([]byte("- rule: color-*\n  "+pattern+"\n  reason: ok\n"), "s.yaml")
		require.NoError(t, err)
		_, err = s.Apply(r2, time.Now())
		require.NoError(t, err)
		assert.Equal(t, want, r2.Pages[0].Findings[0].Suppressed != "", pattern)
	}
	passed := onePage("u", a11y.Finding{Rule: "x", Outcome: a11y.Passed})
	s, _ := report.ParseSuppressions([]byte("- rule: x\n  reason: r\n"), "s.yaml")
	_, err := s.Apply(passed, time.Now())
	require.NoError(t, err)
	assert.Empty(t, passed.Pages[0].Findings[0].Suppressed, "passes are not waived")
}
