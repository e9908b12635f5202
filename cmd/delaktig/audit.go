package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/checker/flowfile"
	"github.com/delaktig/delaktig/checker/report"
)

func init() {
	register(&command{
		name:    "audit",
		args:    "[flags] FLOW.yaml",
		summary: "walk an e-service in Chrome with a flow file and check every step",
		run:     runAudit,
	})
	browserCheck = startBrowserCheck
}

const auditAbout = `Walks an e-service in headless Chrome as the flow file describes, checks
the page after every step that changes it, and writes one report to standard
output (and an evidence bundle with --out). Values written ${env:NAME} in the
flow are read from the environment and never written to any output.

Chrome is found on PATH (chromium, chromium-browser, google-chrome,
headless-shell) or at DELAKTIG_CHROME; --remote attaches to a running one.
Exit code 3 means a step could not be done: the report still holds what the
steps before it found.`

// browserFlags are the flags of commands that start a browser.
type browserFlags struct {
	chrome, remote *string
}

func addBrowserFlags(fs interface {
	String(name, value, usage string) *string
}) browserFlags {
	return browserFlags{
		chrome: fs.String("chrome", os.Getenv("DELAKTIG_CHROME"), "path of the Chrome or Chromium binary (default: $DELAKTIG_CHROME, else found on PATH)"),
		remote: fs.String("remote", "", "attach to a running Chrome at this DevTools address (ws://… or http://host:9222) instead of starting one"),
	}
}

// startBrowser starts (or attaches to) Chrome; a missing browser is a setup
// error that says what to do.
func startBrowser(ctx context.Context, chrome, remote string, more ...checker.Option) (*checker.Browser, error) {
	b, err := newBrowser(ctx, chrome, remote, more...)
	if err != nil {
		return nil, browserError(err)
	}
	return b, nil
}

// newBrowser starts Chrome at chrome (else found on PATH), or attaches to
// the one at remote.
func newBrowser(ctx context.Context, chrome, remote string, more ...checker.Option) (*checker.Browser, error) {
	opts := more
	switch {
	case remote != "":
		opts = append(opts, checker.WithRemote(remote))
	case chrome != "":
		opts = append(opts, checker.WithChrome(chrome))
	}
	return checker.New(ctx, opts...)
}

// browserError words a browser that could not be started as a setup error
// that says what to do.
func browserError(err error) error {
	if errors.Is(err, checker.ErrNoBrowser) {
		return usagef("no Chrome or Chromium could be started: install one (apt-get install -y chromium), set DELAKTIG_CHROME to its path, or pass --static to check without a browser (%v)", err)
	}
	return usagef("%v", err)
}

// addInteractionFlags adds the flags that turn off the checks made by
// driving the page in the browser.
func addInteractionFlags(fs *flag.FlagSet) (noInteractions, noExplore *bool) {
	noInteractions = fs.Bool("no-interactions", false, "make no keyboard walk, reflow, zoom or text-spacing checks in the browser")
	noExplore = fs.Bool("no-explore-errors", false, "do not submit forms wrongly on purpose to check their error messages (the server sees those submissions)")
	return noInteractions, noExplore
}

// browserOptions are the checker's options for o: a full audit (every
// interaction check and error exploration) less what the flags turn off.
func browserOptions(o *checkOptions, timeout time.Duration) checker.Options {
	opts := checker.DefaultOptions()
	opts.Rules = o.rules
	opts.Locale = o.lang
	opts.Wait = checker.Wait{Load: timeout}
	if o.noInteractions {
		opts.Interactions = checker.Interactions{}
	}
	opts.ExploreErrors = !o.noExplore
	return opts
}

// exploredKey is the Document.Extra key under which check's browser loader
// keeps the error states it found for the page's forms.
const exploredKey = "delaktig.explored"

// exploredDoc is one error state of a checked page's form.
type exploredDoc struct {
	doc  *a11y.Document
	step string
}

// explored returns the error states stored in doc by the browser loader.
func explored(doc *a11y.Document) []exploredDoc {
	if doc == nil || doc.Extra == nil {
		return nil
	}
	e, _ := doc.Extra[exploredKey].([]exploredDoc)
	return e
}

// startBrowserCheck is check's browser: URLs are loaded in Chrome, waited
// for until they settle, snapshotted with computed styles and layout, and
// driven (keyboard walk, reflow, zoom, text spacing); the error states of
// their forms are explored and kept with the page's document.
func startBrowserCheck(ctx context.Context, o *checkOptions) (loadFunc, func(), error) {
	chrome := o.chrome
	if chrome == "" {
		chrome = os.Getenv("DELAKTIG_CHROME")
	}
	b, err := startBrowser(ctx, chrome, o.remote, checker.WithTabs(max(o.concurrency, 1)))
	if err != nil {
		return nil, nil, err
	}
	opts := browserOptions(o, o.timeout)
	load := func(ctx context.Context, t target) (*a11y.Document, error) {
		p, err := checker.CheckURL(ctx, b, t.name, opts)
		if err != nil {
			return nil, &loadError{t.name, loadReason(err)}
		}
		doc := p.Doc
		if !opts.ExploreErrors {
			return doc, nil
		}
		tab, err := b.Tab(ctx)
		if err != nil {
			return doc, nil
		}
		defer tab.Release()
		states, _ := tab.ExploreErrors(ctx, doc, opts, nil)
		var out []exploredDoc
		for _, st := range states {
			if st.Page == nil || st.Page.Doc == nil {
				continue
			}
			out = append(out, exploredDoc{st.Page.Doc, "error state (" + st.Pass + "): " + st.Form})
		}
		if len(out) > 0 {
			if doc.Extra == nil {
				doc.Extra = map[string]any{}
			}
			doc.Extra[exploredKey] = out
		}
		return doc, nil
	}
	return load, func() { _ = b.Close() }, nil
}

// loadReason words a browser's load error as check's static loader does.
func loadReason(err error) error {
	var le *checker.LoadError
	if errors.As(err, &le) {
		if le.Status != 0 {
			return fmt.Errorf("the server answered %s", le.Reason[len("HTTP "):])
		}
		return errors.New(le.Reason)
	}
	return err
}

func runAudit(ctx context.Context, s *stdio, args []string) int {
	c := commands["audit"]
	fs := newFlags(s, c, auditAbout)
	format := fs.String("format", "text", "report format: "+oneOf(report.FormatNames()))
	lang := fs.String("lang", defaultLang(), "language of the report: sv, nb or en; the default comes from DELAKTIG_LANG, then the settings file's locale, then LANG")
	spec := fs.String("rules", "", "rules to run, for example all,-color-contrast,wcag:1.4.*,tag:forms (see delaktig rules)")
	failOn := fs.String("fail-on", "", "exit 1 only for failures at least this serious: critical, serious, moderate, minor or any (the default); new: only for failures the --baseline lacks; none: never")
	outcomes := fs.String("outcomes", "", "outcomes to list: all, or a list of failed, cantTell, passed, inapplicable (default failed,cantTell)")
	timeout := fs.Duration("timeout", 60*time.Second, "time limit for one step, its page load and its checks included")
	oracle := fs.Bool("ax-oracle", false, "also read Chrome's accessibility tree into every page (slower; for comparing roles and names)")
	noShots := fs.Bool("no-screenshots", false, "take no screenshots")
	verbose := fs.Bool("v", false, "print each step on standard error as it is done, with the time taken (the default when standard error is a terminal)")
	noInter, noExplore := addInteractionFlags(fs)
	pf := addPolicyFlags(fs, true)
	bf := addBrowserFlags(fs)
	pos, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	pol, ruleSpec, failSpec, err := loadPolicy(pf, *spec, *failOn)
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	o, err := checkConfig(false, *format, pol.language(fs, *lang), ruleSpec, failSpec, *outcomes, *timeout, true)
	if o != nil {
		o.noInteractions, o.noExplore = *noInter, *noExplore
	}
	if err == nil && len(pos) != 1 {
		err = usagef("name one flow file, for example: delaktig audit ansokan.yaml")
	}
	if err != nil {
		s.errorf("%v", err)
		return exitCode(err)
	}
	flow, err := flowfile.Load(pos[0])
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	var missing []string
	var secrets []string
	for _, name := range flow.EnvRefs() {
		v, ok := os.LookupEnv(name)
		if !ok {
			missing = append(missing, name)
			continue
		}
		secrets = append(secrets, v)
	}
	if len(missing) > 0 {
		s.errorf("the flow reads %s from the environment: set %s before running it", oneOf(wrapEnv(missing)), oneOf(missing))
		return exitUsage
	}
	b, err := startBrowser(ctx, *bf.chrome, *bf.remote)
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	defer b.Close()

	opts := browserOptions(o, *timeout)
	opts.StepTimeout = *timeout
	opts.FullPage, opts.NoScreenshots = !*noShots, *noShots
	opts.AXOracle = *oracle
	opts.Env = os.LookupEnv
	if showProgress(s, *verbose) {
		opts.Logf = progress(s, time.Now())
	}
	res, runErr := checker.Run(ctx, b, flow, opts)
	if res == nil {
		s.errorf("%v", runErr)
		return exitUsage
	}
	r, shots := flowReport(flow, res, "", nil)
	r.Generated = time.Now().UTC().Truncate(time.Second)
	if runErr != nil {
		s.errorf("%v", runErr)
		r.AddError(runErr.Error())
	}
	version := ""
	if pol.out != "" {
		version, _ = b.Version(ctx)
	}
	return pol.finish(s, o, r, shots, secrets, version, runErr != nil)
}

func wrapEnv(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "${env:" + n + "}"
	}
	return out
}

// flowReport turns a flow's result into report pages (one per audited step,
// with readability and complexity), the flow's findings and complexity, and
// the screenshots keyed by report.PageKey. prefix is put before every step
// name (the demo tells its two variants apart with it). The pages' facts
// are also added to ff when it is not nil.
func flowReport(flow *checker.Flow, res *checker.FlowResult, prefix string, ff *flowFacts) (*report.Report, map[string][]byte) {
	var pages []report.Page
	var own flowFacts
	shots := map[string][]byte{}
	seen := map[string]int{}
	for _, st := range res.Steps {
		p := st.Page
		if p == nil {
			continue
		}
		rp := report.NewPage(p.Doc, p.Result)
		rp.URL = p.URL
		name := prefix + st.Name
		if seen[name]++; seen[name] > 1 {
			name += " (" + strconv.Itoa(seen[name]) + ")"
		}
		rp.Step = name
		for i := range rp.Findings {
			rp.Findings[i].Step = name
		}
		own.add(&rp, p.Doc)
		if ff != nil {
			ff.cx = append(ff.cx, own.cx[len(own.cx)-1])
			ff.facts = append(ff.facts, own.facts[len(own.facts)-1])
		}
		if len(p.Screenshot) > 0 {
			shots[report.PageKey(rp)] = p.Screenshot
		}
		pages = append(pages, rp)
	}
	r := report.Build(pages...)
	r.Flow = &report.Flow{Name: flow.Name, Steps: len(flow.Steps), Complexity: own.complexity()}
	if res.Flow != nil {
		r.Flow.Findings = append(r.Flow.Findings, res.Flow.Findings...)
		for i := range r.Flow.Findings {
			r.Flow.Findings[i].Step = prefix + r.Flow.Findings[i].Step
		}
	}
	r.Summarize()
	return r, shots
}
