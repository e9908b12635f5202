package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Skipped  int          `xml:"skipped,attr"`
		Errors   int          `xml:"errors,attr"`
		Time     string       `xml:"time,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string         `xml:"name,attr"`
		Tests      int            `xml:"tests,attr"`
		Failures   int            `xml:"failures,attr"`
		Skipped    int            `xml:"skipped,attr"`
		Errors     int            `xml:"errors,attr"`
		Time       string         `xml:"time,attr"`
		Timestamp  string         `xml:"timestamp,attr,omitempty"`
		Properties *junitProps    `xml:"properties,omitempty"`
		Cases      []junitCase    `xml:"testcase"`
		SystemErr  *junitCharData `xml:"system-err,omitempty"`
	}
	junitProps struct {
		Props []junitProp `xml:"property"`
	}
	junitProp struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Time      string        `xml:"time,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		Skipped   *junitSkipped `xml:"skipped,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Body    string `xml:",chardata"`
	}
	junitSkipped struct {
		Message string `xml:"message,attr"`
		Body    string `xml:",chardata"`
	}
	junitCharData struct {
		Body string `xml:",chardata"`
	}
)

// WriteJUnit writes r as JUnit XML for CI test views (style.md §4): one
// testsuite per page or flow step (and one for the flow as a whole), one
// testcase per rule that ran on it. A rule with an unwaived failure is a
// failure (message: the first failure; type: the worst impact; body: every
// failing element's selector and message); a rule left with questions, or
// whose failures were all waived, is skipped with the reason (who waived
// it: the page or the suppressions file, with the entry's line and end
// date); otherwise it passed. Every finding of the report counts, whatever
// o's outcome filter; o chooses the language. Text is escaped by
// encoding/xml, and control characters from pages are made visible, so the
// file is always valid XML.
func WriteJUnit(w io.Writer, r *Report, o Options) error { return WriteJUnitWith(w, r, o, nil) }

// WriteJUnitWith writes r as WriteJUnit does; with a baseline diff in x,
// each page's suite has the properties baseline.new, baseline.unchanged and
// baseline.fixed (its counts), a failure's message starts with "New since
// the baseline" when one of its failures is new (else "Also in the
// baseline"), each line of a body names its status, and one more suite
// lists the fixed findings as passed testcases.
func WriteJUnitWith(w io.Writer, r *Report, o Options, x *Extras) error {
	p := prepare(r, Options{Lang: o.Lang, Outcomes: AllOutcomes()}, x)
	doc := junitSuites{Name: safe(r.Tool.Name), Time: "0"}
	ts := ""
	if !r.Generated.IsZero() {
		ts = r.Generated.UTC().Format("2006-01-02T15:04:05")
	}
	for i := range p.pages {
		pg := &p.pages[i]
		name := p.pageName(i)
		s := p.junitSuite(name, p.pageClass(i), pg.listed)
		s.Timestamp = ts
		s.Properties = &junitProps{Props: []junitProp{{Name: "url", Value: safe(pg.URL)}}}
		if pg.Title != "" {
			s.Properties.Props = append(s.Properties.Props, junitProp{Name: "title", Value: safe(pg.Title)})
		}
		if pg.Mode != "" {
			s.Properties.Props = append(s.Properties.Props, junitProp{Name: "mode", Value: string(pg.Mode)})
		}
		if d := p.diff(); d != nil {
			counts := map[string]int{}
			for _, e := range pg.listed {
				counts[e.status]++
			}
			key := PageKey(pg.Page)
			for _, f := range d.Fixed {
				if f.Page == key {
					counts[StatusFixed]++
				}
			}
			for _, st := range []string{StatusNew, StatusUnchanged, StatusFixed} {
				s.Properties.Props = append(s.Properties.Props, junitProp{Name: "baseline." + st, Value: strconv.Itoa(counts[st])})
			}
		}
		if len(pg.Errors) > 0 {
			var lines []string
			for _, e := range pg.Errors {
				lines = append(lines, safe(e))
			}
			s.SystemErr = &junitCharData{Body: strings.Join(lines, "\n")}
			s.Errors = len(pg.Errors)
		}
		doc.Suites = append(doc.Suites, s)
	}
	if r.Flow != nil {
		s := p.junitSuite(p.ui("report.html.flow", nil), "flow", p.flow)
		s.Timestamp = ts
		doc.Suites = append(doc.Suites, s)
	}
	if d := p.diff(); d != nil && len(d.Fixed) > 0 {
		s := junitSuite{Name: p.ui("report.html.fixed-list", nil), Time: "0", Timestamp: ts}
		for _, e := range d.Fixed {
			f := localized(e.Finding, p.lang)
			page := e.Page
			if page == "" {
				page = p.ui("report.html.flow", nil)
			}
			name := f.Rule + ": " + p.cat.Title(f.Rule) + " — " + p.whereOf(&f) + " · " + page
			s.Cases = append(s.Cases, junitCase{Name: safe(limitText(name, 300)), Classname: "baseline.fixed", Time: "0"})
			s.Tests++
		}
		doc.Suites = append(doc.Suites, s)
	}
	if len(r.Errors) > 0 {
		s := junitSuite{Name: p.ui("report.html.errors", nil), Time: "0", Timestamp: ts, Errors: len(r.Errors)}
		var lines []string
		for _, e := range r.Errors {
			lines = append(lines, safe(e))
		}
		s.SystemErr = &junitCharData{Body: strings.Join(lines, "\n")}
		doc.Suites = append(doc.Suites, s)
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Skipped += s.Skipped
		doc.Errors += s.Errors
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("report: encode junit: %w", err)
	}
	bw.WriteByte('\n')
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: write junit: %w", err)
	}
	return nil
}

// pageClass is a page's classname in JUnit: dotted, without spaces.
func (p *prepared) pageClass(i int) string {
	pg := p.r.Pages[i]
	name := firstNonEmpty(pg.Step, pg.URL)
	return fmt.Sprintf("page%d.%s", i+1, strings.Join(strings.Fields(safe(limitText(name, 120))), "_"))
}

func (p *prepared) junitSuite(name, class string, es []entry) junitSuite {
	s := junitSuite{Name: name, Time: "0"}
	var order []string
	by := map[string][]entry{}
	for _, e := range es {
		if _, ok := by[e.Rule]; !ok {
			order = append(order, e.Rule)
		}
		by[e.Rule] = append(by[e.Rule], e)
	}
	for _, rule := range order {
		c := junitCase{Name: rule + ": " + p.cat.Title(rule), Classname: class, Time: "0"}
		var failed, asks, waived []entry
		worst := a11y.Impact(0)
		for _, e := range by[rule] {
			switch {
			case e.Suppressed != "" && (e.Outcome == a11y.Failed || e.Outcome == a11y.CantTell):
				waived = append(waived, e)
			case e.Outcome == a11y.Failed:
				failed = append(failed, e)
				worst = max(worst, e.Impact)
			case e.Outcome == a11y.CantTell:
				asks = append(asks, e)
			}
		}
		switch {
		case len(failed) > 0:
			first := failed[0]
			prefix := ""
			if p.diff() != nil {
				prefix = p.ui("report.baseline.unchanged", nil) + ": "
				if i := slices.IndexFunc(failed, func(e entry) bool { return e.status == StatusNew }); i >= 0 {
					first, prefix = failed[i], p.ui("report.baseline.new", nil)+": "
				}
			}
			c.Failure = &junitFailure{
				Message: prefix + firstNonEmpty(safe(limitText(first.Message, 300)), p.cat.Title(rule)),
				Type:    firstNonEmpty(worst.String(), "failed"),
				Body:    p.junitBody(failed),
			}
			s.Failures++
		case len(asks) > 0:
			msg := p.cat.Outcome(a11y.CantTell.String())
			if q := asks[0].Question; q != "" {
				msg += ": " + p.cat.Question(q)
			} else if asks[0].Message != "" {
				msg += ": " + safe(limitText(asks[0].Message, 300))
			}
			c.Skipped = &junitSkipped{Message: msg, Body: p.junitBody(asks)}
			s.Skipped++
		case len(waived) > 0:
			c.Skipped = &junitSkipped{
				Message: safe(waivedText(p.cat, waived[0].Suppressed, waived[0].waiver)),
				Body:    p.junitBody(waived),
			}
			s.Skipped++
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
	}
	return s
}

// junitBody lists the elements of findings, one per line.
func (p *prepared) junitBody(es []entry) string {
	var b strings.Builder
	for i, e := range es {
		if i == 200 {
			fmt.Fprintf(&b, "… (%d more)\n", len(es)-i)
			break
		}
		b.WriteString(safe(p.whereOf(&e.Finding)))
		if e.Message != "" {
			b.WriteString(": " + safe(e.Message))
		}
		if e.Suppressed != "" {
			b.WriteString(" — " + safe(waivedText(p.cat, e.Suppressed, e.waiver)))
		}
		switch e.status {
		case StatusNew:
			b.WriteString(" — " + p.ui("report.baseline.new", nil))
		case StatusUnchanged:
			b.WriteString(" — " + p.ui("report.baseline.unchanged", nil))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
