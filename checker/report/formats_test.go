package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name    string `xml:"name,attr"`
			Failure *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnit(t *testing.T) {
	var doc junitDoc
	out := render(t, func(b *bytes.Buffer) error { return report.WriteJUnit(b, flowSample(t), report.Options{}) })
	require.NoError(t, xml.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Suites, 3, "two steps and the flow")
	assert.Equal(t, "Step 1: Startsida", doc.Suites[0].Name)
	assert.Equal(t, 7, doc.Tests)
	assert.Equal(t, 3, doc.Failures)
	assert.Equal(t, 2, doc.Skipped)
	s2 := doc.Suites[1]
	byName := map[string]int{}
	for i, c := range s2.Cases {
		byName[c.Name] = i
	}
	contrast := s2.Cases[byName["demo-contrast: demo-contrast"]]
	require.NotNil(t, contrast.Failure)
	assert.Equal(t, "serious", contrast.Failure.Type, "type is the impact")
	assert.Contains(t, contrast.Failure.Body, "#namn-hjalp: Text contrast is 2.9:1")
	label := s2.Cases[byName["demo-label: demo-label"]]
	require.NotNil(t, label.Skipped, "cantTell is skipped")
	title := s2.Cases[byName["demo-title: demo-title"]]
	assert.Nil(t, title.Failure)
	assert.Nil(t, title.Skipped, "passed")

	// A rule whose only failures are waived is skipped with the reason.
	r := flowSample(t)
	r.Pages[0].Findings[0].Suppressed = "known"
	r.Summarize()
	doc = junitDoc{}
	require.NoError(t, xml.Unmarshal([]byte(render(t, func(b *bytes.Buffer) error { return report.WriteJUnit(b, r, report.Options{}) })), &doc))
	img := doc.Suites[0].Cases[0]
	require.NotNil(t, img.Skipped)
	assert.Equal(t, "Hidden in the page with data-a11y-ignore: known", img.Skipped.Message, "waived in the page")

	// Page load errors are counted as errors.
	doc = junitDoc{}
	require.NoError(t, xml.Unmarshal([]byte(render(t, func(b *bytes.Buffer) error { return report.WriteJUnit(b, sample(t), report.Options{Lang: "sv"}) })), &doc))
	assert.Equal(t, 1, doc.Errors)
}

func TestEARL(t *testing.T) {
	out := render(t, func(b *bytes.Buffer) error {
		return report.WriteEARL(b, flowSample(t), report.Options{Outcomes: report.AllOutcomes()})
	})
	var doc struct {
		Context map[string]string `json:"@context"`
		Graph   []map[string]any  `json:"@graph"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "http://www.w3.org/ns/earl#", doc.Context["earl"])
	assert.Equal(t, "http://purl.org/dc/terms/", doc.Context["dct"])
	assert.Equal(t, "https://schema.org/", doc.Context["sch"])
	outcomes := map[string]int{}
	tests := map[string]bool{}
	for _, n := range doc.Graph[1:] {
		assert.Equal(t, "earl:Assertion", n["@type"])
		assert.Equal(t, "_:assertor", n["earl:assertedBy"].(map[string]any)["@id"])
		res := n["earl:result"].(map[string]any)
		outcomes[res["earl:outcome"].(map[string]any)["@id"].(string)]++
		tests[n["earl:test"].(map[string]any)["@id"].(string)] = true
		subj := n["earl:subject"].(map[string]any)
		assert.True(t, strings.HasPrefix(subj["dct:source"].(string), "http://127.0.0.1:8080/"))
	}
	assert.Equal(t, 4, outcomes["earl:failed"])
	assert.Equal(t, 2, outcomes["earl:cantTell"])
	assert.Equal(t, 3, outcomes["earl:passed"])
	assert.True(t, tests["https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/"], "ACT rule as the test")
	assert.True(t, tests["_:rule-demo-contrast"], "our rule when there is no ACT rule")
	assert.Contains(t, out, `"ptr:expression": "#logo"`)
	assert.Contains(t, out, `"@id": "earl:automatic"`)
}

func TestMarkdown(t *testing.T) {
	r := flowSample(t)
	x := flowExtras(t, r)
	out := render(t, func(b *bytes.Buffer) error { return report.WriteMarkdownWith(b, r, report.Options{}, x) })
	assert.Contains(t, out, "**3** failed · **2** to check by a person · 2 pages checked")
	assert.Contains(t, out, "Since the baseline: **1** new · **1** fixed · 4 unchanged")
	assert.Contains(t, out, "| demo\\-img `demo-img` | 1.1.1 | 1 |")
	assert.Contains(t, out, "### New findings\n\n1. **Serious** · demo\\-contrast — `#namn-hjalp`")
	assert.Contains(t, out, "Waived findings: 1")
	assert.Less(t, strings.Index(out, "**Critical**"), strings.Index(out, "**Moderate**"), "worst first")

	// Ten findings at most.
	many := flowSample(t)
	for i := 0; i < 30; i++ {
		many.Pages[1].Findings = append(many.Pages[1].Findings, many.Pages[1].Findings[0])
	}
	many.Summarize()
	out = render(t, func(b *bytes.Buffer) error { return report.WriteMarkdown(b, many, report.Options{}) })
	assert.Contains(t, out, "… and 23 more.")
	assert.NotContains(t, out, "\n11. ")

	clean := report.Build(report.Page{URL: "a.html"})
	out = render(t, func(b *bytes.Buffer) error { return report.WriteMarkdown(b, clean, report.Options{Lang: "nb"}) })
	assert.Contains(t, out, "De automatiske kontrollene fant ingen feil.")
}
