package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/locale"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/checker/report"
	"github.com/delaktig/delaktig/guidance"
	"golang.org/x/text/language"
)

func init() {
	register(&command{
		name:    "check",
		args:    "[flags] TARGET...",
		summary: "check HTML files, folders, URLs or standard input (-)",
		run:     runCheck,
	})
}

const checkAbout = `Checks each TARGET and writes one report to standard output.
A TARGET is an HTML file, a folder (every .html and .htm file inside, in
name order), an http or https URL, or - for standard input.

URLs are loaded in headless Chrome (DELAKTIG_CHROME, or chromium or chrome
on PATH; --remote attaches to a running one): the rendered page is checked,
with the keyboard walk, reflow, zoom and text spacing checks, and each form
is submitted with mistakes to check its error messages. With --static, or
for files and standard input, the HTML is read without a browser, and rules
that need the rendered page answer "needs checking by a person".`

// checkOptions is the check command's configuration, from its flags.
type checkOptions struct {
	static   bool
	format   report.Format
	lang     string
	rules    []*a11y.Rule
	failOn   a11y.Impact
	outcomes []a11y.Outcome
	timeout  time.Duration
	// noInteractions turns off the keyboard walk, reflow, zoom and text
	// spacing checks in the browser; noExplore the error exploration.
	noInteractions, noExplore bool
	// policy holds the settings file, baseline, suppressions and history.
	policy *policy
	// chrome and remote choose the browser for URL targets; concurrency
	// is how many targets load at the same time (one tab each).
	chrome, remote string
	concurrency    int
}

// The rule registry; tests replace it with a fixed set. The default page
// rules are the accessibility rules and the plain-language and inclusion
// rules; audit and demo add the flow rules.
var (
	defaultRules      = func() []*a11y.Rule { return append(rules.All(), guidance.Rules()...) }
	experimentalRules = rules.Experimental
	flowRules         = guidance.FlowRules
)

func runCheck(ctx context.Context, s *stdio, args []string) int {
	c := commands["check"]
	fs := newFlags(s, c, checkAbout)
	static := fs.Bool("static", false, "read every target as HTML, without a browser")
	format := fs.String("format", "text", "report format: "+oneOf(report.FormatNames()))
	lang := fs.String("lang", defaultLang(), "language of the report: sv, nb or en; the default comes from DELAKTIG_LANG, then the settings file's locale, then LANG")
	spec := fs.String("rules", "", "rules to run, for example all,-color-contrast,wcag:1.4.*,tag:forms (see delaktig rules)")
	failOn := fs.String("fail-on", "", "exit 1 only for failures at least this serious: critical, serious, moderate, minor or any (the default); new: only for failures the --baseline lacks; none: never")
	outcomes := fs.String("outcomes", "", "outcomes to list: all, or a list of failed, cantTell, passed, inapplicable (default failed,cantTell)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for loading one URL")
	noInter, noExplore := addInteractionFlags(fs)
	bf := addBrowserFlags(fs)
	concurrency := fs.Int("concurrency", 4, "how many targets to load at the same time, one browser tab each")
	pf := addPolicyFlags(fs, true)
	targets, code, ok := parseCommand(s, fs, args)
	if !ok {
		return code
	}
	pol, ruleSpec, failSpec, err := loadPolicy(pf, *spec, *failOn)
	if err != nil {
		s.errorf("%v", err)
		return exitUsage
	}
	o, err := checkConfig(*static, *format, pol.language(fs, *lang), ruleSpec, failSpec, *outcomes, *timeout, false)
	if o != nil {
		o.noInteractions, o.noExplore = *noInter, *noExplore
		o.policy = pol
		o.chrome, o.remote, o.concurrency = *bf.chrome, *bf.remote, *concurrency
	}
	if err == nil && *concurrency < 1 {
		err = usagef("--concurrency must be at least 1, not %d", *concurrency)
	}
	if err == nil && len(targets) == 0 {
		err = usagef("no target given: name an HTML file, a folder, a URL or - for standard input, for example: delaktig check index.html")
	}
	if err == nil && countOf(targets, "-") > 1 {
		err = usagef("standard input (-) is named twice; name it once")
	}
	if err != nil {
		s.errorf("%v", err)
		return exitCode(err)
	}
	return check(ctx, s, o, targets)
}

func countOf(list []string, v string) int {
	n := 0
	for _, s := range list {
		if s == v {
			n++
		}
	}
	return n
}

// checkConfig validates the flags and turns them into options.
// flow adds the flow rules to the rules --rules selects from.
func checkConfig(static bool, format, lang, spec, failOn, outcomes string, timeout time.Duration, flow bool) (*checkOptions, error) {
	o := &checkOptions{static: static, timeout: timeout}
	var ok bool
	if o.format, ok = report.FormatByName(format); !ok {
		return nil, usagef("unknown --format %q: use %s", format, oneOf(report.FormatNames()))
	}
	l, err := parseLang(lang)
	if err != nil {
		return nil, err
	}
	o.lang = l
	if o.rules, err = selectRules(spec, flow); err != nil {
		return nil, err
	}
	if failOn != "any" {
		if o.failOn, err = a11y.ParseImpact(failOn); err != nil {
			return nil, usagef("unknown --fail-on %q: use critical, serious, moderate, minor or any", failOn)
		}
	}
	if o.outcomes, err = parseOutcomes(outcomes); err != nil {
		return nil, err
	}
	if timeout <= 0 {
		return nil, usagef("--timeout must be more than zero, for example --timeout 30s")
	}
	return o, nil
}

// parseLang checks a --lang value and returns the shipped language it
// selects ("" selects English).
func parseLang(lang string) (string, error) {
	if lang == "" {
		return "en", nil
	}
	if _, err := language.Parse(lang); err != nil {
		return "", usagef("unknown --lang %q: use sv, nb or en", lang)
	}
	return locale.Match(lang), nil
}

// defaultLang is the report language from the environment: DELAKTIG_LANG,
// then the POSIX locale variables, else English.
func defaultLang() string {
	for _, v := range []string{"DELAKTIG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		val := os.Getenv(v)
		if val == "" {
			continue
		}
		val, _, _ = strings.Cut(val, ".") // sv_SE.UTF-8
		val, _, _ = strings.Cut(val, "@")
		if val == "C" || val == "POSIX" {
			return "en"
		}
		return locale.Match(strings.ReplaceAll(val, "_", "-"))
	}
	return "en"
}

// selectRules picks the rules a --rules spec names from the default rules
// (with the flow rules when flow is set) and the experimental rules.
// Experimental rules run only when named by their id.
func selectRules(spec string, flow bool) ([]*a11y.Rule, error) {
	def, exp := defaultRules(), experimentalRules()
	if flow && len(def) > 0 {
		def = append(slices.Clip(def), flowRules()...)
	}
	if strings.TrimSpace(spec) == "" {
		if len(def) == 0 {
			return nil, usagef("no rules are registered in this build of delaktig")
		}
		return def, nil
	}
	sel, err := a11y.Select(append(slices.Clip(def), exp...), spec)
	if err != nil {
		return nil, usagef("%v", err)
	}
	named := map[string]bool{}
	for _, part := range strings.Split(spec, ",") {
		named[strings.TrimSpace(part)] = true
	}
	out := sel[:0:0]
	for _, r := range sel {
		if !slices.Contains(exp, r) || named[r.ID] {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, usagef("--rules %q selects no rule; run delaktig rules to see them", spec)
	}
	return out, nil
}

// parseOutcomes reads --outcomes: "" (failed and cantTell), "all", or a
// comma-separated list of outcome names.
func parseOutcomes(v string) ([]a11y.Outcome, error) {
	switch strings.TrimSpace(v) {
	case "":
		return report.DefaultOutcomes(), nil
	case "all":
		return report.AllOutcomes(), nil
	}
	var out []a11y.Outcome
	for _, part := range strings.Split(v, ",") {
		o, err := a11y.ParseOutcome(strings.TrimSpace(part))
		if err != nil {
			return nil, usagef("unknown outcome %q in --outcomes: use all, or a list of failed, cantTell, passed and inapplicable", part)
		}
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	return out, nil
}

// loadFunc reads one target into a document.
type loadFunc func(ctx context.Context, t target) (*a11y.Document, error)

// browserCheck is the seam for the browser. When set, check calls it once
// per run that has URL targets (and no --static), and loads those URLs with
// the function it returns, in a browser; done is called at the end. An error
// is a setup problem (exit 2) and should say what to do, such as installing
// Chrome or passing --static. While browserCheck is nil, every target is
// read statically.
var browserCheck func(ctx context.Context, o *checkOptions) (load loadFunc, done func(), err error)

// check loads and checks every target, writes the report, and returns the
// exit code. Findings gathered before a target fails to load are still written.
func check(ctx context.Context, s *stdio, o *checkOptions, args []string) int {
	var pages []report.Page
	var loadErrs []error
	var ff flowFacts
	static := staticLoader(s, o)
	load := static
	targets, errs := expandTargets(args)
	loadErrs = append(loadErrs, errs...)
	if browserCheck != nil && !o.static && slices.ContainsFunc(targets, func(t target) bool { return t.kind == targetURL }) {
		bl, done, err := browserCheck(ctx, o)
		if err != nil {
			s.errorf("%v", err)
			return exitUsage
		}
		defer done()
		load = func(ctx context.Context, t target) (*a11y.Document, error) {
			if t.kind == targetURL {
				return bl(ctx, t)
			}
			return static(ctx, t)
		}
	}
	loaded := loadAll(ctx, targets, load, o.concurrency)
	for i, t := range targets {
		doc, err := loaded[i].doc, loaded[i].err
		if err != nil {
			var le *loadError
			if !errors.As(err, &le) {
				err = &loadError{t.name, err}
			}
			loadErrs = append(loadErrs, err)
			continue
		}
		checkOpts := []a11y.Option{a11y.WithRules(o.rules...), a11y.WithLocale(o.lang)}
		if slices.Contains(o.outcomes, a11y.Passed) || slices.Contains(o.outcomes, a11y.Inapplicable) {
			checkOpts = append(checkOpts, a11y.WithAllTargets())
		}
		// the page, then the error states the browser found for its forms
		docs := []*a11y.Document{doc}
		steps := []string{""}
		for _, e := range explored(doc) {
			docs = append(docs, e.doc)
			steps = append(steps, e.step)
		}
		for i, d := range docs {
			res, err := a11y.Check(ctx, d, checkOpts...)
			if err != nil && res == nil {
				loadErrs = append(loadErrs, &loadError{t.name, err})
				break
			}
			if err != nil {
				// Interrupted: keep what was found so far on this page.
				res.Errors = append(res.Errors, err)
			}
			rp := report.NewPage(d, res)
			ff.add(&rp, d)
			if steps[i] != "" {
				rp.Step = steps[i]
				for j := range rp.Findings {
					rp.Findings[j].Step = steps[i]
				}
			}
			pages = append(pages, rp)
		}
	}
	r := report.Build(pages...)
	if len(pages) > 1 {
		r.Flow = &report.Flow{Steps: len(pages), Complexity: ff.complexity()}
		r.Summarize()
	}
	r.Generated = time.Now().UTC().Truncate(time.Second)
	for _, err := range loadErrs {
		s.errorf("%v", err)
		r.AddError(err.Error())
	}
	pol := o.policy
	if pol == nil {
		pol = &policy{}
	}
	return pol.finish(s, o, r, nil, nil, "", len(loadErrs) > 0)
}

// loadResult is one target's document or why it could not be loaded.
type loadResult struct {
	doc *a11y.Document
	err error
}

// loadAll loads the targets with load, n at a time, and returns the results
// in the targets' order. Targets not started before ctx ends are reported as
// stopped; the others keep what they loaded.
func loadAll(ctx context.Context, targets []target, load loadFunc, n int) []loadResult {
	out := make([]loadResult, len(targets))
	if n < 1 {
		n = 1
	}
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for i, t := range targets {
		if err := ctx.Err(); err != nil {
			out[i].err = &loadError{t.name, fmt.Errorf("stopped before loading: %w", err)}
			continue
		}
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i].doc, out[i].err = load(ctx, t)
		}()
	}
	wg.Wait()
	return out
}

// flowFacts gathers what guidance.FlowComplexity needs, page by page.
type flowFacts struct {
	cx    []guidance.Complexity
	facts []*guidance.PageFacts
}

// add fills rp's readability and complexity from doc and keeps its facts.
func (ff *flowFacts) add(rp *report.Page, doc *a11y.Document) {
	rp.Readability = guidance.Readability(doc)
	cx := guidance.PageComplexity(doc)
	rp.Complexity = cx
	ff.cx = append(ff.cx, cx)
	ff.facts = append(ff.facts, guidance.Facts(doc))
}

// complexity is the flow's complexity over the pages added.
func (ff *flowFacts) complexity() guidance.Flow {
	return guidance.FlowComplexity(ff.cx, ff.facts)
}
