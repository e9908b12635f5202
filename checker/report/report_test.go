package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// demoImg fails images without an alt attribute and passes the others. Its
// message keys are not in the catalogs, so they render as the keys.
var demoImg = &a11y.Rule{
	ID: "demo-img", WCAG: []string{"1.1.1"}, ACT: []string{"23a2a8"}, EN301549: []string{"9.1.1.1"},
	Impact: a11y.Critical, Needs: a11y.NeedsDOM, Messages: []a11y.Msg{"demo-img.no-alt", "demo-img.alt"},
	Run: func(p *a11y.Pass) error {
		for img := range p.Elements(atom.Img) {
			if !img.Has("alt") {
				p.Fail(img, "demo-img.no-alt", a11y.Data{"src": img.Get("src")})
			} else {
				p.Pass(img, "demo-img.alt")
			}
		}
		return nil
	},
}

// demoLayout needs layout, which a static document lacks: the engine
// answers one page-level cantTell for it.
var demoLayout = &a11y.Rule{
	ID: "demo-layout", WCAG: []string{"1.4.3"}, EN301549: []string{"9.1.4.3"},
	Impact: a11y.Serious, Needs: a11y.NeedsDOM | a11y.NeedsLayout, Messages: []a11y.Msg{"demo-layout.x"},
	Run: func(*a11y.Pass) error { return nil },
}

// demoMinor fails every <b> with a minor impact.
var demoMinor = &a11y.Rule{
	ID: "demo-minor", WCAG: []string{"1.3.1"}, EN301549: []string{"9.1.3.1"},
	Impact: a11y.Minor, Needs: a11y.NeedsDOM, Messages: []a11y.Msg{"demo-minor.b"},
	Run: func(p *a11y.Pass) error {
		for b := range p.Elements(atom.B) {
			p.Fail(b, "demo-minor.b")
		}
		return nil
	},
}

// hostile holds terminal escapes and bidi controls in content that reaches
// the report: the title, an attribute shown in the snippet and message data.
const hostilePage = "<!doctype html><html lang=\"sv\"><head><title>Ansökan \x1b[2J\x1b]0;pwned\x07 \u202eevil\u202c</title></head><body>\n" +
	"<main>\n" +
	"<img src=\"logo.png\">\n" +
	"<img src=\"karta.png\" alt=\"Karta\">\n" +
	"<img src=\"evil\x1b[31m\u2067.png\">\n" +
	"<img src=\"deco.png\" data-a11y-ignore=\"demo-img: decorative border\">\n" +
	"<div data-a11y-ignore=\"demo-img\"><b>x</b></div>\n" +
	"</main></body></html>"

const cleanPage = `<!doctype html><html lang="en"><head><title>Start</title></head><body><p>Hello</p></body></html>`

func check(t *testing.T, src, url string, rules ...*a11y.Rule) report.Page {
	t.Helper()
	doc, err := a11y.FromHTMLString(src, url)
	require.NoError(t, err)
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rules...))
	require.NoError(t, err)
	return report.NewPage(doc, res)
}

func sample(t *testing.T) *report.Report {
	t.Helper()
	rules := []*a11y.Rule{demoImg, demoLayout, demoMinor}
	r := report.Build(
		check(t, hostilePage, "http://127.0.0.1/ansokan", rules...),
		check(t, cleanPage, "start.html", demoImg, demoMinor),
	)
	r.Tool.Version = "test"
	r.Generated = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	r.AddError("cannot load missing.html: open missing.html: no such file or directory")
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./checker/report -update to create the golden files")
	assert.Equal(t, string(want), string(got), "output differs from %s (run go test ./checker/report -update after checking the change)", path)
}

func TestGolden(t *testing.T) {
	r := sample(t)
	for _, tc := range []struct {
		file string
		opts report.Options
	}{
		{"golden.json", report.Options{}},
		{"golden.all.json", report.Options{Outcomes: report.AllOutcomes(), Lang: "sv"}},
		{"golden.en.txt", report.Options{Color: report.ColorNever}},
		{"golden.sv.txt", report.Options{Lang: "sv", Color: report.ColorNever}},
		{"golden.nb.txt", report.Options{Lang: "nb", Color: report.ColorNever}},
		{"golden.all.en.txt", report.Options{Outcomes: report.AllOutcomes(), Color: report.ColorNever}},
		{"golden.color.txt", report.Options{Color: report.ColorAlways}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			name := map[string]string{".json": "json", ".txt": "text"}[filepath.Ext(tc.file)]
			f, ok := report.FormatByName(name)
			require.True(t, ok)
			var buf bytes.Buffer
			require.NoError(t, f.Write(&buf, r, tc.opts))
			golden(t, tc.file, buf.Bytes())
		})
	}
}

func TestSummary(t *testing.T) {
	r := sample(t)
	s := r.Summary
	// Page 1: two images without alt fail, the suppression without a reason
	// fails (engine), <b> fails (demo-minor), demo-layout cantTell; the
	// decorative image's failure is suppressed.
	assert.Equal(t, 4, s.Failed)
	assert.Equal(t, 1, s.CantTell)
	assert.Equal(t, 1, s.Passed)
	assert.Equal(t, 1, s.Suppressed)
	assert.Equal(t, 2, s.Pages)
	assert.Equal(t, 1, s.Errors)
	assert.Equal(t, []string{"demo-img", "demo-minor", "engine"}, s.RulesFailed)
	assert.Equal(t, 4, r.Failures(0))
	assert.Equal(t, 2, r.Failures(a11y.Critical))
	assert.Equal(t, 3, r.Failures(a11y.Moderate))
	assert.Equal(t, "sv", r.Pages[0].Lang)
	assert.Equal(t, a11y.ModeStatic, r.Pages[0].Mode)
	assert.Equal(t, "Start", r.Pages[1].Title)
}

func TestJSONShape(t *testing.T) {
	r := sample(t)
	var buf bytes.Buffer
	require.NoError(t, report.WriteJSON(&buf, r, report.Options{}))
	var m map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
	assert.EqualValues(t, 1, m["schema"])
	tool := m["tool"].(map[string]any)
	assert.Equal(t, "delaktig", tool["name"])
	assert.Equal(t, "test", tool["version"])
	pages := m["pages"].([]any)
	require.Len(t, pages, 2)
	p0 := pages[0].(map[string]any)
	for _, k := range []string{"url", "step", "title", "lang", "mode", "findings"} {
		assert.Contains(t, p0, k)
	}
	fs := p0["findings"].([]any)
	require.NotEmpty(t, fs)
	for _, f := range fs {
		f := f.(map[string]any)
		assert.Contains(t, []any{"failed", "cantTell"}, f["outcome"], "default lists failed and cantTell only")
		for _, k := range []string{"rule", "outcome", "wcag", "act", "en301549", "message"} {
			assert.Contains(t, f, k)
		}
	}
	// A page without findings still has an empty array, not null.
	assert.Equal(t, []any{}, pages[1].(map[string]any)["findings"])
	sum := m["summary"].(map[string]any)
	assert.EqualValues(t, 4, sum["failed"])
	assert.EqualValues(t, 1, sum["cantTell"])
	assert.Equal(t, []any{"demo-img", "demo-minor", "engine"}, sum["rules_failed"])

	// Round trip.
	back, err := report.ReadJSON(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, r.Summary, back.Summary)
	assert.Equal(t, r.Pages[0].Title, back.Pages[0].Title, "bidi escapes decode to the same text")
}

func TestJSONEscapesBidi(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.WriteJSON(&buf, sample(t), report.Options{}))
	out := buf.String()
	assert.NotContains(t, out, "\u202e")
	assert.NotContains(t, out, "\u2067")
	assert.NotContains(t, out, "\x1b")
	assert.Contains(t, out, `\u202e`)
	assert.Contains(t, out, `<img src=\"logo.png\">`, "HTML in snippets is not \\u003c-escaped")
}

func TestTextEscapesPageContent(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, report.WriteText(&buf, sample(t), report.Options{Color: report.ColorNever}))
	out := buf.String()
	assert.NotContains(t, out, "\x1b", "no escape character reaches the terminal")
	assert.NotContains(t, out, "\x07")
	assert.NotContains(t, out, "\u202e")
	assert.NotContains(t, out, "\u2067")
	assert.Contains(t, out, `Ansökan \x1b[2J\x1b]0;pwned\x07 \u202eevil\u202c`)
}

func TestTextColour(t *testing.T) {
	r := sample(t)
	var plain, col bytes.Buffer
	require.NoError(t, report.WriteText(&plain, r, report.Options{}))
	assert.NotContains(t, plain.String(), "\x1b[", "ColorAuto does not colour a buffer")
	require.NoError(t, report.WriteText(&col, r, report.Options{Color: report.ColorAlways}))
	assert.Contains(t, col.String(), "\x1b[31m")
	// Colour never lets page content's escapes through.
	assert.NotContains(t, col.String(), "\x1b[2J")
}

func TestTextLanguage(t *testing.T) {
	r := sample(t)
	var sv, en bytes.Buffer
	require.NoError(t, report.WriteText(&sv, r, report.Options{Lang: "sv-SE"}))
	require.NoError(t, report.WriteText(&en, r, report.Options{Lang: "en"}))
	assert.Contains(t, sv.String(), "Tillgänglighetsrapport")
	assert.Contains(t, sv.String(), "Underkänd [Kritisk]")
	assert.Contains(t, sv.String(), "Kontroller som verktyget inte kunde slutföra", "engine title in Swedish")
	assert.Contains(t, sv.String(), "Den här kontrollen behöver sidan som den visas", "engine message rendered in Swedish")
	assert.Contains(t, en.String(), "Failed [Critical]")
	// The report itself is not changed by writing it in another language.
	assert.Equal(t, "", r.Locale)
	assert.NotContains(t, r.Pages[0].Findings[0].Message, "Den här")
}

func TestOutcomeFilter(t *testing.T) {
	r := sample(t)
	var buf bytes.Buffer
	require.NoError(t, report.WriteJSON(&buf, r, report.Options{Outcomes: []a11y.Outcome{a11y.Passed}}))
	back, err := report.ReadJSON(&buf)
	require.NoError(t, err)
	require.Len(t, back.Pages[0].Findings, 1)
	assert.Equal(t, a11y.Passed, back.Pages[0].Findings[0].Outcome)

	buf.Reset()
	require.NoError(t, report.WriteJSON(&buf, r, report.Options{Outcomes: report.AllOutcomes()}))
	back, err = report.ReadJSON(&buf)
	require.NoError(t, err)
	suppressed := 0
	for _, f := range back.Pages[0].Findings {
		if f.Suppressed != "" {
			suppressed++
			assert.Equal(t, "decorative border", f.Suppressed)
		}
	}
	assert.Equal(t, 1, suppressed, "every outcome lists suppressed findings too")
}

func TestReadJSONRejectsOtherSchema(t *testing.T) {
	_, err := report.ReadJSON(strings.NewReader(`{"schema": 2}`))
	require.Error(t, err)
	_, err = report.ReadJSON(strings.NewReader(`{`))
	require.Error(t, err)
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":           "plain",
		"Åsa Øre æ ضياء":  "Åsa Øre æ ضياء",
		"a\x1b[31mb":      `a\x1b[31mb`,
		"tab\tnew\nline":  "tab new line",
		"\u202egnp.exe":   `\u202egnp.exe`,
		"c1\u009bx":       `c1\u9bx`,
		"bad\xffutf8":     `bad\xffutf8`,
		"del\x7f":         `del\x7f`,
		"keep \ufffd as":  "keep \ufffd as",
		"\u2066iso\u2069": `\u2066iso\u2069`,
	} {
		assert.Equal(t, want, report.Clean(in), "Clean(%q)", in)
	}
}

func TestFormats(t *testing.T) {
	names := report.FormatNames()
	require.GreaterOrEqual(t, len(names), 2)
	assert.Equal(t, []string{"text", "json"}, names[:2], "text is the default and comes first")
	for _, f := range report.Formats() {
		g, ok := report.FormatByName(f.Name)
		require.True(t, ok, f.Name)
		assert.Equal(t, f.Ext, g.Ext)
		assert.True(t, strings.HasPrefix(f.Ext, "."), f.Name)
		var buf bytes.Buffer
		require.NoError(t, f.Write(&buf, sample(t), report.Options{Color: report.ColorNever}), f.Name)
		assert.NotEmpty(t, buf.Bytes(), f.Name)
	}
	_, ok := report.FormatByName("pdf")
	assert.False(t, ok)
}

func TestNewPageWithoutResult(t *testing.T) {
	doc, err := a11y.FromHTMLString("", "empty.html")
	require.NoError(t, err)
	p := report.NewPage(doc, nil)
	assert.Equal(t, "empty.html", p.URL)
	assert.Empty(t, p.Findings)
	assert.NotNil(t, p.Findings)
	r := report.Build(p)
	assert.Equal(t, 0, r.Summary.Failed)
	assert.Equal(t, []string{}, r.Summary.RulesFailed)
}
