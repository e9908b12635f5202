package report_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flowSample is a two-step flow with boxes on its findings, a flow-level
// finding, readability figures and a waived finding: what a browser audit
// gives the writers.
func flowSample(t testing.TB) *report.Report {
	t.Helper()
	img := func(sel, xp, snip string, out a11y.Outcome, imp a11y.Impact, box *a11y.Rect) a11y.Finding {
		return a11y.Finding{Rule: "demo-img", Outcome: out, WCAG: []string{"1.1.1"}, Level: "A", ACT: []string{"23a2a8"},
			EN301549: []string{"9.1.1.1"}, Selector: sel, XPath: xp, Snippet: snip, Impact: imp, Box: box,
			Message: "Image has no text alternative", Help: "Give the image an alt attribute."}
	}
	contrast := a11y.Finding{Rule: "demo-contrast", Outcome: a11y.Failed, WCAG: []string{"1.4.3"}, Level: "AA", ACT: []string{},
		EN301549: []string{"9.1.4.3"}, Selector: "#namn-hjalp", XPath: "/html[1]/body[1]/main[1]/form[1]/p[1]",
		Snippet: `<p id="namn-hjalp">Skriv ditt namn</p>`, Impact: a11y.Serious, Box: &a11y.Rect{X: 40, Y: 300, Width: 300, Height: 20},
		Message: "Text contrast is 2.9:1; at least 4.5:1 is needed", Help: "Make the text darker."}
	label := a11y.Finding{Rule: "demo-label", Outcome: a11y.CantTell, WCAG: []string{"3.3.2", "1.3.1"}, Level: "A", ACT: []string{},
		EN301549: []string{"9.3.3.2", "9.1.3.1"}, Selector: "#pnr", XPath: "/html[1]/body[1]/main[1]/form[1]/input[2]",
		Snippet: `<input id="pnr" name="pnr">`, Impact: a11y.Moderate, Question: "is-decorative", Box: &a11y.Rect{X: 40, Y: 360, Width: 200, Height: 30},
		Message: "Check that the field's label says what to write", Help: "Give every field a visible label."}
	passed := a11y.Finding{Rule: "demo-title", Outcome: a11y.Passed, WCAG: []string{"2.4.2"}, Level: "A", ACT: []string{"2779a5"},
		EN301549: []string{"9.2.4.2"}, Selector: "html", XPath: "/html[1]", Message: "The page has a title"}
	needs := a11y.Finding{Rule: "demo-reflow", Outcome: a11y.CantTell, WCAG: []string{"1.4.10"}, Level: "AA", ACT: []string{},
		EN301549: []string{"9.1.4.10"}, Selector: "html", XPath: "/html[1]", Key: "engine.needs-layout", Impact: a11y.Serious,
		Data: a11y.Data{"needs": "layout"}}
	waived := img("main > img:nth-of-type(3)", "/html[1]/body[1]/main[1]/img[3]", `<img src="deco.png">`, a11y.Failed, a11y.Critical, nil)
	waived.Suppressed = "Decorative border, alt text follows in release 4"
	p1 := report.Page{URL: "http://127.0.0.1:8080/", Step: "Startsida", Title: "Ansök om parkeringstillstånd", Lang: "sv", Mode: a11y.ModeBrowser,
		Findings: []a11y.Finding{
			img("#logo", "/html[1]/body[1]/header[1]/img[1]", `<img id="logo" src="logo.png?v=12">`, a11y.Failed, a11y.Critical, &a11y.Rect{X: 10, Y: 10, Width: 120, Height: 40}),
			img("main > img:nth-of-type(2)", "/html[1]/body[1]/main[1]/img[2]", `<img src="karta.png" alt="Karta">`, a11y.Passed, a11y.Critical, nil),
			waived, passed,
		},
		Readability: map[string]any{"lang": "sv", "lix": 41.2, "words": 312},
	}
	p2 := report.Page{URL: "http://127.0.0.1:8080/steg-2", Step: "Personuppgifter", Title: "Dina uppgifter", Lang: "sv", Mode: a11y.ModeBrowser,
		Findings:   []a11y.Finding{contrast, label, needs, passed},
		Complexity: map[string]any{"fields": 7, "required": 5},
	}
	r := report.Build(p1, p2)
	r.Flow = &report.Flow{Name: "Ansök om parkeringstillstånd", Steps: 2, Findings: []a11y.Finding{{
		Rule: "demo-flow-help", Outcome: a11y.Failed, WCAG: []string{"3.2.6"}, Level: "A", ACT: []string{}, Impact: a11y.Moderate,
		Step: "Personuppgifter", Message: "The help link moved from the header to the footer"}}}
	r.Summarize()
	r.Tool.Version = "test"
	r.Generated = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	return r
}

// pngOf makes a plain PNG of the given size.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			m.Set(x, y, color.RGBA{0xf0, 0xf0, 0xf0, 0xff})
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, m))
	return b.Bytes()
}

func flowExtras(t testing.TB, r *report.Report) *report.Extras {
	old := flowSample(t)
	old.Pages[1].Findings = old.Pages[1].Findings[1:]
	old.Pages[0].Findings = append(old.Pages[0].Findings, old.Pages[1].Findings[0])
	old.Pages[0].Findings[len(old.Pages[0].Findings)-1].Rule = "demo-gone"
	diff := report.Diff(old, r)
	return &report.Extras{
		Screenshots: map[string][]byte{"Startsida": pngOf(t, 400, 300), "Personuppgifter": pngOf(t, 400, 500)},
		Diff:        &diff,
		History: []report.HistoryPoint{
			{When: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), Label: "run-1/report.json", Failed: 9, ByImpact: [5]int{0, 1, 2, 3, 3}, CantTell: 4},
			{When: time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC), Label: "run-2/report.json", Failed: 6, ByImpact: [5]int{0, 1, 1, 2, 2}, CantTell: 3},
		},
	}
}

func render(t testing.TB, fn func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, fn(&b))
	return b.String()
}

func TestWriterGoldens(t *testing.T) {
	r := flowSample(t)
	x := flowExtras(t, r)
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"golden.sarif", func(b *bytes.Buffer) error { return report.WriteSARIFWith(b, r, report.Options{}, x) }},
		{"golden.all.sarif", func(b *bytes.Buffer) error {
			return report.WriteSARIF(b, r, report.Options{Outcomes: report.AllOutcomes(), Lang: "sv"})
		}},
		{"golden.junit.xml", func(b *bytes.Buffer) error { return report.WriteJUnit(b, r, report.Options{}) }},
		{"golden.earl.jsonld", func(b *bytes.Buffer) error { return report.WriteEARL(b, r, report.Options{}) }},
		{"golden.md", func(b *bytes.Buffer) error { return report.WriteMarkdownWith(b, r, report.Options{}, x) }},
		{"golden.sv.md", func(b *bytes.Buffer) error { return report.WriteMarkdown(b, r, report.Options{Lang: "sv"}) }},
		{"golden.html", func(b *bytes.Buffer) error { return report.WriteHTMLWith(b, r, report.Options{}, x) }},
		{"golden.nb.html", func(b *bytes.Buffer) error { return report.WriteHTML(b, r, report.Options{Lang: "nb"}) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			golden(t, tc.file, []byte(render(t, tc.write)))
		})
	}
}

// Writing a report twice gives the same bytes, and does not change it.
func TestWritersDeterministic(t *testing.T) {
	r := flowSample(t)
	before, err := json.Marshal(r)
	require.NoError(t, err)
	for name, w := range map[string]func(*bytes.Buffer, *report.Report) error{
		"html":  func(b *bytes.Buffer, r *report.Report) error { return report.WriteHTML(b, r, report.Options{}) },
		"sarif": func(b *bytes.Buffer, r *report.Report) error { return report.WriteSARIF(b, r, report.Options{}) },
		"junit": func(b *bytes.Buffer, r *report.Report) error { return report.WriteJUnit(b, r, report.Options{}) },
		"earl":  func(b *bytes.Buffer, r *report.Report) error { return report.WriteEARL(b, r, report.Options{}) },
		"md":    func(b *bytes.Buffer, r *report.Report) error { return report.WriteMarkdown(b, r, report.Options{}) },
	} {
		a := render(t, func(b *bytes.Buffer) error { return w(b, r) })
		b := render(t, func(b *bytes.Buffer) error { return w(b, r) })
		assert.Equal(t, a, b, name)
	}
	after, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after), "writers leave the report as it was")
}
