package report_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var org = report.Organisation{
	Name: "Sundsvalls kommun", Service: "Ansök om parkeringstillstånd", URL: "https://e.example.se/parkering",
	ContactEmail: "tillganglighet@example.se", ContactPhone: "060-19 10 00", FeedbackURL: "https://example.se/synpunkter",
}

func statementOf(t *testing.T, j report.Jurisdiction, r *report.Report, o report.Organisation) (*report.Statement, string, string) {
	t.Helper()
	s, err := report.DraftStatement(j, r, report.StatementInput{Org: o, Date: time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	md := render(t, func(b *bytes.Buffer) error { return s.WriteMarkdown(b) })
	h := render(t, func(b *bytes.Buffer) error { return s.WriteHTML(b) })
	return s, md, h
}

func TestStatementGoldens(t *testing.T) {
	r := flowSample(t)
	_, md, h := statementOf(t, report.Sweden, r, org)
	golden(t, "golden.statement.sv.md", []byte(md))
	golden(t, "golden.statement.sv.html", []byte(h))
	_, md, h = statementOf(t, report.Norway, r, org)
	golden(t, "golden.statement.nb.md", []byte(md))
	golden(t, "golden.statement.nb.html", []byte(h))
}

func TestSwedishStatement(t *testing.T) {
	s, md, h := statementOf(t, report.Sweden, flowSample(t), org)
	assert.Equal(t, "sv", s.Lang)
	assert.Equal(t, "delvis förenlig", s.Status)
	for _, want := range []string{
		"# Tillgänglighetsredogörelse för Ansök om parkeringstillstånd",
		"> **Utkast som måste granskas.**",
		"Sundsvalls kommun står bakom Ansök om parkeringstillstånd",
		"är **delvis förenlig** med lagen",
		"**1.1.1 Icke-textuellt innehåll (EN 301 549 9.1.1.1):** Bilder och andra element",
		"**1.4.3 Kontrast (minimum) (EN 301 549 9.1.4.3):** Texten har för låg kontrast",
		"lagen (2018:1937) om tillgänglighet",
		"### Oskäligt betungande anpassning",
		"### Innehåll som inte omfattas av lagkraven",
		"Vi testade tjänsten med verktyget delaktig version test den 2026-09-02",
		"Redogörelsen upprättades den 2026-09-02",
		"[tillganglighet@example.se](<mailto:tillganglighet@example.se>)",
		"telefon: 060-19 10 00",
		"Myndigheten för digital förvaltning (Digg)",
		"[Lägg in en länk till formuläret.]",
	} {
		assert.Contains(t, md, want)
	}
	assert.NotContains(t, md, "3.2.6 Konsekvent hjälp (EN 301 549", "new in WCAG 2.2: no clause")
	assert.Contains(t, md, "**3.2.6 Konsekvent hjälp:** Hjälp och kontaktuppgifter")
	assert.Contains(t, h, `<html lang="sv">`)
	assert.Contains(t, h, `<a href="mailto:tillganglighet@example.se">`)

	// With the enforcement address from configuration.
	o := org
	o.EnforcementURL = "https://www.digg.se/tdosanmalan"
	_, md, _ = statementOf(t, report.Sweden, flowSample(t), o)
	assert.Contains(t, md, "Anmäl via Diggs webbformulär: [https://www.digg.se/tdosanmalan](<https://www.digg.se/tdosanmalan>)")
}

// An automated test alone never makes a service "helt förenlig".
func TestSwedishStatementNeverFullyCompliantFromTests(t *testing.T) {
	clean := report.Build(report.Page{URL: "https://e.example.se/", Findings: []a11y.Finding{{Rule: "demo-title", Outcome: a11y.Passed, WCAG: []string{"2.4.2"}}}})
	s, md, _ := statementOf(t, report.Sweden, clean, report.Organisation{})
	assert.Empty(t, s.Status)
	assert.Contains(t, md, "**[Fyll i efter en manuell granskning: helt förenlig, delvis förenlig eller inte förenlig.]**")
	assert.NotContains(t, md, "är **helt förenlig**")
	assert.Contains(t, md, "[organisationens namn] står bakom [tjänstens namn]", "gaps are marked")
	assert.Contains(t, md, "[Fyll i hur användare kontaktar er")
}

func TestSwedishStatementNotCompliant(t *testing.T) {
	var fs []a11y.Finding
	for _, c := range report.BuildMatrix(report.Build(), nil).Rows[:30] {
		fs = append(fs, a11y.Finding{Rule: "r" + c.SC, Outcome: a11y.Failed, WCAG: []string{c.SC}, Impact: a11y.Serious})
	}
	s, md, _ := statementOf(t, report.Sweden, report.Build(report.Page{URL: "u", Findings: fs}), org)
	assert.Equal(t, "inte förenlig", s.Status, "most criteria fail")
	assert.Contains(t, md, "är **inte förenlig**")

	s, _, _ = statementOf(t, report.Sweden, report.Build(report.Page{URL: "u", Findings: fs[:5]}), org)
	assert.Equal(t, "delvis förenlig", s.Status)
}

func TestNorwegianStatement(t *testing.T) {
	crit := report.NorwegianCriteria()
	assert.Len(t, crit, 47)
	for _, sc := range []string{"1.2.3", "1.2.4", "1.2.5", "2.4.11", "2.5.8", "3.2.6"} {
		assert.NotContains(t, crit, sc)
	}
	for _, sc := range []string{"1.1.1", "1.3.4", "4.1.1", "4.1.3", "2.5.4"} {
		assert.Contains(t, crit, sc)
	}

	s, md, h := statementOf(t, report.Norway, flowSample(t), org)
	assert.Equal(t, "nb", s.Lang)
	assert.Equal(t, 47, strings.Count(md, "\n| ")-1, "one table row per requirement, after the header")
	for _, want := range []string{
		"# Tilgjengelighetserklæring for Ansök om parkeringstillstånd",
		"> **Utkast som må kontrolleres manuelt.**",
		"De automatiske testene fant brudd på **2 av de 47 kravene**",
		"| 1.1.1 Ikke-tekstlig innhold | Nei – brudd funnet | Bruk uten syn, Bruk med begrenset syn, Bruk med begrenset kognisjon |",
		"| 2.4.2 Sidetitler | Ikke avgjort – automatisk test fant ingen brudd, må bekreftes |  |",
		"| 2.1.1 Tastatur | Ikke avgjort – må kontrolleres manuelt |  |",
		"- **Bruk uten syn:** påvirkes av brudd på 1 krav.",
		"- Minimer fotosensitive anfall: ingen brudd funnet i automatisk test.",
		"- Personvern: ingen brudd funnet i automatisk test.",
		"Uu-tilsynet",
		"> **Dette er et utkast.**",
	} {
		assert.Contains(t, md, want)
	}
	assert.NotContains(t, md, "| Ja", "never a plain yes from automated tests")
	assert.NotContains(t, md, "3.2.6 Konsekvent hjelp", "not a Norwegian requirement")
	assert.Contains(t, h, `<html lang="nb">`)
	assert.Contains(t, h, `<th scope="row">1.1.1 Ikke-tekstlig innhold</th>`)
}

func TestStatementJurisdiction(t *testing.T) {
	_, err := report.DraftStatement("dk", flowSample(t), report.StatementInput{})
	assert.True(t, errors.Is(err, report.ErrJurisdiction))
}

func TestStatementEscapesContent(t *testing.T) {
	o := report.Organisation{Name: xssScript + bidi, Service: "*Tjänst* [x](javascript:alert(1))", ContactEmail: `a@b"><script>`,
		FeedbackURL: "javascript:alert(1)", EnforcementURL: "data:text/html,x"}
	r := hostileReport(t)
	for _, j := range []report.Jurisdiction{report.Sweden, report.Norway} {
		_, md, h := statementOf(t, j, r, o)
		checkHTMLSafeStatement(t, h)
		assert.False(t, bidiControls.MatchString(md+h))
		assert.NotContains(t, md, "<script")
		assert.NotContains(t, md, "](javascript")
		assert.NotContains(t, md, "(<data:")
		assert.Less(t, len(md), 200_000)
	}
}

// checkHTMLSafeStatement is checkHTMLSafe for pages without a script.
func checkHTMLSafeStatement(t *testing.T, h string) {
	t.Helper()
	assert.NotContains(t, strings.ToLower(h), "<script")
	assert.NotContains(t, h, `href="javascript`)
	assert.NotContains(t, h, `href="data:`)
}
