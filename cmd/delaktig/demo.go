package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/flowfile"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/delaktig/delaktig/examples"
	"github.com/delaktig/delaktig/guidance"
)

func init() {
	register(&command{
		name:    "demo",
		args:    "[flags]",
		summary: "serve the bundled example e-service, audit it and write report.html",
		run:     runDemo,
	})
}

const demoAbout = `Serves the bundled example e-service (a municipal application for a
parking permit, in an accessible and an inaccessible version) on this
computer, walks both versions in headless Chrome with their flow files, and
writes one HTML report that sets them side by side. Needs Chrome or
Chromium (see delaktig help audit).`

// demoVariants are the example service's versions, in report order.
var demoVariants = []struct{ name, label string }{
	{"tillganglig", "Tillgänglig"},
	{"otillganglig", "Otillgänglig"},
}

func runDemo(ctx context.Context, s *stdio, args []string) int {
	c := commands["demo"]
	fs := newFlags(s, c, demoAbout)
	out := fs.String("out", "report.html", "where to write the HTML report")
	lang := fs.String("lang", defaultLang(), "language of the report: sv, nb or en")
	only := fs.String("variant", "", "audit only this version: tillganglig or otillganglig")
	serve := fs.Bool("serve", false, "keep serving the example e-service after the report is written, until interrupted")
	bf := addBrowserFlags(fs)
	pos, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	o, err := checkConfig(false, "html", *lang, "", "any", "", time.Minute)
	switch {
	case err != nil:
	case len(pos) > 0:
		err = usagef("demo takes no arguments")
	case *only != "" && *only != demoVariants[0].name && *only != demoVariants[1].name:
		err = usagef("unknown --variant %q: use tillganglig or otillganglig", *only)
	}
	if err != nil {
		s.errorf("%v", err)
		return exitCode(err)
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.errorf("cannot serve the example e-service: %v", err)
		return exitUsage
	}
	srv := &http.Server{Handler: examples.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(l) }()
	defer srv.Close()
	base := "http://" + l.Addr().String()

	b, err := startBrowser(ctx, *bf.chrome, *bf.remote)
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	defer b.Close()

	all := append(slices.Clip(o.rules), guidance.FlowRules()...)
	var pages []report.Page
	var flowFindings []a11y.Finding
	shots := map[string][]byte{}
	steps := 0
	failedStep := false
	var r *report.Report
	for _, v := range demoVariants {
		if *only != "" && *only != v.name {
			continue
		}
		flow, err := flowfile.Parse(examples.Flows()[v.name], "examples/flows/"+v.name+".yaml")
		if err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
		flow.Start = base + "/" + v.name + "/"
		res, runErr := checker.Run(ctx, b, flow, checker.Options{
			Rules: all, Locale: o.lang, FullPage: true, StepTimeout: time.Minute,
		})
		if res == nil {
			s.errorf("%v", runErr)
			return exitUsage
		}
		vr, vshots := flowReport(flow, res, v.label+" – ")
		pages = append(pages, vr.Pages...)
		flowFindings = append(flowFindings, vr.Flow.Findings...)
		steps += len(flow.Steps)
		for k, png := range vshots {
			shots[k] = png
		}
		failed := 0
		for _, p := range vr.Pages {
			for _, f := range p.Findings {
				if f.Outcome == a11y.Failed {
					failed++
				}
			}
		}
		fmt.Fprintf(s.out, "%s: %d pages checked, %d failures in %d rules\n", v.label, len(vr.Pages), failed, len(vr.Summary.RulesFailed))
		if runErr != nil {
			s.errorf("%v", runErr)
			failedStep = true
		}
	}
	r = report.Build(pages...)
	r.Flow = &report.Flow{Name: "Norrsunda kommun: ansök om parkeringstillstånd (exempel)", Steps: steps, Findings: flowFindings}
	r.Generated = time.Now().UTC().Truncate(time.Second)
	r.Summarize()

	if dir := filepath.Dir(*out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
	}
	f, err := os.Create(*out)
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	werr := report.WriteHTMLWith(f, r, report.Options{Lang: o.lang}, &report.Extras{Screenshots: shots, Rules: all})
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		s.errorf("%v", werr)
		return exitUsage
	}
	fmt.Fprintf(s.out, "wrote %s\n", *out)
	if *serve {
		fmt.Fprintf(s.out, "the example e-service is at %s/ (press Ctrl+C to stop)\n", base)
		<-ctx.Done()
	}
	if failedStep {
		return exitLoad
	}
	return exitOK
}
