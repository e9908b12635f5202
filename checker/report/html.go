package report

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"image"
	_ "image/gif"  // screenshot sizes
	_ "image/jpeg" // screenshot sizes
	_ "image/png"  // screenshot sizes
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/wcag"
)

//go:embed html_template/report.html.tmpl html_template/report.css html_template/report.js
var htmlAssets embed.FS

var (
	htmlCSS    = mustAsset("html_template/report.css")
	htmlScript = strings.TrimSpace(mustAsset("html_template/report.js"))
	// htmlScriptHash is the CSP source that allows exactly the inline script.
	htmlScriptHash = func() string {
		sum := sha256.Sum256([]byte(htmlScript))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}()
)

// HTMLPolicy is the Content-Security-Policy of the HTML report: nothing may
// be fetched; images only from data: URIs, styles inline, and the one
// inline script by its hash.
var HTMLPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src " + htmlScriptHash +
	"; base-uri 'none'; form-action 'none'"

func mustAsset(name string) string {
	b, err := htmlAssets.ReadFile(name)
	if err != nil {
		panic("report: missing embedded asset " + name)
	}
	return string(b)
}

// WriteHTML writes r as one self-contained HTML page for people who are not
// developers (see WriteHTMLWith).
func WriteHTML(w io.Writer, r *Report, o Options) error {
	return WriteHTMLWith(w, r, o, nil)
}

// WriteHTMLWith writes r as one self-contained HTML page in o's language:
// no request leaves the page (styles and the small filter script are inline,
// screenshots are data: URIs) and a Content-Security-Policy forbids any.
//
// The page opens with a plain-words summary: can a person complete the
// service, the worst barriers and who they stop. Then each page or step:
// its screenshot with the failing elements outlined and numbered, its
// findings grouped by WCAG principle and success criterion, each with how
// to fix it, the element and its code; readability and complexity when
// present. Then waived findings, what the tool could and could not check
// (the EN 301 549 / WCAG 2.2 matrix), the trend over earlier runs, and
// pages that could not be checked.
//
// Everything taken from the checked pages is escaped by html/template and
// has control and bidirectional-control characters made visible. Without
// JavaScript every finding is shown; the script only adds filtering and
// opens collapsed groups for printing.
func WriteHTMLWith(w io.Writer, r *Report, o Options, x *Extras) error {
	p := prepare(r, o, x)
	v := p.htmlView()
	var buf bytes.Buffer
	if err := htmlTemplate(p).Execute(&buf, v); err != nil {
		return fmt.Errorf("report: html: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("report: write html: %w", err)
	}
	return nil
}

func htmlTemplate(p *prepared) *template.Template {
	funcs := template.FuncMap{
		"ui": func(key string) string { return p.ui(key, nil) },
	}
	return template.Must(template.New("report.html.tmpl").Funcs(funcs).ParseFS(htmlAssets, "html_template/report.html.tmpl"))
}

// The view model of the template. Strings are plain text: the template
// escapes them.
type (
	htmlView struct {
		Lang, Title, CSP, Generator, Made string
		CSS                               template.CSS
		Script                            template.JS
		Summary                           htmlSummary
		Baseline                          *htmlBaseline
		Filters                           htmlFilters
		Pages                             []htmlPage
		Flow                              *htmlFlow
		Waived                            []htmlFinding
		Stale                             *htmlStale
		Coverage                          htmlCoverage
		History                           *htmlHistory
		Errors                            []string
	}
	htmlSummary struct {
		AnswerClass, Answer, Counts string
		Stops                       []htmlStop
		Unchecked                   bool
		Worst                       []htmlBarrier
		Who                         []htmlWho
	}
	htmlStop     struct{ ID, Name, Rules string }
	htmlBarrier  struct{ Title, Impact, Where, Groups string }
	htmlWho      struct{ Group, Count string }
	htmlBaseline struct {
		Counts string
		Fixed  []htmlFixed
	}
	htmlFixed   struct{ Title, Where, Page string }
	htmlFilters struct {
		Any                    bool
		Outcomes, Impacts, SCs []htmlOption
	}
	htmlOption struct{ Value, Label string }
	htmlPage   struct {
		ID, Heading, URL, Title, Mode, Counts, Empty string
		Shot                                         *htmlShot
		Sections                                     []htmlSection
		Readability, Complexity                      []htmlKV
		Errors                                       []string
	}
	htmlFlow struct {
		Heading  string
		Sections []htmlSection
	}
	htmlShot struct {
		Src           template.URL
		Alt, Caption  string
		Width, Height int
		Boxes         []htmlBox
	}
	htmlBox struct {
		N     int
		Style template.CSS
	}
	htmlSection struct {
		ID, Heading string
		Criteria    []htmlCriterion
	}
	htmlCriterion struct {
		Heading string
		Groups  []htmlGroup
	}
	htmlGroup struct {
		Title, Counts, Help string
		Open                bool
		Findings            []htmlFinding
	}
	htmlFinding struct {
		ID, Outcome, OutcomeText, Impact, ImpactText, SC string
		Where, Page, Mark, MarkText, Message, Question   string
		Snippet, Waived                                  string
		Baseline                                         *htmlBadge
	}
	htmlBadge    struct{ Class, Text string }
	htmlKV       struct{ Key, Value string }
	htmlCoverage struct {
		Sentence string
		Counts   []string
		Rows     []htmlCovRow
	}
	htmlCovRow  struct{ Criterion, Level, Clause, Class, Status, Tests, Why string }
	htmlHistory struct {
		Chart   template.HTML
		Impacts []string
		Rows    []htmlHistRow
	}
	htmlStale struct {
		Intro   string
		Entries []string
	}
	htmlHistRow struct {
		Label            string
		ByImpact         []int
		Failed, CantTell int
	}
)

func (p *prepared) htmlView() *htmlView {
	r := p.r
	v := &htmlView{
		Lang:      p.lang,
		CSP:       HTMLPolicy,
		CSS:       template.CSS(htmlCSS),
		Script:    template.JS(htmlScript),
		Generator: safe(r.Tool.Name + " " + r.Tool.Version),
		Title:     p.ui("report.html.title", map[string]any{"name": safe(p.reportName())}),
	}
	if !r.Generated.IsZero() {
		v.Made = p.ui("report.html.made", map[string]any{"tool": safe(r.Tool.Name), "version": safe(r.Tool.Version),
			"date": r.Generated.UTC().Format("2006-01-02 15:04 UTC")})
	}
	m := BuildMatrix(r, p.x.rules(r))
	v.Coverage = p.htmlCoverage(m)
	v.Summary = p.htmlSummary(m)
	v.Baseline = p.htmlBaseline()
	v.Filters = p.htmlFilters()
	for i := range p.pages {
		v.Pages = append(v.Pages, p.htmlPage(&p.pages[i]))
	}
	if r.Flow != nil {
		v.Flow = &htmlFlow{Heading: safe(r.Flow.Name), Sections: p.htmlSections("flow", p.flow, "")}
	}
	for k, e := range p.suppressed {
		v.Waived = append(v.Waived, p.htmlFinding(e, fmt.Sprintf("w-%d", k+1), p.pageOf(e)))
	}
	if a := p.x.applied(); a != nil && len(a.Unused) > 0 {
		st := &htmlStale{Intro: p.ui("report.html.stale", map[string]any{"file": safe(a.File)})}
		for _, e := range a.Unused {
			st.Entries = append(st.Entries, safe(fmt.Sprintf("%s:%d: %s — %s", a.File, e.Line, e.describe(), e.Reason)))
		}
		v.Stale = st
	}
	v.History = p.htmlHistory()
	for _, e := range r.Errors {
		v.Errors = append(v.Errors, safe(e))
	}
	return v
}

// reportName names the report in its title: the flow, else the first page.
func (p *prepared) reportName() string {
	if p.r.Flow != nil && p.r.Flow.Name != "" {
		return p.r.Flow.Name
	}
	if len(p.r.Pages) > 0 {
		pg := p.r.Pages[0]
		name := firstNonEmpty(pg.Title, pg.Step, pg.URL)
		if len(p.r.Pages) > 1 {
			name += " …"
		}
		return name
	}
	return p.r.Tool.Name
}

// pageName names page i for headings: "Step 2: Personal details".
func (p *prepared) pageName(i int) string {
	pg := p.r.Pages[i]
	if pg.Step != "" {
		return p.ui("report.html.step-n", map[string]any{"n": i + 1, "name": safe(pg.Step)})
	}
	return p.ui("report.html.page-n", map[string]any{"n": i + 1, "name": safe(firstNonEmpty(pg.Title, pg.URL))})
}

// pageOf names the page of an entry.
func (p *prepared) pageOf(e entry) string {
	if e.page < 0 {
		return p.ui("report.html.flow", nil)
	}
	return p.pageName(e.page)
}

func (p *prepared) countsText(c map[a11y.Outcome]int) string {
	parts := []string{
		p.ui("report.count.failed", map[string]any{"n": c[a11y.Failed]}),
		p.ui("report.count.cantTell", map[string]any{"n": c[a11y.CantTell]}),
		p.ui("report.count.passed", map[string]any{"n": c[a11y.Passed]}),
	}
	if c[suppressedKey] > 0 {
		parts = append(parts, p.ui("report.count.waived", map[string]any{"n": c[suppressedKey]}))
	}
	return strings.Join(parts, " · ")
}

// barrier is the failures of one rule across the report.
type barrier struct {
	rule   string
	impact a11y.Impact
	count  int
	pages  []int // indexes into p.pages; -1 for the flow
	scs    []string
}

// barriers returns the rules with unsuppressed failures, worst first.
func (p *prepared) barriers() []*barrier {
	by := map[string]*barrier{}
	var out []*barrier
	add := func(page int, f *a11y.Finding) {
		if f.Outcome != a11y.Failed || f.Suppressed != "" || f.Rule == a11y.Engine.ID {
			return
		}
		b := by[f.Rule]
		if b == nil {
			b = &barrier{rule: f.Rule}
			by[f.Rule] = b
			out = append(out, b)
		}
		b.count++
		b.impact = max(b.impact, f.Impact)
		if !slices.Contains(b.pages, page) {
			b.pages = append(b.pages, page)
		}
		for _, sc := range f.WCAG {
			if !slices.Contains(b.scs, sc) {
				b.scs = append(b.scs, sc)
			}
		}
	}
	for i := range p.r.Pages {
		for j := range p.r.Pages[i].Findings {
			add(i, &p.r.Pages[i].Findings[j])
		}
	}
	if p.r.Flow != nil {
		for j := range p.r.Flow.Findings {
			add(-1, &p.r.Flow.Findings[j])
		}
	}
	slices.SortStableFunc(out, func(a, b *barrier) int {
		if a.impact != b.impact {
			return int(b.impact) - int(a.impact)
		}
		return b.count - a.count
	})
	return out
}

func (p *prepared) groupsOf(scs []string) []Group {
	var gs []Group
	for _, sc := range scs {
		for _, g := range GroupsFor(sc) {
			if !slices.Contains(gs, g) {
				gs = append(gs, g)
			}
		}
	}
	slices.Sort(gs)
	return gs
}

func (p *prepared) groupNames(gs []Group) string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = p.ui("report.group."+g.String(), nil)
	}
	return strings.Join(names, "; ")
}

// maxWorst bounds the barriers the summary names.
const maxWorst = 5

func (p *prepared) htmlSummary(m *Matrix) htmlSummary {
	s := htmlSummary{Unchecked: len(p.r.Errors) > 0}
	bs := p.barriers()
	critical, serious := false, false
	stops := map[int][]string{}
	for _, b := range bs {
		switch b.impact {
		case a11y.Critical:
			critical = true
			for _, pg := range b.pages {
				stops[pg] = append(stops[pg], p.cat.Title(b.rule))
			}
		case a11y.Serious:
			serious = true
		}
	}
	switch {
	case critical:
		s.AnswerClass, s.Answer = "no", p.ui("report.html.answer-no", nil)
		keys := make([]int, 0, len(stops))
		for k := range stops {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if len(keys) > 0 && keys[0] == -1 {
			keys = append(keys[1:], -1)
		}
		for _, k := range keys {
			st := htmlStop{ID: "flow", Name: p.ui("report.html.flow", nil), Rules: strings.Join(stops[k], "; ")}
			if k >= 0 {
				st.ID, st.Name = fmt.Sprintf("page-%d", k+1), p.pageName(k)
			}
			s.Stops = append(s.Stops, st)
		}
	case serious:
		s.AnswerClass, s.Answer = "hard", p.ui("report.html.answer-hard", nil)
	default:
		s.AnswerClass, s.Answer = "yes", p.ui("report.html.answer-yes", map[string]any{"person": m.NeedPerson, "total": m.Total})
	}
	sum := p.r.Summary
	s.Counts = p.countsText(map[a11y.Outcome]int{a11y.Failed: sum.Failed, a11y.CantTell: sum.CantTell,
		a11y.Passed: sum.Passed, suppressedKey: sum.Suppressed})
	for i, b := range bs {
		if i == maxWorst {
			break
		}
		var where []string
		for _, pg := range b.pages {
			if pg < 0 {
				where = append(where, p.ui("report.html.flow", nil))
			} else {
				where = append(where, p.pageName(pg))
			}
		}
		s.Worst = append(s.Worst, htmlBarrier{
			Title:  p.cat.Title(b.rule),
			Impact: p.cat.Impact(b.impact.String()),
			Where:  p.ui("report.html.barrier-where", map[string]any{"n": b.count, "pages": strings.Join(where, "; ")}),
			Groups: p.groupNames(p.groupsOf(b.scs)),
		})
	}
	counts := map[Group]int{}
	for _, b := range bs {
		for _, g := range p.groupsOf(b.scs) {
			counts[g]++
		}
	}
	for g := GroupScreenReader; g <= GroupSeizures; g++ {
		if counts[g] > 0 {
			s.Who = append(s.Who, htmlWho{Group: p.ui("report.group."+g.String(), nil),
				Count: p.ui("report.html.who-count", map[string]any{"n": counts[g]})})
		}
	}
	return s
}

func (p *prepared) htmlBaseline() *htmlBaseline {
	if p.x == nil || p.x.Diff == nil {
		return nil
	}
	d := p.x.Diff
	b := &htmlBaseline{Counts: p.ui("report.html.baseline-counts", map[string]any{"new": len(d.New), "fixed": len(d.Fixed), "unchanged": len(d.Unchanged)})}
	for i, e := range d.Fixed {
		if i == 100 {
			break
		}
		b.Fixed = append(b.Fixed, htmlFixed{Title: p.cat.Title(e.Finding.Rule), Where: safe(p.whereOf(&e.Finding)), Page: safe(e.Page)})
	}
	return b
}

func (p *prepared) htmlFilters() htmlFilters {
	var f htmlFilters
	outcomes := map[a11y.Outcome]bool{}
	impacts := map[a11y.Impact]bool{}
	scs := map[string]bool{}
	for _, e := range p.all() {
		f.Any = true
		outcomes[e.Outcome] = true
		if e.Impact != 0 {
			impacts[e.Impact] = true
		}
		for _, sc := range e.WCAG {
			scs[sc] = true
		}
	}
	for _, o := range []a11y.Outcome{a11y.Failed, a11y.CantTell, a11y.Passed, a11y.Inapplicable} {
		if outcomes[o] {
			f.Outcomes = append(f.Outcomes, htmlOption{o.String(), p.cat.Outcome(o.String())})
		}
	}
	for i := a11y.Critical; i >= a11y.Minor; i-- {
		if impacts[i] {
			f.Impacts = append(f.Impacts, htmlOption{i.String(), p.cat.Impact(i.String())})
		}
	}
	keys := sortedKeys(scs)
	slices.SortFunc(keys, wcag.CompareSC)
	for _, sc := range keys {
		f.SCs = append(f.SCs, htmlOption{sc, sc + " " + scTitle(sc, p.lang)})
	}
	return f
}

func (p *prepared) htmlPage(pp *preparedPage) htmlPage {
	i := pp.index
	hp := htmlPage{
		ID:      fmt.Sprintf("page-%d", i+1),
		Heading: p.pageName(i),
		URL:     safe(pp.URL),
		Counts:  p.countsText(pp.counts),
	}
	if pp.Step != "" && pp.Title != "" {
		hp.Title = safe(pp.Title)
	}
	if pp.Mode != "" {
		hp.Mode = p.ui("report.mode."+string(pp.Mode), nil)
	}
	if len(pp.listed) == 0 {
		key := "report.none-listed"
		if pp.counts[a11y.Failed] == 0 && pp.counts[a11y.CantTell] == 0 {
			key = "report.no-problems"
		}
		hp.Empty = p.ui(key, nil)
	}
	hp.Shot = p.htmlShot(pp, hp.Heading)
	hp.Sections = p.htmlSections(fmt.Sprintf("p%d", i+1), pp.listed, "")
	hp.Readability = kvRows(pp.Readability)
	hp.Complexity = kvRows(pp.Complexity)
	for _, e := range pp.Errors {
		hp.Errors = append(hp.Errors, p.ui("report.rule-error", map[string]any{"error": safe(e)}))
	}
	return hp
}

// maxScreenshot bounds a screenshot embedded in the HTML report (bytes).
const maxScreenshot = 8 << 20

func (p *prepared) htmlShot(pp *preparedPage, name string) *htmlShot {
	if p.x == nil {
		return nil
	}
	img, ok := p.x.Screenshots[PageKey(pp.Page)]
	if !ok || len(img) == 0 || len(img) > maxScreenshot {
		return nil
	}
	mime := http.DetectContentType(img)
	switch mime {
	case "image/png", "image/jpeg", "image/gif", "image/webp":
	default:
		return nil
	}
	s := &htmlShot{
		Src: template.URL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(img)),
		Alt: p.ui("report.html.screenshot", map[string]any{"name": name}),
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return s
	}
	scale := p.x.ScreenshotScale
	if scale <= 0 {
		scale = 1
	}
	s.Width, s.Height = int(float64(cfg.Width)/scale), int(float64(cfg.Height)/scale)
	cw, ch := float64(cfg.Width)/scale, float64(cfg.Height)/scale
	for _, e := range pp.listed {
		if e.mark == 0 {
			continue
		}
		b := e.Box
		x0, y0 := clamp(b.X/cw*100), clamp(b.Y/ch*100)
		x1, y1 := clamp((b.X+b.Width)/cw*100), clamp((b.Y+b.Height)/ch*100)
		if x1 <= x0 || y1 <= y0 {
			continue
		}
		s.Boxes = append(s.Boxes, htmlBox{N: e.mark, Style: template.CSS(fmt.Sprintf("left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%", x0, y0, x1-x0, y1-y0))})
	}
	if len(s.Boxes) > 0 {
		s.Caption = p.ui("report.html.screenshot-caption", map[string]any{"n": len(s.Boxes)})
	}
	return s
}

func clamp(v float64) float64 { return min(100, max(0, v)) }

// htmlSections groups entries by WCAG principle, then criterion, then rule.
func (p *prepared) htmlSections(prefix string, es []entry, page string) []htmlSection {
	type crit struct {
		sc     string
		groups []*htmlGroup
		byRule map[string]*htmlGroup
	}
	type prin struct {
		num   string
		crits map[string]*crit
		order []string
	}
	prins := map[string]*prin{}
	for k, e := range es {
		sc := primarySC(&e.Finding)
		num := "other"
		if sc != "" {
			if n, _ := wcag.Principle(sc); n != "" {
				num = n
			}
		}
		pr := prins[num]
		if pr == nil {
			pr = &prin{num: num, crits: map[string]*crit{}}
			prins[num] = pr
		}
		c := pr.crits[sc]
		if c == nil {
			c = &crit{sc: sc, byRule: map[string]*htmlGroup{}}
			pr.crits[sc] = c
			pr.order = append(pr.order, sc)
		}
		g := c.byRule[e.Rule]
		if g == nil {
			g = &htmlGroup{Title: p.cat.Title(e.Rule), Help: safe(e.Help)}
			c.byRule[e.Rule] = g
			c.groups = append(c.groups, g)
		}
		g.Findings = append(g.Findings, p.htmlFinding(e, fmt.Sprintf("%s-f%d", prefix, k+1), page))
	}
	nums := sortedKeys(prins)
	var out []htmlSection
	for _, num := range nums {
		pr := prins[num]
		sec := htmlSection{ID: prefix + "-principle-" + num}
		if num == "other" {
			sec.Heading = p.ui("report.html.other", nil)
		} else {
			sec.Heading = num + ". " + wcag.PrincipleTitle(num, p.lang)
		}
		slices.SortFunc(pr.order, wcag.CompareSC)
		for _, sc := range pr.order {
			c := pr.crits[sc]
			hc := htmlCriterion{}
			if sc != "" {
				hc.Heading = sc + " " + scTitle(sc, p.lang)
				if cr, ok := wcag.Lookup(sc); ok {
					hc.Heading += " (" + p.ui("report.level", map[string]any{"level": cr.Level}) + ")"
				}
			}
			for _, g := range c.groups {
				g.Counts = p.groupCounts(g.Findings)
				hc.Groups = append(hc.Groups, *g)
			}
			sec.Criteria = append(sec.Criteria, hc)
		}
		out = append(out, sec)
	}
	return out
}

func (p *prepared) groupCounts(fs []htmlFinding) string {
	c := map[string]int{}
	for _, f := range fs {
		c[f.Outcome]++
	}
	var parts []string
	for _, o := range []a11y.Outcome{a11y.Failed, a11y.CantTell, a11y.Passed, a11y.Inapplicable} {
		if n := c[o.String()]; n > 0 {
			parts = append(parts, p.ui("report.count."+o.String(), map[string]any{"n": n}))
		}
	}
	return strings.Join(parts, " · ")
}

func (p *prepared) htmlFinding(e entry, id, page string) htmlFinding {
	f := htmlFinding{
		ID:          id,
		Outcome:     e.Outcome.String(),
		OutcomeText: p.cat.Outcome(e.Outcome.String()),
		SC:          strings.Join(e.WCAG, " "),
		Where:       safe(p.whereOf(&e.Finding)),
		Page:        page,
		Message:     safe(e.Message),
	}
	if e.Impact != 0 {
		f.Impact = e.Impact.String()
		if e.Outcome == a11y.Failed {
			f.ImpactText = p.ui("report.html.impact", map[string]any{"impact": p.cat.Impact(e.Impact.String())})
		}
	}
	if e.mark > 0 {
		f.Mark = strconv.Itoa(e.mark)
		f.MarkText = p.ui("report.html.mark", map[string]any{"n": e.mark})
	}
	if e.Question != "" {
		f.Question = p.ui("report.question", map[string]any{"question": safe(p.cat.Question(e.Question))})
	}
	if e.Snippet != "" && e.Selector != "html" {
		f.Snippet = safe(e.Snippet)
	}
	if e.Suppressed != "" {
		if e.waiver != nil {
			w := *e.waiver
			w.File = safe(w.File)
			f.Waived = safe(waivedText(p.cat, safe(e.Suppressed), &w))
		} else {
			f.Waived = safe(waivedText(p.cat, safe(e.Suppressed), nil))
		}
	}
	switch e.status {
	case StatusNew:
		f.Baseline = &htmlBadge{"new", p.ui("report.html.baseline-new", nil)}
	case StatusUnchanged:
		f.Baseline = &htmlBadge{"unchanged", p.ui("report.html.baseline-unchanged", nil)}
	}
	return f
}

// kvRows flattens a readability or complexity value into rows, sorted by
// key; nested values are shown as JSON.
func kvRows(v any) []htmlKV {
	if v == nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return []htmlKV{{Key: "-", Value: safe(string(b))}}
	}
	keys := sortedKeys(m)
	out := make([]htmlKV, 0, len(keys))
	for _, k := range keys {
		var val string
		switch x := m[k].(type) {
		case string:
			val = x
		case float64:
			val = strconv.FormatFloat(x, 'f', -1, 64)
		default:
			vb, _ := json.Marshal(x)
			val = string(vb)
		}
		out = append(out, htmlKV{Key: safe(k), Value: safe(val)})
	}
	return out
}

func (p *prepared) htmlCoverage(m *Matrix) htmlCoverage {
	c := htmlCoverage{Sentence: p.ui("report.html.coverage-sentence", map[string]any{"decided": m.Decided, "total": m.Total, "person": m.NeedPerson})}
	for _, st := range []Coverage{CoverageFailed, CoveragePassed, CoveragePartial, CoverageManual, CoverageNotApplicable} {
		c.Counts = append(c.Counts, fmt.Sprintf("%s: %d", p.ui("report.cov."+st.String(), nil), m.ByStatus[st]))
	}
	for _, row := range m.Rows {
		cr := htmlCovRow{
			Level:  row.Level,
			Clause: row.Clause,
			Class:  row.Status.String(),
			Status: p.ui("report.cov."+row.Status.String(), nil),
			Tests:  strings.Join(row.Rules, ", "),
			Why:    p.whyText(row.Why),
		}
		if row.SC != "" {
			cr.Criterion = row.SC + " " + scTitle(row.SC, p.lang)
			if !row.WCAG22 {
				cr.Criterion += " (" + p.ui("report.html.not-in-22", nil) + ")"
			}
		} else {
			cr.Criterion = row.Title
		}
		c.Rows = append(c.Rows, cr)
	}
	return c
}

var whyKeys = map[string]string{
	whyNoRule: "no-rule", whyMode: "mode", whyCantTell: "cant-tell", whySuppressed: "suppressed",
	whyPartial: "partial", whyNoPasses: "no-passes", whyNone: "none",
}

func (p *prepared) whyText(why string) string {
	if k, ok := whyKeys[why]; ok {
		return p.ui("report.cov.why."+k, nil)
	}
	return why
}

func (p *prepared) htmlHistory() *htmlHistory {
	if p.x == nil || len(p.x.History) == 0 {
		return nil
	}
	points := slices.Clone(p.x.History)
	cur := PointOf(p.r, p.ui("report.html.th-run", nil)+" "+p.r.Generated.UTC().Format(time.DateOnly))
	if cur.When.IsZero() {
		cur.When = time.Now().UTC()
	}
	points = append(points, cur)
	if len(points) > maxHistory {
		points = points[len(points)-maxHistory:]
	}
	name := func(i int) string { return p.cat.Impact(a11y.Impact(i).String()) }
	chart, err := historyChart(points, name, p.ui("report.html.history", nil), p.ui("report.html.history-desc", nil))
	if err != nil {
		return nil
	}
	h := &htmlHistory{Chart: chart}
	for i := 4; i >= 1; i-- {
		h.Impacts = append(h.Impacts, name(i))
	}
	for _, pt := range points {
		row := htmlHistRow{Label: safe(pt.When.UTC().Format(time.DateOnly) + " " + pt.Label), Failed: pt.Failed, CantTell: pt.CantTell}
		for i := 4; i >= 1; i-- {
			row.ByImpact = append(row.ByImpact, pt.ByImpact[i])
		}
		h.Rows = append(h.Rows, row)
	}
	return h
}
