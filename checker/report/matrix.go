package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/wcag"
)

// Coverage is what the automated tests could say about one requirement.
type Coverage uint8

// The coverage statuses. None of them is a conformance claim: even a
// criterion whose automated tests passed needs a person to confirm it.
const (
	// CoverageFailed: an automated test found a failure.
	CoverageFailed Coverage = iota + 1
	// CoveragePassed: the automated tests ran, applied and passed; the
	// parts of the criterion no rule tests still need a person.
	CoveragePassed
	// CoveragePartial: some tests passed or failed nothing, but others
	// left questions (cantTell) or were waived by a suppression.
	CoveragePartial
	// CoverageManual: no rule covers the criterion, or its rules could
	// not run on this kind of page (a static check has no layout); a
	// person must check it.
	CoverageManual
	// CoverageNotApplicable: the rules found nothing they apply to (no
	// images, no tables…). A person should confirm the content has none.
	CoverageNotApplicable
)

var coverageNames = [...]string{"", "failed", "passed", "partial", "manual", "inapplicable"}

// String returns "failed", "passed", "partial", "manual" or "inapplicable".
func (c Coverage) String() string {
	if int(c) < len(coverageNames) {
		return coverageNames[c]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (c Coverage) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// MatrixRow is one requirement: a WCAG 2.2 level A or AA success criterion
// with its EN 301 549 clause, or an EN 301 549 clause without one.
type MatrixRow struct {
	// SC is the WCAG success criterion ("1.4.3"); "" for clause 9.6.
	SC string `json:"sc,omitempty"`
	// Title is the criterion's English title (the clause's for 9.6).
	Title string `json:"title"`
	// Level is "A" or "AA" ("" for 9.6).
	Level string `json:"level,omitempty"`
	// Clause is the EN 301 549 V3.2.1 clause ("9.1.4.3"); "" for
	// criteria new in WCAG 2.2.
	Clause string `json:"en301549,omitempty"`
	// WCAG22 is true for the 55 criteria of WCAG 2.2 A/AA; false for
	// 4.1.1 (obsolete in 2.2, still in EN 301 549) and 9.6.
	WCAG22 bool `json:"wcag22"`
	// Status is what the automated tests could say.
	Status Coverage `json:"status"`
	// Rules lists the ids of the rules that test the criterion.
	Rules []string `json:"rules"`
	// Failed, CantTell, Passed and Suppressed count findings of those rules.
	Failed     int `json:"failed"`
	CantTell   int `json:"cantTell"`
	Passed     int `json:"passed"`
	Suppressed int `json:"suppressed"`
	// Why says in English why a row needs a person ("" when it does not).
	Why string `json:"why,omitempty"`
}

// Matrix maps a report onto WCAG 2.2 A/AA and EN 301 549 clause 9, honest
// about what automated tests can decide.
type Matrix struct {
	Rows []MatrixRow `json:"rows"`
	// Total is the number of WCAG 2.2 A/AA criteria (55).
	Total int `json:"total"`
	// Decided counts the WCAG 2.2 A/AA criteria the tool decided: failed,
	// passed by automated test, or not applicable.
	Decided int `json:"decided"`
	// NeedPerson counts the others: partly tested or needing a manual check.
	NeedPerson int `json:"needPerson"`
	// ByStatus counts the WCAG 2.2 A/AA rows per status.
	ByStatus map[Coverage]int `json:"byStatus"`
	// PassesUnknown is true when the report was written without its
	// passed findings, so the matrix cannot tell passed from not
	// applicable and treats both as needing a person.
	PassesUnknown bool `json:"passesUnknown,omitempty"`
}

// Why texts of the matrix rows (English; writers translate by status).
const (
	whyNoRule     = "no automated rule covers this criterion"
	whyMode       = "its rules need facts this run did not have (layout, styles or interaction)"
	whyCantTell   = "automated rules left questions for a person"
	whySuppressed = "some failures were waived by a suppression"
	whyPartial    = "automated rules cover only part of this criterion"
	whyNoPasses   = "the report was saved without passed results"
	whyNone       = "the rules found nothing they apply to"
)

// BuildMatrix maps r onto the requirements. ran lists the rules that ran
// (pass rules.All() for a default run); a criterion no rule in ran tests
// needs a person. Flow findings count too.
func BuildMatrix(r *Report, ran []*a11y.Rule) *Matrix {
	m := &Matrix{ByStatus: map[Coverage]int{}}
	bySC := map[string][]string{}
	for _, rule := range ran {
		if rule == nil {
			continue
		}
		for _, sc := range rule.WCAG {
			if !slices.Contains(bySC[sc], rule.ID) {
				bySC[sc] = append(bySC[sc], rule.ID)
			}
		}
	}
	type tally struct{ failed, cantTell, modeOnly, passed, suppressed int }
	counts := map[string]*tally{}
	listedPasses := 0
	r.each(func(f *a11y.Finding) {
		if f.Outcome == a11y.Passed && f.Suppressed == "" {
			listedPasses++
		}
		for _, sc := range f.WCAG {
			t := counts[sc]
			if t == nil {
				t = &tally{}
				counts[sc] = t
			}
			switch {
			case f.Suppressed != "":
				t.suppressed++
			case f.Outcome == a11y.Failed:
				t.failed++
			case f.Outcome == a11y.CantTell:
				t.cantTell++
				if strings.HasPrefix(string(f.Key), "engine.needs-") {
					t.modeOnly++
				}
			case f.Outcome == a11y.Passed:
				t.passed++
			}
		}
	})
	m.PassesUnknown = r.Summary.Passed > listedPasses

	row := func(sc, title, level, clause string, is22 bool) MatrixRow {
		row := MatrixRow{SC: sc, Title: title, Level: level, Clause: clause, WCAG22: is22, Rules: []string{}}
		if sc != "" {
			row.Rules = append(row.Rules, bySC[sc]...)
		}
		t := counts[sc]
		if t == nil || sc == "" {
			t = &tally{}
		}
		row.Failed, row.CantTell, row.Passed, row.Suppressed = t.failed, t.cantTell, t.passed, t.suppressed
		switch {
		case len(row.Rules) == 0 && t.failed == 0:
			row.Status, row.Why = CoverageManual, whyNoRule
		case t.failed > 0:
			row.Status = CoverageFailed
		case t.cantTell > 0 && t.cantTell == t.modeOnly && t.passed == 0 && t.suppressed == 0:
			row.Status, row.Why = CoverageManual, whyMode
		case t.cantTell > 0:
			row.Status, row.Why = CoveragePartial, whyCantTell
		case t.suppressed > 0:
			row.Status, row.Why = CoveragePartial, whySuppressed
		case t.passed > 0:
			row.Status, row.Why = CoveragePassed, whyPartial
		case m.PassesUnknown:
			row.Status, row.Why = CoverageManual, whyNoPasses
		default:
			row.Status, row.Why = CoverageNotApplicable, whyNone
		}
		return row
	}

	for _, c := range wcag.ForVersion("2.2", "AA") {
		clause, _ := wcag.ClauseForSC(c.Number)
		m.Rows = append(m.Rows, row(c.Number, c.Title, c.Level, clause, true))
	}
	for _, cl := range wcag.Clauses() {
		if cl.SC != "" && slices.ContainsFunc(m.Rows, func(r MatrixRow) bool { return r.SC == cl.SC }) {
			continue
		}
		level := ""
		if c, ok := wcag.Lookup(cl.SC); ok {
			level = c.Level
		}
		title := cl.Title
		if c, ok := wcag.Lookup(cl.SC); ok {
			title = c.Title
		}
		m.Rows = append(m.Rows, row(cl.SC, title, level, cl.ID, false))
	}
	for _, rw := range m.Rows {
		if !rw.WCAG22 {
			continue
		}
		m.Total++
		m.ByStatus[rw.Status]++
		switch rw.Status {
		case CoverageFailed, CoveragePassed, CoverageNotApplicable:
			m.Decided++
		default:
			m.NeedPerson++
		}
	}
	return m
}

// Sentence says in one English sentence how much the tool decided, without
// implying conformance.
func (m *Matrix) Sentence() string {
	return fmt.Sprintf("The tool decided %d of the %d WCAG 2.2 A/AA criteria; %d need a person.", m.Decided, m.Total, m.NeedPerson)
}

// Row returns the row of a success criterion (or of clause 9.6 for "").
func (m *Matrix) Row(sc string) (MatrixRow, bool) {
	for _, r := range m.Rows {
		if r.SC == sc {
			return r, true
		}
	}
	return MatrixRow{}, false
}

// FailedSC returns the success criteria with failures, in numeric order.
func (m *Matrix) FailedSC() []string {
	var out []string
	for _, r := range m.Rows {
		if r.Status == CoverageFailed && r.SC != "" {
			out = append(out, r.SC)
		}
	}
	return out
}
