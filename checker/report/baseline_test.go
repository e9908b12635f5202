package report_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func onePage(url string, fs ...a11y.Finding) *report.Report {
	return report.Build(report.Page{URL: url, Findings: fs})
}

func fail(rule, sel, xpath, snippet string) a11y.Finding {
	return a11y.Finding{Rule: rule, Outcome: a11y.Failed, Selector: sel, XPath: xpath, Snippet: snippet, Impact: a11y.Serious}
}

func fp(t *testing.T, r *report.Report) []string {
	t.Helper()
	pages, _ := report.Fingerprints(r)
	require.Len(t, pages, 1)
	return pages[0]
}

func TestFingerprintStable(t *testing.T) {
	base := fp(t, onePage("http://127.0.0.1:8080/ansokan?session=1",
		fail("label", "#ember123 > input", "/html[1]/body[1]/form[1]/input[2]", `<input id="ember124" name="pnr" type="text">`)))[0]

	for name, r := range map[string]*report.Report{
		"generated ids change": onePage("http://127.0.0.1:8080/ansokan?session=1",
			fail("label", "#ember977 > input", "/html[1]/body[1]/form[1]/input[2]", `<input id="ember978" name="pnr" type="text">`)),
		"element moves among siblings": onePage("http://127.0.0.1:8080/ansokan",
			fail("label", "form > input:nth-of-type(5)", "/html[1]/body[1]/form[1]/input[5]", `<input name="pnr" type="text" class="new-class">`)),
		"port and query change": onePage("http://localhost:9999/ansokan?session=2#top",
			fail("label", "#ember123 > input", "/html[1]/body[1]/form[1]/input[2]", `<input id="react-select-3-input" name="pnr" type="text" style="x">`)),
	} {
		assert.Equal(t, base, fp(t, r)[0], name)
	}
	for name, r := range map[string]*report.Report{
		"other rule":    onePage("http://127.0.0.1:8080/ansokan", fail("other", "", "/html[1]/body[1]/form[1]/input[2]", `<input name="pnr" type="text">`)),
		"other field":   onePage("http://127.0.0.1:8080/ansokan", fail("label", "", "/html[1]/body[1]/form[1]/input[2]", `<input name="email" type="text">`)),
		"other path":    onePage("http://127.0.0.1:8080/ansokan", fail("label", "", "/html[1]/body[1]/main[1]/form[1]/input[2]", `<input name="pnr" type="text">`)),
		"other page":    onePage("http://127.0.0.1:8080/kvitto", fail("label", "", "/html[1]/body[1]/form[1]/input[2]", `<input name="pnr" type="text">`)),
		"stable id set": onePage("http://127.0.0.1:8080/ansokan", fail("label", "", "/html[1]/body[1]/form[1]/input[2]", `<input id="pnr" name="pnr" type="text">`)),
	} {
		assert.NotEqual(t, base, fp(t, r)[0], name)
	}
}

func TestFingerprintDigitsAndDuplicates(t *testing.T) {
	a := fp(t, onePage("x", fail("r", "", "/html[1]/body[1]/p[1]", `<p>Uppdaterad 2026-09-01</p>`)))[0]
	b := fp(t, onePage("x", fail("r", "", "/html[1]/body[1]/p[1]", `<p>Uppdaterad 2026-10-15</p>`)))[0]
	assert.Equal(t, a, b, "dates do not change the fingerprint")
	two := fp(t, onePage("x",
		fail("image-alt", "main > img:nth-of-type(1)", "/html[1]/body[1]/main[1]/img[1]", `<img src="a.png">`),
		fail("image-alt", "main > img:nth-of-type(2)", "/html[1]/body[1]/main[1]/img[2]", `<img src="a.png">`)))
	assert.NotEqual(t, two[0], two[1])
	assert.Equal(t, two[0]+"-2", two[1], "equal findings are numbered in order")
	assert.Len(t, two[0], 32)
}

func TestFingerprintSteps(t *testing.T) {
	r := report.Build(report.Page{URL: "http://a/", Step: "Start", Findings: []a11y.Finding{fail("r", "", "/html[1]", "")}},
		report.Page{URL: "http://a/", Step: "Steg 2", Findings: []a11y.Finding{fail("r", "", "/html[1]", "")}})
	pages, _ := report.Fingerprints(r)
	assert.NotEqual(t, pages[0][0], pages[1][0], "same URL, different steps")
}

func TestDiff(t *testing.T) {
	keep := fail("label", "#a", "/html[1]/body[1]/input[1]", `<input name="a">`)
	gone := fail("image-alt", "img", "/html[1]/body[1]/img[1]", `<img src="a.png">`)
	added := fail("color-contrast", "p", "/html[1]/body[1]/p[1]", `<p>Hej</p>`)
	ask := a11y.Finding{Rule: "label", Outcome: a11y.CantTell, XPath: "/html[1]/body[1]/input[2]", Snippet: `<input name="b">`}
	waived := fail("x", "", "/html[1]/body[1]/div[1]", `<div>`)
	waived.Suppressed = "known"
	passed := a11y.Finding{Rule: "y", Outcome: a11y.Passed, XPath: "/html[1]"}
	old := onePage("http://a/", keep, gone, ask)
	cur := onePage("http://b:81/", keep, added, ask, waived, passed)
	d := report.Diff(old, cur)
	require.Len(t, d.New, 1)
	assert.Equal(t, "color-contrast", d.New[0].Finding.Rule)
	require.Len(t, d.Fixed, 1)
	assert.Equal(t, "image-alt", d.Fixed[0].Finding.Rule)
	assert.Len(t, d.Unchanged, 2)
	assert.Equal(t, 1, d.NewFailures(0))
	assert.Equal(t, 0, d.NewFailures(a11y.Critical))
	assert.Equal(t, report.StatusNew, d.Status(d.New[0].Fingerprint))
	assert.Equal(t, report.StatusUnchanged, d.Status(d.Unchanged[0].Fingerprint))
	assert.Equal(t, "", d.Status("nope"))

	// cantTell becoming failed is a new failure.
	failedNow := ask
	failedNow.Outcome = a11y.Failed
	d = report.Diff(onePage("u", ask), onePage("u", failedNow))
	assert.Equal(t, 1, d.NewFailures(0))
	assert.Len(t, d.Fixed, 1)

	var nilDiff *report.DiffResult
	assert.Equal(t, 0, nilDiff.NewFailures(0))
	assert.Equal(t, "", nilDiff.Status("x"))
}
