package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
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
// whose failures were all waived, is skipped with the reason; otherwise it
// passed. Every finding of the report counts, whatever o's outcome filter;
// o chooses the language. Text is escaped by encoding/xml, and control
// characters from pages are made visible, so the file is always valid XML.
func WriteJUnit(w io.Writer, r *Report, o Options) error {
	p := prepare(r, Options{Lang: o.Lang, Outcomes: AllOutcomes()}, nil)
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
			c.Failure = &junitFailure{
				Message: firstNonEmpty(safe(limitText(failed[0].Message, 300)), p.cat.Title(rule)),
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
				Message: p.ui("report.html.waived-reason", map[string]any{"reason": safe(waived[0].Suppressed)}),
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
			b.WriteString(" — " + p.ui("report.html.waived-reason", map[string]any{"reason": safe(e.Suppressed)}))
		}
		b.WriteByte('\n')
	}
	return b.String()
}
