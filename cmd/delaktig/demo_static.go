package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/delaktig/delaktig/examples"
)

// demoAnswers returns valid answers for the form steps of variant v of the
// example e-service, by step index, as a person would give them.
func demoAnswers(v examples.Variant) map[int]url.Values {
	pnr := "19121212-1212"
	if v == examples.Inaccessible {
		pnr = "191212121212" // the inaccessible variant takes digits only
	}
	about := url.Values{
		"roll": {"forare"}, "tidigare": {"nej"}, "hjalpmedel": {"rullator"},
		"beskrivning": {"Jag har artros i båda knäna och kan gå högst 100 meter."},
		"kommun":      {"Norrsunda"}, "intygsdatum": {"2025-10-20"},
	}
	if v == examples.Inaccessible {
		about.Set("sokandepnr", pnr)
	}
	return map[int]url.Values{
		1: {
			"fornamn": {"Anna"}, "efternamn": {"Andersson"}, "personnummer": {pnr},
			"adress": {"Storgatan 12"}, "postnummer": {"123 45"}, "ort": {"Norrsunda"},
			"epost": {"anna.andersson@exempel.se"}, "telefon": {"070-123 45 67"},
		},
		2: about,
		3: {"intyg": {"ja"}},
	}
}

// static checks the variants without a browser: it walks each one over
// HTTP in one session (a cookie jar), from the start page to the receipt,
// sending valid answers on every form step, and checks every page's HTML
// with the page rules and the flow with the flow rules.
func (d *demoRun) static(ctx context.Context, s *stdio, base, only string) error {
	for _, v := range demoVariants {
		if only != "" && only != v.name {
			continue
		}
		vr, err := walkStatic(ctx, examples.Variant(v.name), base, v.label+" – ", d.o.rules, d.o.lang)
		if err != nil {
			return fmt.Errorf("demo: %s: %w", v.name, err)
		}
		d.add(s, v.label, vr, len(examples.Steps()))
	}
	return nil
}

// walkStatic walks variant v of the example e-service served at base and
// returns its report. Page rules check each page (a11y.Check skips the flow
// rules); the flow rules then check the pages together.
func walkStatic(ctx context.Context, v examples.Variant, base, prefix string, rules []*a11y.Rule, lang string) (*report.Report, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, err
	}
	client := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	answers := demoAnswers(v)
	paths := examples.StepPaths(v)
	var pages []report.Page
	var fps []*a11y.FlowPage
	var ff flowFacts
	for i, st := range examples.Steps() {
		b, _, final, err := fetch(ctx, client, base+paths[i])
		if err != nil {
			return nil, fmt.Errorf("step %s: %w", st.Name, err)
		}
		doc, err := a11y.FromHTML(bytes.NewReader(decode(b, "text/html; charset=utf-8")), final)
		if err != nil {
			return nil, fmt.Errorf("step %s: %w", st.Name, err)
		}
		res, err := a11y.Check(ctx, doc, a11y.WithRules(rules...), a11y.WithLocale(lang))
		if err != nil {
			return nil, fmt.Errorf("step %s: %w", st.Name, err)
		}
		name := prefix + st.Name
		rp := report.NewPage(doc, res)
		rp.Step = name
		for j := range rp.Findings {
			rp.Findings[j].Step = name
		}
		ff.add(&rp, doc)
		pages = append(pages, rp)
		fps = append(fps, &a11y.FlowPage{Step: st.Name, URL: final, Doc: doc, Facts: res.Facts, Findings: res.Findings})
		if vals, ok := answers[i]; ok {
			if err := postForm(ctx, client, base+paths[i], vals); err != nil {
				return nil, fmt.Errorf("step %s: %w", st.Name, err)
			}
		}
	}
	r := report.Build(pages...)
	r.Flow = &report.Flow{Name: string(v), Steps: len(pages), Complexity: ff.complexity()}
	meta := map[string]any{
		checker.MetaName: string(v), checker.MetaStart: base + v.Root(), checker.MetaLang: "sv",
		checker.MetaSteps: len(pages), checker.MetaDone: len(pages), checker.MetaCompleted: true,
	}
	fr, err := a11y.CheckFlow(ctx, fps, meta, a11y.WithRules(rules...), a11y.WithLocale(lang))
	if err != nil && fr == nil {
		return nil, err
	}
	for _, f := range fr.Findings {
		f.Step = prefix + f.Step
		r.Flow.Findings = append(r.Flow.Findings, f)
	}
	r.Summarize()
	return r, nil
}

// postForm sends valid answers to a step; the service answers with the next
// step (after a redirect).
func postForm(ctx context.Context, client *http.Client, u string, vals url.Values) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(vals.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New("the service answered " + resp.Status)
	}
	return nil
}
