package report

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
)

// WriteText writes r for people: grouped by page, then by rule with the
// rule's title in o's language, each finding with its outcome, element,
// message and snippet, the advice once per rule, and counts. A waived
// finding says who waived it: the page (data-a11y-ignore) or a
// suppressions file, with the entry's line, reason and end date. Text from
// the checked pages is escaped so that it cannot move the cursor, change
// colours or reorder the line on a terminal. Colours are used only when
// o.Color asks for them or, with ColorAuto, when w is a terminal.
func WriteText(w io.Writer, r *Report, o Options) error { return WriteTextWith(w, r, o, nil) }

// WriteTextWith writes r as WriteText does; with a baseline diff in x, each
// compared finding is marked new or known from the baseline, and the
// summary gives the counts and lists the new and the fixed findings.
func WriteTextWith(w io.Writer, r *Report, o Options, x *Extras) error {
	v, pages, flow := r.viewIndex(o)
	t := &textWriter{
		w:     bufio.NewWriter(w),
		cat:   locale.For(v.Locale),
		color: o.Color == ColorAlways || o.Color == ColorAuto && IsTerminal(w),
	}
	if x != nil {
		t.diff, t.applied = x.Diff, x.Suppressions
	}
	fpPages, fpFlow := Fingerprints(r)
	note := func(page int, fs []a11y.Finding, all []a11y.Finding, index []int, fps []string) []textFinding {
		out := make([]textFinding, len(fs))
		for k, j := range index {
			out[k] = textFinding{Finding: fs[k], status: t.diff.Status(fps[j]), waiver: r.WaiverOf(page, &all[j])}
		}
		return out
	}
	t.pages = make([][]textFinding, len(v.Pages))
	for i := range v.Pages {
		t.pages[i] = note(i, v.Pages[i].Findings, r.Pages[i].Findings, pages[i], fpPages[i])
	}
	if v.Flow != nil {
		t.flow = note(-1, v.Flow.Findings, r.Flow.Findings, flow, fpFlow)
	}
	t.report(r, v)
	if err := t.w.Flush(); err != nil {
		return fmt.Errorf("report: write text: %w", err)
	}
	return nil
}

// IsTerminal reports whether w is a character device such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

type textWriter struct {
	w     *bufio.Writer
	cat   *locale.Catalog
	color bool
	diff  *DiffResult
	// applied is the outcome of applying a suppressions file.
	applied *Applied
	// pages and flow hold the listed findings of each page and of the
	// flow, with their baseline status and waiver.
	pages [][]textFinding
	flow  []textFinding
}

// textFinding is a listed finding with what the text writer says about it
// beyond the finding itself.
type textFinding struct {
	a11y.Finding
	// status is the baseline status (StatusNew, StatusUnchanged or "").
	status string
	// waiver is the suppressions-file entry that waived the finding.
	waiver *Waiver
}

// ANSI styles.
const (
	styleBold   = "1"
	styleDim    = "2"
	styleRed    = "31"
	styleGreen  = "32"
	styleYellow = "33"
	styleCyan   = "36"
)

func (t *textWriter) style(s, code string) string {
	if !t.color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (t *textWriter) ui(key string, data map[string]any) string { return t.cat.UIText(key, data) }

func (t *textWriter) line(indent int, s string) {
	t.w.WriteString(strings.Repeat("  ", indent))
	t.w.WriteString(s)
	t.w.WriteByte('\n')
}

func (t *textWriter) report(all, v *Report) {
	t.line(0, t.style(t.ui("report.heading", nil), styleBold)+" — "+Clean(v.Tool.Name)+" "+Clean(v.Tool.Version))
	for i, p := range v.Pages {
		t.w.WriteByte('\n')
		t.page(p, all.Pages[i], t.pages[i])
	}
	if v.Flow != nil {
		t.w.WriteByte('\n')
		t.line(0, t.style(t.ui("report.flow", map[string]any{"name": Clean(v.Flow.Name), "steps": v.Flow.Steps}), styleBold))
		t.findings(1, t.flow)
	}
	t.w.WriteByte('\n')
	t.summary(v)
}

func (t *textWriter) page(p, all Page, listed []textFinding) {
	t.line(0, t.style(t.ui("report.page", map[string]any{"url": Clean(p.URL)}), styleBold))
	if p.Step != "" {
		t.line(1, t.ui("report.step", map[string]any{"step": Clean(p.Step)}))
	}
	if p.Title != "" {
		t.line(1, t.ui("report.title", map[string]any{"title": Clean(p.Title)}))
	} else {
		t.line(1, t.ui("report.no-title", nil))
	}
	if p.Lang != "" {
		t.line(1, t.ui("report.lang", map[string]any{"lang": Clean(p.Lang)}))
	} else {
		t.line(1, t.ui("report.no-lang", nil))
	}
	if p.Mode != "" {
		t.line(1, t.style(t.ui("report.mode."+string(p.Mode), nil), styleDim))
	}
	counts := count(all.Findings)
	if len(p.Findings) == 0 {
		key := "report.none-listed"
		if counts[a11y.Failed] == 0 && counts[a11y.CantTell] == 0 {
			key = "report.no-problems"
		}
		t.line(1, t.style(t.ui(key, nil), styleGreen))
	} else {
		t.findings(1, listed)
	}
	for _, e := range p.Errors {
		t.line(1, t.style(t.ui("report.rule-error", map[string]any{"error": Clean(e)}), styleRed))
	}
	t.w.WriteByte('\n')
	t.line(1, t.counts(counts))
}

// group is the findings of one rule on one page, or (needs) the rules the
// engine could not run for lack of a browser's facts.
type group struct {
	rule     string
	findings []textFinding
	worst    int
	impact   a11y.Impact
	first    int
	needs    bool
}

// needsBrowser reports whether f says its rule could not run without a
// browser (engine.needs-style, engine.needs-layout, engine.needs-interaction).
func needsBrowser(f a11y.Finding) bool { return strings.HasPrefix(string(f.Key), "engine.needs-") }

// rank orders outcomes for reading: failures first.
func rank(o a11y.Outcome) int {
	switch o {
	case a11y.Failed:
		return 0
	case a11y.CantTell:
		return 1
	case a11y.Passed:
		return 2
	}
	return 3
}

func groups(fs []textFinding) []*group {
	by := map[string]*group{}
	var out []*group
	for i, f := range fs {
		key := f.Rule
		if needsBrowser(f.Finding) {
			key = "\x00needs"
		}
		g := by[key]
		if g == nil {
			g = &group{rule: f.Rule, worst: 4, first: i, needs: key != f.Rule}
			if g.needs {
				g.rule = a11y.Engine.ID
			}
			by[key] = g
			out = append(out, g)
		}
		g.findings = append(g.findings, f)
		g.worst = min(g.worst, rank(f.Outcome))
		g.impact = max(g.impact, f.Impact)
	}
	slices.SortStableFunc(out, func(a, b *group) int {
		if a.needs != b.needs {
			if a.needs {
				return 1
			}
			return -1
		}
		if a.worst != b.worst {
			return a.worst - b.worst
		}
		if a.impact != b.impact {
			return int(b.impact) - int(a.impact)
		}
		return a.first - b.first
	})
	return out
}

func (t *textWriter) findings(indent int, fs []textFinding) {
	for _, g := range groups(fs) {
		if g.needs {
			t.needs(indent, g)
			continue
		}
		f0 := g.findings[0]
		t.w.WriteByte('\n')
		head := t.style(Clean(t.cat.Title(g.rule)), styleBold)
		if t.cat.Title(g.rule) != g.rule {
			head += " " + t.style("("+Clean(g.rule)+")", styleDim)
		}
		t.line(indent, head)
		if refs := t.refs(f0.Finding); refs != "" {
			t.line(indent, t.style(refs, styleDim))
		}
		var helps []string
		for _, f := range g.findings {
			t.finding(indent+1, f)
			if f.Help != "" && !slices.Contains(helps, f.Help) {
				helps = append(helps, f.Help)
			}
		}
		for _, h := range helps {
			t.line(indent+1, t.style(t.ui("report.help", map[string]any{"help": Clean(h)}), styleCyan))
		}
	}
}

// needs writes the rules that could not run without a browser: each
// message once, with the titles of the rules it applies to under it.
func (t *textWriter) needs(indent int, g *group) {
	t.w.WriteByte('\n')
	t.line(indent, t.style(Clean(t.cat.Title(a11y.Engine.ID)), styleBold))
	var msgs []string
	by := map[string][]textFinding{}
	for _, f := range g.findings {
		if _, ok := by[f.Message]; !ok {
			msgs = append(msgs, f.Message)
		}
		by[f.Message] = append(by[f.Message], f)
	}
	var helps []string
	for _, m := range msgs {
		t.line(indent+1, Clean(m))
		for _, f := range by[m] {
			mark := outcomeMarks[f.Outcome]
			title := t.cat.Title(f.Rule)
			if title != f.Rule {
				title += " (" + f.Rule + ")"
			}
			if len(f.WCAG) > 0 {
				title += " · WCAG " + strings.Join(f.WCAG, ", ")
			}
			t.line(indent+2, t.style(mark.mark, mark.style)+" "+Clean(title))
			if f.Help != "" && !slices.Contains(helps, f.Help) {
				helps = append(helps, f.Help)
			}
		}
	}
	for _, h := range helps {
		t.line(indent+1, t.style(t.ui("report.help", map[string]any{"help": Clean(h)}), styleCyan))
	}
}

func (t *textWriter) refs(f a11y.Finding) string {
	var parts []string
	if len(f.WCAG) > 0 {
		s := "WCAG " + strings.Join(f.WCAG, ", ")
		if f.Level != "" {
			s += " (" + t.ui("report.level", map[string]any{"level": f.Level}) + ")"
		}
		parts = append(parts, s)
	}
	if len(f.EN301549) > 0 {
		parts = append(parts, "EN 301 549 "+strings.Join(f.EN301549, ", "))
	}
	if len(f.ACT) > 0 {
		parts = append(parts, "ACT "+strings.Join(f.ACT, ", "))
	}
	return Clean(strings.Join(parts, " · "))
}

var outcomeMarks = map[a11y.Outcome]struct{ mark, style string }{
	a11y.Failed:       {"✗", styleRed},
	a11y.CantTell:     {"?", styleYellow},
	a11y.Passed:       {"✓", styleGreen},
	a11y.Inapplicable: {"–", styleDim},
}

func (t *textWriter) finding(indent int, f textFinding) {
	m := outcomeMarks[f.Outcome]
	head := m.mark + " " + t.cat.Outcome(f.Outcome.String())
	if f.Outcome == a11y.Failed && f.Impact != 0 {
		head += " [" + t.cat.Impact(f.Impact.String()) + "]"
	}
	switch f.status {
	case StatusNew:
		head += " " + t.style("("+t.ui("report.baseline.new", nil)+")", styleBold)
	case StatusUnchanged:
		head += " " + t.style("("+t.ui("report.baseline.unchanged", nil)+")", styleDim)
	}
	where := f.Selector
	if where == "" || where == "html" {
		where = t.ui("report.whole-page", nil)
	}
	if f.Step != "" {
		where = t.ui("report.step", map[string]any{"step": f.Step}) + " · " + where
	}
	t.line(indent, t.style(Clean(head), m.style)+"  "+Clean(where))
	if f.Message != "" {
		t.line(indent+1, Clean(f.Message))
	}
	if f.Question != "" {
		t.line(indent+1, t.ui("report.question", map[string]any{"question": Clean(t.cat.Question(f.Question))}))
	}
	if f.Snippet != "" && f.Selector != "html" {
		t.line(indent+1, t.style(Clean(shorten(f.Snippet, 160)), styleDim))
	}
	if f.Suppressed != "" {
		t.line(indent+1, Clean(waivedText(t.cat, f.Suppressed, f.waiver)))
	}
}

// waivedText says who waived a finding and why: the suppressions file with
// the entry's line and end date, or the page (data-a11y-ignore) when w is
// nil. The text is not escaped.
func waivedText(cat *locale.Catalog, reason string, w *Waiver) string {
	if w == nil {
		return cat.UIText("report.suppressed", map[string]any{"reason": reason})
	}
	data := map[string]any{"reason": reason, "file": w.File, "line": w.Line, "expires": w.Expires}
	if w.Expires == "" {
		return cat.UIText("report.waived-file-no-expiry", data)
	}
	return cat.UIText("report.waived-file", data)
}

func count(fs []a11y.Finding) map[a11y.Outcome]int {
	c := map[a11y.Outcome]int{}
	for _, f := range fs {
		if f.Suppressed != "" {
			c[suppressedKey]++
			continue
		}
		c[f.Outcome]++
	}
	return c
}

// suppressedKey counts suppressed findings in a count map.
const suppressedKey a11y.Outcome = 255

func (t *textWriter) counts(c map[a11y.Outcome]int) string {
	parts := []string{
		t.style(t.ui("report.count.failed", map[string]any{"n": c[a11y.Failed]}), styleRed),
		t.style(t.ui("report.count.cantTell", map[string]any{"n": c[a11y.CantTell]}), styleYellow),
		t.ui("report.count.passed", map[string]any{"n": c[a11y.Passed]}),
		t.ui("report.count.inapplicable", map[string]any{"n": c[a11y.Inapplicable]}),
	}
	if c[suppressedKey] > 0 {
		parts = append(parts, t.ui("report.count.waived", map[string]any{"n": c[suppressedKey]}))
	}
	return strings.Join(parts, " · ")
}

func (t *textWriter) summary(v *Report) {
	s := v.Summary
	t.line(0, t.style(t.ui("report.summary", nil), styleBold))
	t.line(1, t.ui("report.pages", map[string]any{"n": s.Pages}))
	t.line(1, t.counts(map[a11y.Outcome]int{
		a11y.Failed: s.Failed, a11y.CantTell: s.CantTell, a11y.Passed: s.Passed,
		a11y.Inapplicable: s.Inapplicable, suppressedKey: s.Suppressed,
	}))
	if len(s.RulesFailed) > 0 {
		t.line(1, t.ui("report.rules-failed", map[string]any{"rules": Clean(strings.Join(s.RulesFailed, ", "))}))
	}
	if len(v.Errors) > 0 {
		t.line(1, t.style(t.ui("report.not-checked", nil), styleRed))
		for _, e := range v.Errors {
			t.line(2, Clean(e))
		}
	}
	t.waivers(v)
	t.baseline()
}

// textListMax bounds the new and fixed findings the summary lists.
const textListMax = 50

// baseline writes the comparison with the baseline: the counts, then the
// new and the fixed findings.
func (t *textWriter) baseline() {
	d := t.diff
	if d == nil {
		return
	}
	t.w.WriteByte('\n')
	head := t.ui("report.html.baseline", nil)
	if d.Source != "" {
		head += " (" + Clean(d.Source) + ")"
	}
	t.line(0, t.style(head, styleBold))
	t.line(1, t.ui("report.baseline.counts", map[string]any{"new": len(d.New), "fixed": len(d.Fixed), "unchanged": len(d.Unchanged)}))
	for _, list := range []struct {
		key     string
		entries []DiffEntry
	}{{"report.baseline.new-list", d.New}, {"report.baseline.fixed-list", d.Fixed}} {
		if len(list.entries) == 0 {
			continue
		}
		t.line(1, t.ui(list.key, nil))
		for i, e := range list.entries {
			if i == textListMax {
				t.line(2, t.ui("report.md.more", map[string]any{"n": len(list.entries) - i}))
				break
			}
			t.line(2, t.diffLine(e))
		}
	}
}

// diffLine is one new or fixed finding: outcome, rule, element and page.
func (t *textWriter) diffLine(e DiffEntry) string {
	f := e.Finding
	m := outcomeMarks[f.Outcome]
	title := t.cat.Title(f.Rule)
	if title != f.Rule {
		title += " (" + f.Rule + ")"
	}
	where := f.Selector
	if where == "" || where == "html" {
		where = t.ui("report.whole-page", nil)
	}
	page := e.Page
	if page == "" {
		page = t.ui("report.html.flow", nil)
		if f.Step != "" {
			page += " · " + t.ui("report.step", map[string]any{"step": f.Step})
		}
	}
	return t.style(m.mark, m.style) + " " + Clean(title) + " — " + Clean(shorten(where, 160)) + " · " + Clean(shorten(page, 160))
}

// waivers writes how many findings each suppressions file waived.
func (t *textWriter) waivers(v *Report) {
	defer t.stale()
	if len(v.Waivers) == 0 {
		return
	}
	n := map[string]int{}
	var files []string
	for _, w := range v.Waivers {
		if n[w.File] == 0 {
			files = append(files, w.File)
		}
		n[w.File]++
	}
	for _, f := range files {
		t.line(1, t.ui("report.waived-by-file", map[string]any{"file": Clean(f), "n": n[f]}))
	}
}

// stale lists the entries of the suppressions file that waived nothing.
func (t *textWriter) stale() {
	a := t.applied
	if a == nil || len(a.Unused) == 0 {
		return
	}
	t.line(1, t.style(t.ui("report.html.stale", map[string]any{"file": Clean(a.File)}), styleYellow))
	for _, e := range a.Unused {
		t.line(2, Clean(fmt.Sprintf("%s:%d: %s (%s)", a.File, e.Line, firstNonEmpty(e.Rule, e.Fingerprint), e.Reason)))
	}
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis,
// after folding runs of white space into one space.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Clean makes text from a checked page safe to print on a terminal: white
// space controls (tab, newline) become spaces; other control characters,
// bidirectional controls and invalid UTF-8 become visible escapes such as
// \x1b and \u202e. Printable text, including every script, is kept.
func Clean(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			b.WriteString(`\u` + strconv.FormatInt(int64(r), 16))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether r may change how a terminal shows what
// follows: C0 and C1 controls, DEL, and bidirectional controls.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || isBidiControl(r)
}
