package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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
Chromium (see delaktig help audit).

With --out FOLDER (any name not ending in .html), or an output section in
the settings file, it writes the whole evidence bundle instead: report.json,
report.html, report.sarif, report.junit.xml, report.earl.jsonld, report.md,
the Swedish and Norwegian accessibility statement drafts, screenshots and
meta.json. The settings file's organisation fills in the statements.`

// demoOrganisation is who runs the example e-service, for the statement
// drafts; the settings file's organisation replaces it field by field.
var demoOrganisation = report.Organisation{
	Name:    "Norrsunda kommun (exempel)",
	Service: "Ansök om parkeringstillstånd",
}

// demoVariants are the example service's versions, in report order.
var demoVariants = []struct{ name, label string }{
	{"tillganglig", "Tillgänglig"},
	{"otillganglig", "Otillgänglig"},
}

func runDemo(ctx context.Context, s *stdio, args []string) int {
	c := commands["demo"]
	fs := newFlags(s, c, demoAbout)
	out := fs.String("out", "report.html", "where to write the HTML report; a folder (a name not ending in .html) gets the whole evidence bundle")
	lang := fs.String("lang", defaultLang(), "language of the report: sv, nb or en; the default comes from DELAKTIG_LANG, then the settings file's locale, then LANG")
	only := fs.String("variant", "", "audit only this version: tillganglig or otillganglig")
	serve := fs.Bool("serve", false, "keep serving the example e-service after the report is written, until interrupted")
	noShots := fs.Bool("no-screenshots", false, "take no screenshots")
	noInter, noExplore := addInteractionFlags(fs)
	bf := addBrowserFlags(fs)
	pf := addPolicyFlags(fs, false)
	pf.formats = addFormatsFlag(fs)
	pos, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	pol, ruleSpec, _, err := loadPolicy(pf, "", "")
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	o, err := checkConfig(false, "html", pol.language(fs, *lang), ruleSpec, "any", "", time.Minute, true)
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
	o.noInteractions, o.noExplore = *noInter, *noExplore
	d := &demoRun{o: o, shots: map[string][]byte{}, cx: map[string]guidance.Flow{}, noShots: *noShots}
	// where the demo writes: --out when given (a file name ending in .html
	// gets the HTML report, anything else the bundle), else the bundle
	// folder of the settings file, else report.html
	dest, bundle := *out, !isHTMLName(*out)
	if !given(fs, "out") {
		dest, bundle = *out, false
		if pol.fileOut != "" {
			dest, bundle = pol.fileOut, true
		}
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

	b, err := newBrowser(ctx, *bf.chrome, *bf.remote)
	switch {
	case err == nil:
		defer b.Close()
		d.chrome, _ = b.Version(ctx)
		if code, ok := d.browser(ctx, s, b, base, *only); !ok {
			return code
		}
	case errors.Is(err, checker.ErrNoBrowser) && *bf.chrome == "" && *bf.remote == "":
		s.errorf("no Chrome or Chromium found, so the demo reads the pages without a browser and rules that need the rendered page answer \"needs checking by a person\".\n" +
			"  For the full audit, install one:  apt-get install -y chromium\n" +
			"  or set DELAKTIG_CHROME to the path of a Chrome or Chromium binary.")
		if err := d.static(ctx, s, base, *only); err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
	default:
		s.errorf("%v", browserError(err))
		return exitUsage
	}

	r := report.Build(d.pages...)
	r.Flow = &report.Flow{Name: "Norrsunda kommun: ansök om parkeringstillstånd (exempel)", Steps: d.steps, Findings: d.flowFindings, Complexity: d.cx}
	r.Generated = time.Now().UTC().Truncate(time.Second)
	r.Summarize()
	if err := pol.apply(r); err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	x := pol.extras(o.rules, d.shots)
	if bundle {
		meta, err := pol.bundle(dest, r, report.Options{Lang: o.lang}, x, pol.organisation(demoOrganisation), nil, d.chrome)
		if err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
		fmt.Fprintf(s.out, "wrote the evidence bundle to %s (%d files and meta.json)\n", dest, len(meta.Files))
	} else {
		if err := writeHTMLFile(dest, r, report.Options{Lang: o.lang}, x); err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
		fmt.Fprintf(s.out, "wrote %s\n", dest)
	}
	if *serve {
		fmt.Fprintf(s.out, "the example e-service is at %s/ (press Ctrl+C to stop)\n", base)
		<-ctx.Done()
	}
	if d.failedStep {
		return exitLoad
	}
	return exitOK
}

// isHTMLName reports whether a file name ends in .html or .htm.
func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// writeHTMLFile writes the HTML report to path, making its folder.
func writeHTMLFile(path string, r *report.Report, o report.Options, x *report.Extras) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	werr := report.WriteHTMLWith(f, r, o, x)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}

// demoRun gathers the demo's report, variant by variant.
type demoRun struct {
	noShots      bool   // take no screenshots
	chrome       string // the browser's version, for the bundle
	o            *checkOptions
	pages        []report.Page
	flowFindings []a11y.Finding
	shots        map[string][]byte
	cx           map[string]guidance.Flow // the flow complexity of each variant, by its label
	steps        int
	failedStep   bool
}

// add puts one variant's report into the demo's and prints its summary.
func (d *demoRun) add(s *stdio, label string, vr *report.Report, steps int) {
	d.pages = append(d.pages, vr.Pages...)
	if vr.Flow != nil {
		d.flowFindings = append(d.flowFindings, vr.Flow.Findings...)
		if fc, ok := vr.Flow.Complexity.(guidance.Flow); ok {
			d.cx[label] = fc
		}
	}
	d.steps += steps
	failed := 0
	for _, p := range vr.Pages {
		for _, f := range p.Findings {
			if f.Outcome == a11y.Failed {
				failed++
			}
		}
	}
	fmt.Fprintf(s.out, "%s: %d pages checked, %d failures in %d rules\n", label, len(vr.Pages), failed, len(vr.Summary.RulesFailed))
}

// browser audits the variants in Chrome with their flow files.
func (d *demoRun) browser(ctx context.Context, s *stdio, b *checker.Browser, base, only string) (int, bool) {
	for _, v := range demoVariants {
		if only != "" && only != v.name {
			continue
		}
		flow, err := flowfile.Parse(examples.Flows()[v.name], "examples/flows/"+v.name+".yaml")
		if err != nil {
			s.errorf("%v", err)
			return exitUsage, false
		}
		flow.Start = base + "/" + v.name + "/"
		opts := browserOptions(d.o, time.Minute)
		opts.FullPage, opts.NoScreenshots = !d.noShots, d.noShots
		opts.StepTimeout = time.Minute
		if isTerminal(s.err) {
			opts.Logf = progress(s, time.Now())
		}
		res, runErr := checker.Run(ctx, b, flow, opts)
		if res == nil {
			s.errorf("%v", runErr)
			return exitUsage, false
		}
		vr, vshots := flowReport(flow, res, v.label+" – ", nil)
		for k, png := range vshots {
			d.shots[k] = png
		}
		d.add(s, v.label, vr, len(flow.Steps))
		if runErr != nil {
			s.errorf("%v", runErr)
			d.failedStep = true
		}
	}
	return exitOK, true
}
