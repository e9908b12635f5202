package report_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
)

// bigReport makes a flow of ten steps with fifty findings each: failures
// of every impact, questions and passes, as a large audit gives.
func bigReport(tb testing.TB) *report.Report {
	tb.Helper()
	rules := []struct {
		id, sc string
		imp    a11y.Impact
	}{{"image-alt", "1.1.1", a11y.Critical}, {"color-contrast", "1.4.3", a11y.Serious}, {"label", "3.3.2", a11y.Critical},
		{"heading-order", "1.3.1", a11y.Moderate}, {"target-size", "2.5.8", a11y.Minor}}
	var pages []report.Page
	for s := 0; s < 10; s++ {
		p := report.Page{URL: fmt.Sprintf("http://127.0.0.1:8080/steg-%d", s+1), Step: fmt.Sprintf("Steg %d", s+1),
			Title: "Ansök om parkeringstillstånd", Lang: "sv", Mode: a11y.ModeBrowser}
		for i := 0; i < 50; i++ {
			r := rules[i%len(rules)]
			out := a11y.Failed
			switch i % 7 {
			case 3:
				out = a11y.CantTell
			case 5:
				out = a11y.Passed
			}
			p.Findings = append(p.Findings, a11y.Finding{
				Rule: r.id, Outcome: out, WCAG: []string{r.sc}, Level: "A", ACT: []string{}, Impact: r.imp,
				Selector: fmt.Sprintf("main > form > div:nth-of-type(%d) > input", i+1),
				XPath:    fmt.Sprintf("/html[1]/body[1]/main[1]/form[1]/div[%d]/input[1]", i+1),
				Snippet:  fmt.Sprintf(`<input id="f%d" name="falt-%d" type="text" autocomplete="off">`, i, i),
				Message:  "Fältet saknar en synlig etikett som säger vad man ska skriva.",
				Help:     "Ge varje fält en synlig etikett med <label for>.",
				Box:      &a11y.Rect{X: 40, Y: float64(100 + 40*i), Width: 300, Height: 30},
			})
		}
		pages = append(pages, p)
	}
	r := report.Build(pages...)
	r.Generated = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	return r
}

// BenchmarkWriters writes a 500-finding report in every format and reports
// the output size.
func BenchmarkWriters(b *testing.B) {
	r := bigReport(b)
	for _, w := range allWriters(nil) {
		b.Run(w.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				var buf bytes.Buffer
				if err := w.write(&buf, r); err != nil {
					b.Fatal(err)
				}
				n = buf.Len()
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// BenchmarkWriteHTMLDefault is the HTML report as the CLI writes it:
// failed and cantTell only.
func BenchmarkWriteHTMLDefault(b *testing.B) {
	r := bigReport(b)
	var n int
	for b.Loop() {
		var buf bytes.Buffer
		if err := report.WriteHTML(&buf, r, report.Options{}); err != nil {
			b.Fatal(err)
		}
		n = buf.Len()
	}
	b.ReportMetric(float64(n), "bytes")
}

func BenchmarkFingerprints(b *testing.B) {
	r := bigReport(b)
	for b.Loop() {
		report.Fingerprints(r)
	}
}
