package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/a11y/wcag"
)

// Extras carries what the richer writers can show beyond the Report itself.
// Every field is optional; a nil *Extras is the same as a zero one.
type Extras struct {
	// Screenshots holds a picture of each page, keyed by PageKey: PNG,
	// JPEG, GIF or WebP bytes of the whole page, whose top-left corner is
	// the page's origin (Finding.Box is drawn on it).
	Screenshots map[string][]byte
	// ScreenshotScale is the screenshots' device pixels per CSS pixel
	// (the device pixel ratio they were taken with); 0 means 1.
	ScreenshotScale float64
	// Rules lists the rules that ran (the CLI passes its selection of
	// rules.All()). The coverage matrix needs it: a criterion no listed rule
	// tests needs a person. When nil, only rules that left a finding in the
	// report are known, so rules that applied nowhere count as missing and
	// their criteria as needing a person.
	Rules []*a11y.Rule
	// Diff compares the report with a baseline (see Diff).
	Diff *DiffResult
	// History holds earlier runs for the trend chart, oldest first (see
	// LoadHistory).
	History []HistoryPoint
	// Suppressions is the outcome of applying a suppressions file, listed
	// in the HTML report (see Suppressions.Apply).
	Suppressions *Applied
}

func (x *Extras) rules(r *Report) []*a11y.Rule {
	if x != nil && x.Rules != nil {
		return x.Rules
	}
	return RulesSeen(r)
}

func (x *Extras) applied() *Applied {
	if x == nil {
		return nil
	}
	return x.Suppressions
}

// RulesSeen returns a stand-in for each rule that left a finding in r, with
// its id and WCAG criteria: the rule list of a report read back from JSON.
func RulesSeen(r *Report) []*a11y.Rule {
	var out []*a11y.Rule
	by := map[string]*a11y.Rule{}
	r.each(func(f *a11y.Finding) {
		if f.Rule == a11y.Engine.ID || strings.HasPrefix(string(f.Key), "engine.rule-error") {
			return
		}
		rule := by[f.Rule]
		if rule == nil {
			rule = &a11y.Rule{ID: f.Rule, Impact: f.Impact}
			by[f.Rule] = rule
			out = append(out, rule)
		}
		for _, sc := range f.WCAG {
			if !slices.Contains(rule.WCAG, sc) {
				rule.WCAG = append(rule.WCAG, sc)
			}
		}
		for _, a := range f.ACT {
			if !slices.Contains(rule.ACT, a) {
				rule.ACT = append(rule.ACT, a)
			}
		}
		for _, c := range f.EN301549 {
			if !slices.Contains(rule.EN301549, c) {
				rule.EN301549 = append(rule.EN301549, c)
			}
		}
	})
	return out
}

// PageKey names a page for Extras.Screenshots and DiffEntry.Page: the flow
// step's name when there is one, else the page's URL.
func PageKey(p Page) string {
	if p.Step != "" {
		return p.Step
	}
	return p.URL
}

// entry is one finding prepared for a writer: localised, fingerprinted and
// marked with its baseline status.
type entry struct {
	a11y.Finding
	fp     string
	status string
	// page is the index of the entry's page in Report.Pages; -1 for the flow.
	page int
	// mark is the finding's number on the page's screenshot (0: none).
	mark int
	// waiver is the suppressions-file entry that waived the finding; nil
	// when it is not waived or was waived in the page.
	waiver *Waiver
}

// preparedPage is one page with the findings a writer lists.
type preparedPage struct {
	Page
	index  int
	listed []entry
	// counts holds the outcomes of every finding of the page, listed or
	// not; suppressed findings count under suppressedKey only.
	counts map[a11y.Outcome]int
}

// prepared is a report ready for a writer: the findings Options ask for,
// with messages in the report's language.
type prepared struct {
	r     *Report
	lang  string
	cat   *locale.Catalog
	pages []preparedPage
	flow  []entry
	x     *Extras
	// suppressed lists every suppressed finding whatever the outcome
	// filter: writers list them apart, never drop them.
	suppressed []entry
}

// prepare selects and localises the findings o asks for. Findings are
// fingerprinted over the whole report, so fingerprints do not depend on the
// filter.
func prepare(r *Report, o Options, x *Extras) *prepared {
	lang := locale.Match(o.Lang)
	p := &prepared{r: r, lang: lang, cat: locale.For(lang), x: x}
	fpPages, fpFlow := Fingerprints(r)
	var diff *DiffResult
	if x != nil {
		diff = x.Diff
	}
	mk := func(page int, fs []a11y.Finding, fps []string) (listed, suppressed []entry) {
		for j := range fs {
			f := fs[j]
			if f.Suppressed == "" && !o.lists(&f) {
				continue
			}
			f.Node = nil
			if f.Key != "" {
				one := []a11y.Finding{f}
				a11y.Localize(one, lang)
				f = one[0]
			}
			e := entry{Finding: f, fp: fps[j], status: diff.Status(fps[j]), page: page, waiver: r.WaiverOf(page, &fs[j])}
			if f.Suppressed != "" {
				suppressed = append(suppressed, e)
				if !o.lists(&fs[j]) {
					continue
				}
			}
			listed = append(listed, e)
		}
		return listed, suppressed
	}
	for i, pg := range r.Pages {
		listed, sup := mk(i, pg.Findings, fpPages[i])
		pp := preparedPage{Page: pg, index: i, listed: listed, counts: count(pg.Findings)}
		n := 0
		for k := range pp.listed {
			e := &pp.listed[k]
			if e.Box != nil && !e.Box.Empty() && (e.Outcome == a11y.Failed || e.Outcome == a11y.CantTell) {
				n++
				e.mark = n
			}
		}
		p.pages = append(p.pages, pp)
		p.suppressed = append(p.suppressed, sup...)
	}
	if r.Flow != nil {
		listed, sup := mk(-1, r.Flow.Findings, fpFlow)
		p.flow = listed
		p.suppressed = append(p.suppressed, sup...)
	}
	return p
}

// all returns every listed entry, pages first, then the flow's.
func (p *prepared) all() []entry {
	var out []entry
	for _, pg := range p.pages {
		out = append(out, pg.listed...)
	}
	return append(out, p.flow...)
}

func (p *prepared) ui(key string, data map[string]any) string { return p.cat.UIText(key, data) }

// diff returns the baseline comparison, nil when none was made.
func (p *prepared) diff() *DiffResult {
	if p.x == nil {
		return nil
	}
	return p.x.Diff
}

// limitText bounds page-derived text for reports: at most n runes, the cut
// marked with an ellipsis.
func limitText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// maxField bounds any single page-derived string in a report.
const maxField = 2000

// safe makes page-derived text safe to show: bounded, with control and
// bidirectional-control characters turned into visible escapes (Clean).
func safe(s string) string { return Clean(limitText(s, maxField)) }

// primarySC returns the first WCAG criterion of a finding, in numeric order,
// or "" when it has none.
func primarySC(f *a11y.Finding) string {
	if len(f.WCAG) == 0 {
		return ""
	}
	scs := slices.Clone(f.WCAG)
	slices.SortFunc(scs, wcag.CompareSC)
	return scs[0]
}

// impactRank orders impacts for sorting: higher first.
func impactRank(i a11y.Impact) int { return -int(i) }

// whereOf says where on the page a finding is, in the report's words.
func (p *prepared) whereOf(f *a11y.Finding) string {
	if f.Selector == "" && f.Step != "" {
		return p.ui("report.step", map[string]any{"step": f.Step})
	}
	if f.Selector == "" || f.Selector == "html" {
		return p.ui("report.whole-page", nil)
	}
	return f.Selector
}

// firstNonEmpty returns the first non-blank string.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
