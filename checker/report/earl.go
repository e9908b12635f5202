package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// earlContext is the JSON-LD context of the EARL report: the EARL, Dublin
// Core, schema.org and W3C pointer vocabularies, by their prefixes.
var earlContext = map[string]string{
	"earl": "http://www.w3.org/ns/earl#",
	"dct":  "http://purl.org/dc/terms/",
	"sch":  "https://schema.org/",
	"ptr":  "http://www.w3.org/2009/pointers#",
	"foaf": "http://xmlns.com/foaf/0.1/",
}

type (
	earlDoc struct {
		Context map[string]string `json:"@context"`
		Graph   []any             `json:"@graph"`
	}
	earlRef struct {
		ID string `json:"@id"`
	}
	earlAssertor struct {
		ID          string   `json:"@id"`
		Type        []string `json:"@type"`
		Name        string   `json:"foaf:name"`
		Title       string   `json:"dct:title"`
		HasVersion  string   `json:"dct:hasVersion,omitempty"`
		Description string   `json:"dct:description"`
	}
	earlAssertion struct {
		Type       string      `json:"@type"`
		AssertedBy earlRef     `json:"earl:assertedBy"`
		Subject    earlSubject `json:"earl:subject"`
		Test       earlTest    `json:"earl:test"`
		Mode       earlRef     `json:"earl:mode"`
		Result     earlResult  `json:"earl:result"`
	}
	earlSubject struct {
		Type   []string `json:"@type"`
		Source string   `json:"dct:source"`
		Title  string   `json:"dct:title,omitempty"`
		Step   string   `json:"dct:description,omitempty"`
	}
	earlTest struct {
		ID         string    `json:"@id"`
		Type       string    `json:"@type"`
		Title      string    `json:"dct:title"`
		Identifier string    `json:"dct:identifier"`
		IsPartOf   []earlRef `json:"dct:isPartOf,omitempty"`
	}
	earlResult struct {
		Type        string       `json:"@type"`
		Outcome     earlRef      `json:"earl:outcome"`
		Pointer     *earlPointer `json:"earl:pointer,omitempty"`
		Description string       `json:"dct:description,omitempty"`
		Info        string       `json:"earl:info,omitempty"`
		Date        string       `json:"dct:date,omitempty"`
	}
	// earlBaseline describes the comparison with a baseline report: its
	// counts, and the fixed findings, which no assertion of this report
	// carries.
	earlBaseline struct {
		ID          string      `json:"@id"`
		Title       string      `json:"dct:title"`
		Source      string      `json:"dct:source,omitempty"`
		Description string      `json:"dct:description"`
		Fixed       []earlFixed `json:"dct:relation,omitempty"`
	}
	earlFixed struct {
		Title       string `json:"dct:title"`
		Identifier  string `json:"dct:identifier"`
		Description string `json:"dct:description"`
	}
	earlPointer struct {
		Type       []string `json:"@type"`
		Expression string   `json:"ptr:expression"`
	}
)

// WriteEARL writes r as EARL in JSON-LD, the shape W3C ACT implementation
// reports use: a graph of earl:Assertion objects, each with earl:assertedBy
// (this tool), earl:subject (the page, by dct:source), earl:test (the W3C
// ACT rule page when the rule implements one, one assertion per ACT rule,
// else the rule itself as a blank node), earl:mode earl:automatic and
// earl:result with earl:outcome (earl:passed, earl:failed, earl:cantTell,
// earl:inapplicable) and earl:pointer (a CSS selector pointer). Outcomes are
// those o lists; waived findings keep their outcome and say in the result's
// description who waived them (the page or the suppressions file) and why.
func WriteEARL(w io.Writer, r *Report, o Options) error { return WriteEARLWith(w, r, o, nil) }

// WriteEARLWith writes r as WriteEARL does; with a baseline diff in x, the
// result of each compared finding says in earl:info whether it is new since
// the baseline or also in it, and one more node of the graph, _:baseline,
// gives the counts (dct:description) and the fixed findings (dct:relation),
// each with its rule's title, fingerprint and where it was.
func WriteEARLWith(w io.Writer, r *Report, o Options, x *Extras) error {
	p := prepare(r, o, x)
	doc := earlDoc{Context: earlContext}
	assertor := "_:assertor"
	doc.Graph = append(doc.Graph, earlAssertor{
		ID: assertor, Type: []string{"earl:Assertor", "earl:Software"},
		Name: safe(r.Tool.Name), Title: safe(r.Tool.Name), HasVersion: safe(r.Tool.Version),
		Description: "Accessibility checker for public e-services (WCAG 2.2, EN 301 549)",
	})
	date := ""
	if !r.Generated.IsZero() {
		date = r.Generated.UTC().Format(time.RFC3339)
	}
	urlOfStep := map[string]string{}
	for _, pg := range r.Pages {
		if pg.Step != "" {
			urlOfStep[pg.Step] = pg.URL
		}
	}
	add := func(e *entry, subject earlSubject) {
		res := earlResult{Type: "earl:TestResult", Outcome: earlRef{"earl:" + e.Outcome.String()}, Date: date}
		if e.Selector != "" {
			res.Pointer = &earlPointer{Type: []string{"ptr:CSSSelectorPointer"}, Expression: safe(e.Selector)}
		}
		res.Description = safe(e.Message)
		if e.Suppressed != "" {
			res.Description += " (" + safe(waivedText(p.cat, e.Suppressed, e.waiver)) + ")"
		}
		switch e.status {
		case StatusNew:
			res.Info = p.ui("report.baseline.new", nil)
		case StatusUnchanged:
			res.Info = p.ui("report.baseline.unchanged", nil)
		}
		tests := []earlTest{}
		for _, act := range e.ACT {
			tests = append(tests, earlTest{ID: ACTRuleURL(act), Type: "earl:TestCase", Title: p.cat.Title(e.Rule), Identifier: act})
		}
		if len(tests) == 0 {
			tests = append(tests, earlTest{ID: "_:rule-" + e.Rule, Type: "earl:TestCase", Title: p.cat.Title(e.Rule), Identifier: e.Rule})
		}
		for _, t := range tests {
			for _, sc := range e.WCAG {
				if u := UnderstandingURL(sc); u != "" {
					t.IsPartOf = append(t.IsPartOf, earlRef{u})
				}
			}
			doc.Graph = append(doc.Graph, earlAssertion{
				Type: "earl:Assertion", AssertedBy: earlRef{assertor}, Subject: subject, Test: t,
				Mode: earlRef{"earl:automatic"}, Result: res,
			})
		}
	}
	for _, pg := range p.pages {
		subj := earlSubject{Type: []string{"earl:TestSubject", "sch:WebPage"}, Source: safe(pg.URL), Title: safe(pg.Title), Step: safe(pg.Step)}
		for _, e := range pg.listed {
			add(&e, subj)
		}
	}
	for _, e := range p.flow {
		add(&e, earlSubject{Type: []string{"earl:TestSubject", "sch:WebPage"}, Source: safe(urlOfStep[e.Step]), Step: safe(e.Step)})
	}
	if d := p.diff(); d != nil {
		b := earlBaseline{
			ID: "_:baseline", Title: p.ui("report.html.baseline", nil), Source: safe(d.Source),
			Description: p.ui("report.baseline.counts", map[string]any{"new": len(d.New), "fixed": len(d.Fixed), "unchanged": len(d.Unchanged)}),
		}
		for _, e := range d.Fixed {
			f := localized(e.Finding, p.lang)
			page := e.Page
			if page == "" {
				page = p.ui("report.html.flow", nil)
			}
			desc := p.cat.Outcome(f.Outcome.String()) + " · " + p.whereOf(&f) + " · " + page
			if f.Message != "" {
				desc += ": " + f.Message
			}
			b.Fixed = append(b.Fixed, earlFixed{Title: p.cat.Title(f.Rule), Identifier: e.Fingerprint, Description: safe(desc)})
		}
		doc.Graph = append(doc.Graph, b)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("report: encode earl: %w", err)
	}
	if _, err := w.Write(tidy(buf.Bytes())); err != nil {
		return fmt.Errorf("report: write earl: %w", err)
	}
	return nil
}
