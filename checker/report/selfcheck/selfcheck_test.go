// Package selfcheck runs Delaktig's own rules over the HTML report, so that
// the report practises what it preaches. It is a separate test package so
// that the report package's tests do not depend on the rule set.
package selfcheck_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inaccessiblePage gives the rules something to find, with hostile text.
const inaccessiblePage = `<!doctype html><html><head><title>` + "\u202e" + `Ansökan &lt;script&gt;</title>
<meta http-equiv="refresh" content="5; url=next.html">
<meta name="viewport" content="width=device-width, user-scalable=no">
</head><body>
<p lang="xx-!!">Hej</p>
<table><tr><th>Namn</th></tr></table>
<input autocomplete="nonsense" onfocus="alert(1)" value='"><img src=x onerror=alert(1)>'>
<p style="letter-spacing: 0.01em !important">Text</p>
<iframe tabindex="-1" srcdoc="<a href=x>x</a>"></iframe>
</body></html>`

func checkPage(t *testing.T, src, url string) report.Page {
	t.Helper()
	doc, err := a11y.FromHTMLString(src, url)
	require.NoError(t, err)
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rules.All()...))
	require.NoError(t, err)
	return report.NewPage(doc, res)
}

func TestHTMLReportPassesOwnRules(t *testing.T) {
	p1 := checkPage(t, inaccessiblePage, "http://127.0.0.1:8080/ansokan")
	p1.Step = "Ansökan"
	p2 := checkPage(t, `<!doctype html><html lang="sv"><head><title>Klart</title></head><body><main><h1>Klart</h1></main></body></html>`, "http://127.0.0.1:8080/klart")
	p2.Step = "Klart"
	r := report.Build(p1, p2)
	r.Flow = &report.Flow{Name: "Ansök om parkeringstillstånd", Steps: 2}
	r.Generated = time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	r.AddError("cannot load http://127.0.0.1:8080/saknas: 404")
	require.Positive(t, r.Summary.Failed, "the page under test has failures to show")
	old := report.Build(p2)
	diff := report.Diff(old, r)
	x := &report.Extras{
		Rules:   rules.All(),
		Diff:    &diff,
		History: []report.HistoryPoint{{When: time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), Label: "run-1", Failed: 4, ByImpact: [5]int{0, 1, 1, 1, 1}}},
	}
	for _, lang := range []string{"en", "sv", "nb"} {
		t.Run(lang, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, report.WriteHTMLWith(&b, r, report.Options{Lang: lang, Outcomes: report.AllOutcomes()}, x))
			selfCheck(t, &b)
		})
	}
	for _, j := range []report.Jurisdiction{report.Sweden, report.Norway} {
		t.Run("statement-"+string(j), func(t *testing.T) {
			s, err := report.DraftStatement(j, r, report.StatementInput{Rules: rules.All(),
				Org: report.Organisation{Name: "Sundsvalls kommun", Service: "Parkeringstillstånd", ContactEmail: "a@example.se"}})
			require.NoError(t, err)
			var b bytes.Buffer
			require.NoError(t, s.WriteHTML(&b))
			selfCheck(t, &b)
		})
	}
}

// selfCheck runs every default rule over an HTML page and fails on any
// failed finding; questions left for a person are logged.
func selfCheck(t *testing.T, b *bytes.Buffer) {
	t.Helper()
	doc, err := a11y.FromHTML(b, "report.html")
	require.NoError(t, err)
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rules.All()...))
	require.NoError(t, err)
	failed := 0
	for _, f := range res.Findings {
		switch f.Outcome {
		case a11y.Failed:
			failed++
			t.Errorf("report fails %s at %s: %s", f.Rule, f.Selector, f.Message)
		case a11y.CantTell:
			t.Logf("to check by hand: %s at %s: %s", f.Rule, f.Selector, f.Message)
		}
	}
	assert.Zero(t, failed)
}
