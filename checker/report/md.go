package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/wcag"
)

// mdTop bounds the findings a Markdown list shows.
const mdTop = 10

// WriteMarkdown writes a short Markdown summary of r (see WriteMarkdownWith).
func WriteMarkdown(w io.Writer, r *Report, o Options) error { return WriteMarkdownWith(w, r, o, nil) }

// WriteMarkdownWith writes a short Markdown summary of r for a pull-request
// comment, in o's language: the counts; with a baseline diff in x, the new
// and fixed counts and the new findings; a table of failed rules with their
// WCAG criteria and counts; the ten worst failures. Text from pages is
// escaped so that it cannot add Markdown or HTML, mention people or make
// links; selectors and snippets are code spans.
func WriteMarkdownWith(w io.Writer, r *Report, o Options, x *Extras) error {
	p := prepare(r, o, x)
	bw := bufio.NewWriter(w)
	line := func(s string) { bw.WriteString(s + "\n") }
	s := r.Summary
	line("## " + p.ui("report.md.heading", nil))
	line("")
	line(p.ui("report.md.counts", map[string]any{"failed": s.Failed, "cantTell": s.CantTell, "pages": s.Pages}))
	if x != nil && x.Diff != nil {
		d := x.Diff
		line("")
		line(p.ui("report.md.baseline", map[string]any{"new": len(d.New), "fixed": len(d.Fixed), "unchanged": len(d.Unchanged)}))
	}
	if len(r.Errors) > 0 {
		line("")
		line("**" + p.ui("report.not-checked", nil) + "**")
		line("")
		for _, e := range r.Errors {
			line("- " + mdText(e))
		}
	}

	// Failed rules.
	type ruleCount struct {
		rule   string
		wcag   []string
		count  int
		impact a11y.Impact
	}
	var rules []*ruleCount
	by := map[string]*ruleCount{}
	var failures []entry
	for _, e := range p.all() {
		if e.Outcome != a11y.Failed || e.Suppressed != "" {
			continue
		}
		failures = append(failures, e)
		rc := by[e.Rule]
		if rc == nil {
			rc = &ruleCount{rule: e.Rule}
			by[e.Rule] = rc
			rules = append(rules, rc)
		}
		rc.count++
		rc.impact = max(rc.impact, e.Impact)
		for _, sc := range e.WCAG {
			if !slices.Contains(rc.wcag, sc) {
				rc.wcag = append(rc.wcag, sc)
			}
		}
	}
	slices.SortStableFunc(rules, func(a, b *ruleCount) int {
		if a.impact != b.impact {
			return int(b.impact) - int(a.impact)
		}
		return b.count - a.count
	})
	if len(rules) == 0 {
		line("")
		line(p.ui("report.md.no-failures", nil))
	} else {
		line("")
		line("### " + p.ui("report.md.failed-rules", nil))
		line("")
		line("| " + p.ui("report.md.th-rule", nil) + " | " + p.ui("report.md.th-wcag", nil) + " | " + p.ui("report.md.th-count", nil) + " |")
		line("|---|---|--:|")
		for _, rc := range rules {
			slices.SortFunc(rc.wcag, wcag.CompareSC)
			line(fmt.Sprintf("| %s %s | %s | %d |", mdText(p.cat.Title(rc.rule)), mdCode(rc.rule), strings.Join(rc.wcag, ", "), rc.count))
		}
	}

	if x != nil && x.Diff != nil {
		var news []entry
		for _, e := range p.all() {
			if e.status == StatusNew {
				news = append(news, e)
			}
		}
		if len(news) > 0 {
			line("")
			line("### " + p.ui("report.md.new", nil))
			line("")
			p.mdList(line, news)
		}
		if len(x.Diff.Fixed) > 0 {
			line("")
			line("### " + p.ui("report.md.fixed", nil))
			line("")
			var fixed []entry
			for _, d := range x.Diff.Fixed {
				fixed = append(fixed, entry{Finding: localized(d.Finding, p.lang), page: -2, fp: d.Page})
			}
			p.mdList(line, fixed)
		}
	}
	if len(failures) > 0 {
		slices.SortStableFunc(failures, func(a, b entry) int { return int(b.Impact) - int(a.Impact) })
		line("")
		line("### " + p.ui("report.md.top", nil))
		line("")
		p.mdList(line, failures)
	}
	if n := len(p.suppressed); n > 0 {
		line("")
		line(p.ui("report.md.waived", map[string]any{"n": n}))
		by := map[string]int{}
		var files []string
		for _, w := range r.Waivers {
			if by[w.File] == 0 {
				files = append(files, w.File)
			}
			by[w.File]++
		}
		if len(files) > 0 {
			line("")
			for _, f := range files {
				line("- " + p.ui("report.waived-by-file", map[string]any{"file": mdCode(f), "n": by[f]}))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

// mdList writes at most mdTop findings as a numbered list.
func (p *prepared) mdList(line func(string), es []entry) {
	for i, e := range es {
		if i == mdTop {
			line("")
			line(p.ui("report.md.more", map[string]any{"n": len(es) - mdTop}))
			break
		}
		where := ""
		switch {
		case e.page >= 0:
			where = p.pageName(e.page)
		case e.page == -1:
			where = p.ui("report.html.flow", nil)
		default:
			where = e.fp // a fixed finding carries its page key here
			if where == "" {
				where = p.ui("report.html.flow", nil)
			}
		}
		head := p.cat.Outcome(e.Outcome.String())
		if e.Outcome == a11y.Failed && e.Impact != 0 {
			head = p.cat.Impact(e.Impact.String())
		}
		item := fmt.Sprintf("%d. **%s** · %s — %s · %s", i+1, mdText(head), mdText(p.cat.Title(e.Rule)), mdCode(p.whereOf(&e.Finding)), mdText(where))
		if e.Message != "" {
			item += ": " + mdText(limitText(e.Message, 300))
		}
		line(item)
	}
}

// mdText escapes text for Markdown: control and bidi characters made
// visible (Clean), then every character that Markdown or HTML could read as
// markup, plus @ (mentions) and : (autolinks), written as an entity or a
// backslash escape. Newlines become spaces, so a table row stays one row.
func mdText(s string) string {
	s = safe(s)
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '@':
			b.WriteString("&#64;")
		case ':':
			b.WriteString("&#58;")
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '"', '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode writes s as a code span that its content cannot end: the fence is
// one backtick longer than the longest run inside. The text is cut to a
// readable length; code spans show HTML and mentions as plain text.
func mdCode(s string) string {
	s = safe(limitText(s, 200))
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}
