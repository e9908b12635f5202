package report_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatrix(t *testing.T) {
	r := flowSample(t)
	ran := []*a11y.Rule{
		{ID: "demo-img", WCAG: []string{"1.1.1"}},
		{ID: "demo-contrast", WCAG: []string{"1.4.3"}},
		{ID: "demo-label", WCAG: []string{"3.3.2", "1.3.1"}},
		{ID: "demo-title", WCAG: []string{"2.4.2"}},
		{ID: "demo-reflow", WCAG: []string{"1.4.10"}},
		{ID: "demo-flow-help", WCAG: []string{"3.2.6"}},
		{ID: "demo-tables", WCAG: []string{"1.3.2"}},
		{ID: "demo-text-spacing", WCAG: []string{"1.4.12"}},
	}
	m := report.BuildMatrix(r, ran)
	assert.Equal(t, 55, m.Total, "WCAG 2.2 A/AA without 4.1.1")
	assert.Len(t, m.Rows, 57, "plus 4.1.1 (EN 301 549 9.4.1.1) and 9.6")
	status := func(sc string) report.Coverage {
		row, ok := m.Row(sc)
		require.True(t, ok, sc)
		return row.Status
	}
	assert.Equal(t, report.CoverageFailed, status("1.1.1"))
	assert.Equal(t, report.CoverageFailed, status("1.4.3"))
	assert.Equal(t, report.CoverageFailed, status("3.2.6"), "flow findings count")
	assert.Equal(t, report.CoveragePartial, status("1.3.1"), "cantTell left")
	assert.Equal(t, report.CoveragePartial, status("3.3.2"))
	assert.Equal(t, report.CoverageManual, status("1.4.10"), "its rule could only ask for a browser")
	assert.Equal(t, report.CoveragePassed, status("2.4.2"))
	assert.Equal(t, report.CoverageNotApplicable, status("1.3.2"), "rule ran, applied nowhere")
	assert.Equal(t, report.CoverageManual, status("2.1.1"), "no rule")
	assert.Equal(t, report.CoverageManual, status("4.1.1"))
	nine6, ok := m.Row("")
	require.True(t, ok)
	assert.Equal(t, "9.6", nine6.Clause)
	assert.Equal(t, report.CoverageManual, nine6.Status)
	row, _ := m.Row("1.4.3")
	assert.Equal(t, "9.1.4.3", row.Clause)
	assert.Equal(t, "AA", row.Level)
	row, _ = m.Row("2.5.8")
	assert.Empty(t, row.Clause, "new in 2.2: no EN 301 549 V3.2.1 clause")
	assert.True(t, row.WCAG22)

	// failed 1.1.1, 1.4.3, 3.2.6; passed 2.4.2; n/a 1.3.2, 1.4.12
	assert.Equal(t, 6, m.Decided)
	assert.Equal(t, 49, m.NeedPerson)
	assert.Equal(t, m.Total, m.Decided+m.NeedPerson)
	assert.Equal(t, "The tool decided 6 of the 55 WCAG 2.2 A/AA criteria; 49 need a person.", m.Sentence())
	assert.Equal(t, []string{"1.1.1", "1.4.3", "3.2.6"}, m.FailedSC())
}

// A report saved without passed results cannot tell passed from not
// applicable: both need a person.
func TestMatrixWithoutPasses(t *testing.T) {
	r := flowSample(t)
	for i := range r.Pages {
		var keep []a11y.Finding
		for _, f := range r.Pages[i].Findings {
			if f.Outcome != a11y.Passed {
				keep = append(keep, f)
			}
		}
		r.Pages[i].Findings = keep
	}
	m := report.BuildMatrix(r, []*a11y.Rule{{ID: "demo-title", WCAG: []string{"2.4.2"}}, {ID: "demo-img", WCAG: []string{"1.1.1"}}})
	assert.True(t, m.PassesUnknown)
	row, _ := m.Row("2.4.2")
	assert.Equal(t, report.CoverageManual, row.Status)
	row, _ = m.Row("1.1.1")
	assert.Equal(t, report.CoverageFailed, row.Status)
}

// Waived failures do not fail a criterion but do not pass it either.
func TestMatrixSuppressed(t *testing.T) {
	r := report.Build(report.Page{URL: "a", Findings: []a11y.Finding{{Rule: "x", Outcome: a11y.Failed, WCAG: []string{"1.4.1"}, Suppressed: "known"}}})
	m := report.BuildMatrix(r, []*a11y.Rule{{ID: "x", WCAG: []string{"1.4.1"}}})
	row, _ := m.Row("1.4.1")
	assert.Equal(t, report.CoveragePartial, row.Status)
	assert.Equal(t, 1, row.Suppressed)
}

func TestGroupsAndNeeds(t *testing.T) {
	assert.Equal(t, []report.Group{report.GroupScreenReader, report.GroupLowVision, report.GroupCognitive}, report.GroupsFor("1.1.1"))
	assert.Equal(t, []report.Group{report.GroupNoMouse, report.GroupScreenReader}[1:], report.GroupsFor("2.1.1")[:1])
	assert.Contains(t, report.GroupsFor("2.1.1"), report.GroupNoMouse)
	assert.Equal(t, []report.Group{report.GroupSeizures}, report.GroupsFor("2.3.1"))
	assert.Nil(t, report.GroupsFor("1.4.6"), "AAA is not mapped")
	assert.Equal(t, []report.Need{report.NeedPhotosensitive}, report.NeedsFor("2.3.1"))
	assert.Equal(t, "Bruk uten syn", report.NeedWithoutVision.String())
	assert.Len(t, report.Needs(), 11)
	for _, c := range []string{"1.1.1", "1.4.3", "2.4.11", "3.3.8", "4.1.3", "4.1.1"} {
		assert.NotEmpty(t, report.GroupsFor(c), c)
		assert.NotEmpty(t, report.NeedsFor(c), c)
	}
}

func TestEveryCriterionIsMapped(t *testing.T) {
	m := report.BuildMatrix(report.Build(), nil)
	for _, row := range m.Rows {
		if row.SC == "" {
			continue
		}
		assert.NotEmpty(t, report.GroupsFor(row.SC), "groups of %s", row.SC)
		assert.NotEmpty(t, report.NeedsFor(row.SC), "needs of %s", row.SC)
	}
}

func TestUnderstandingURL(t *testing.T) {
	for sc, want := range map[string]string{
		"1.1.1":  "non-text-content",
		"1.4.3":  "contrast-minimum",
		"1.2.1":  "audio-only-and-video-only-prerecorded",
		"2.4.4":  "link-purpose-in-context",
		"3.3.4":  "error-prevention-legal-financial-data",
		"4.1.2":  "name-role-value",
		"2.5.8":  "target-size-minimum",
		"2.2.2":  "pause-stop-hide",
		"1.4.13": "content-on-hover-or-focus",
	} {
		assert.Equal(t, "https://www.w3.org/WAI/WCAG22/Understanding/"+want+".html", report.UnderstandingURL(sc), sc)
	}
	assert.Empty(t, report.UnderstandingURL("9.9.9"))
	assert.Equal(t, "https://www.w3.org/WAI/standards-guidelines/act/rules/23a2a8/", report.ACTRuleURL("23a2a8"))
}
