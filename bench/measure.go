package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/delaktig/delaktig/internal/pagegen"
)

// config is what one bench run measures.
type config struct {
	sizes []int
	runs  int
	// rules are the Delaktig rules run on each snapshot.
	rules []*a11y.Rule
	// axe is the source of axe.min.js injected into each page; nil skips axe.
	axe []byte
	// ax also times Chrome's full accessibility tree.
	ax bool
	// wait bounds the load of each page.
	wait checker.Wait
	// timeout bounds each measured step (axe on the largest page takes minutes).
	timeout time.Duration
	// log receives one line per run; nil logs nothing.
	log io.Writer
}

// benchWait is the wait for a generated page: the checker's, with the
// shorter quiet period its fixtures use (the pages run no script).
var benchWait = checker.Wait{Load: 5 * time.Minute, Quiet: 100 * time.Millisecond, Max: 5 * time.Second}

// counts are the findings of one run.
type counts struct {
	elements             int
	failed, failedRules  int
	cantTell, ruleErrors int
	axeNodes, axeRules   int
	axTreeNodes          int
	properties           int
}

// bench measures every size of cfg in one tab of b and returns the report,
// without the machine fields (see describe).
func bench(ctx context.Context, b *checker.Browser, cfg config) (*Report, error) {
	if cfg.runs < 1 {
		return nil, fmt.Errorf("bench: runs must be at least 1, not %d", cfg.runs)
	}
	if len(cfg.rules) == 0 {
		return nil, errors.New("bench: no rules to run")
	}
	if cfg.wait == (checker.Wait{}) {
		cfg.wait = benchWait
	}
	if cfg.timeout <= 0 {
		cfg.timeout = 15 * time.Minute
	}
	logf := func(format string, args ...any) {
		if cfg.log != nil {
			fmt.Fprintf(cfg.log, format+"\n", args...)
		}
	}

	pages := newPages()
	srv := httptest.NewServer(pages)
	defer srv.Close()

	tab, err := b.Tab(ctx)
	if err != nil {
		return nil, fmt.Errorf("bench: open a tab: %w", err)
	}
	defer tab.Release()

	rep := &Report{Runs: cfg.runs}
	for _, n := range cfg.sizes {
		row := Row{Sections: n, Bytes: len(pages.page(n)), AxeMeasured: cfg.axe != nil, AXMeasured: cfg.ax}
		for run := 1; run <= cfg.runs; run++ {
			url := srv.URL + "/form?sections=" + strconv.Itoa(n) + "&run=" + strconv.Itoa(run)
			s, c, err := measure(ctx, tab, url, cfg)
			if err != nil {
				return rep, fmt.Errorf("bench: %d sections, run %d: %w", n, run, err)
			}
			row.Samples = append(row.Samples, s)
			row.Elements = c.elements
			row.Failed, row.FailedRules, row.CantTell, row.RuleErrors = c.failed, c.failedRules, c.cantTell, c.ruleErrors
			row.AxeNodes, row.AxeRules, row.AXTreeNodes = c.axeNodes, c.axeRules, c.axTreeNodes
			row.StyleProperties = c.properties
			logf("%d sections, run %d/%d: load %s, first capture %s, DOMSnapshot %s (conversion %s), snapshot %s, rules %s, axe %s, AX tree %s",
				n, run, cfg.runs, formatMS(s.Load), formatMS(s.FirstCapture), formatMS(s.DOMSnapshot), formatMS(s.Convert), formatMS(s.Snapshot),
				formatMS(s.Rules), formatMS(s.Axe), formatMS(s.AXTree))
		}
		row.summarize()
		rep.Rows = append(rep.Rows, row)
	}
	return rep, nil
}

// pages serves the generated pages at /form?sections=N (any other query is
// ignored, so that each run loads a new address) and 404 for anything else,
// such as the pages' images.
type pages struct {
	mu    sync.Mutex
	cache map[int][]byte
}

func newPages() *pages { return &pages{cache: map[int][]byte{}} }

func (p *pages) page(n int) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, ok := p.cache[n]
	if !ok {
		b = pagegen.Form(n)
		p.cache[n] = b
	}
	return b
}

func (p *pages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	n, err := strconv.Atoi(r.URL.Query().Get("sections"))
	if r.URL.Path != "/form" || err != nil || n < 0 || n > 100_000 {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(p.page(n))
}

// stepContext derives a context of the tab's chromedp context that ends
// after d or when ctx ends.
func stepContext(ctx context.Context, tab *checker.Tab, d time.Duration) (context.Context, context.CancelFunc) {
	sctx, cancel := context.WithTimeout(tab.Context(), d)
	stop := context.AfterFunc(ctx, cancel)
	return sctx, func() {
		stop()
		cancel()
	}
}

// prepareScript forces style and layout of the whole page and waits for
// two animation frames (at most a second), so that every measured step
// starts from a laid-out, painted page. It returns the number of elements
// and the page's DOMContentLoaded and load event times (navigation timing).
const prepareScript = `(async () => {
	void document.documentElement.getBoundingClientRect();
	await new Promise(done => {
		const t = setTimeout(done, 1000);
		requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(t); done(); }));
	});
	const nav = performance.getEntriesByType("navigation")[0] || {};
	return {elements: document.getElementsByTagName("*").length, dcl: nav.domContentLoadedEventEnd || 0, load: nav.loadEventEnd || 0};
})()`

type prepared struct {
	Elements int     `json:"elements"`
	DCL      float64 `json:"dcl"`
	Load     float64 `json:"load"`
}

// axeRunScript runs axe on the document and returns only counts, so that
// the answer costs nothing to transfer.
const axeRunScript = `(async () => {
	const r = await axe.run(document, {resultTypes: ["violations"]});
	let nodes = 0;
	for (const v of r.violations) nodes += v.nodes.length;
	return {rules: r.violations.length, nodes: nodes};
})()`

type axeCounts struct {
	Rules int `json:"rules"`
	Nodes int `json:"nodes"`
}

// measure loads url afresh in tab and times each step once.
func measure(ctx context.Context, tab *checker.Tab, url string, cfg config) (Sample, counts, error) {
	var s Sample
	var c counts
	sctx, cancel := stepContext(ctx, tab, cfg.timeout)
	defer cancel()

	// (a) load: navigate, wait until settled, lay the page out
	start := time.Now()
	status, err := tab.Navigate(ctx, url, cfg.wait.Load)
	if err != nil {
		return s, c, err
	}
	if status >= 400 {
		return s, c, fmt.Errorf("bench: %s answered HTTP %d", url, status)
	}
	settled, err := tab.WaitSettled(ctx, cfg.wait)
	if err != nil {
		return s, c, err
	}
	if !settled.Loaded {
		return s, c, fmt.Errorf("bench: %s did not load within %v", url, cfg.wait.Load)
	}
	pr, err := chromedp.Run(sctx, chromedp.Evaluate[prepared](prepareScript, chromedp.EvalAwaitPromise))
	if err != nil {
		return s, c, fmt.Errorf("bench: lay out the page: %w", err)
	}
	s.Load = ms(time.Since(start))
	c.elements, s.DOMContentLoaded, s.LoadEvent = pr.Elements, pr.DCL, pr.Load

	// The first capture of a page costs more than the next ones (Chrome
	// fills caches on it): take it once untimed, so that the raw call and
	// the snapshot below are compared on equal terms. Its time is kept.
	params, err := checker.PageCaptureParams(sctx)
	if err != nil {
		return s, c, fmt.Errorf("bench: %w", err)
	}
	c.properties = len(params.ComputedStyles)
	goruntime.GC()
	start = time.Now()
	if _, err := chromedp.Call(sctx, domsnapshot.CaptureSnapshot, params); err != nil {
		return s, c, fmt.Errorf("bench: capture the page: %w", err)
	}
	s.FirstCapture = ms(time.Since(start))

	// (b) the raw DOMSnapshot call with the snapshot's parameters, its answer
	// decoded by the protocol library's general decoder (the snapshot reads
	// it with its own, see checker/snapdecode.go)
	goruntime.GC()
	start = time.Now()
	raw, err := chromedp.Call(sctx, domsnapshot.CaptureSnapshot, params)
	if err != nil {
		return s, c, fmt.Errorf("bench: capture the page: %w", err)
	}
	s.DOMSnapshot = ms(time.Since(start))
	// the conversion alone, for the record: the snapshot below repeats it
	start = time.Now()
	if _, err := checker.FromSnapshot(&raw, checker.SnapshotOptions{Properties: params.ComputedStyles}); err != nil {
		return s, c, fmt.Errorf("bench: convert the snapshot: %w", err)
	}
	s.Convert = ms(time.Since(start))

	// (c) Delaktig: snapshot with conversion, then every rule
	goruntime.GC()
	start = time.Now()
	doc, err := checker.Snapshot(sctx)
	if err != nil {
		return s, c, err
	}
	s.Snapshot = ms(time.Since(start))
	start = time.Now()
	res, err := a11y.Check(ctx, doc, a11y.WithRules(cfg.rules...))
	if err != nil {
		return s, c, fmt.Errorf("bench: check: %w", err)
	}
	s.Rules = ms(time.Since(start))
	failedRules := map[string]bool{}
	for _, f := range res.Findings {
		switch f.Outcome {
		case a11y.Failed:
			c.failed++
			failedRules[f.Rule] = true
		case a11y.CantTell:
			c.cantTell++
		}
	}
	c.failedRules = len(failedRules)
	c.ruleErrors = len(res.Errors)
	goruntime.GC() // the document is garbage now: collect it before axe runs

	// (d) axe, injected once into this page
	if cfg.axe != nil {
		start = time.Now()
		if err := evaluate(sctx, string(cfg.axe)+"\n;void 0", nil); err != nil {
			return s, c, fmt.Errorf("bench: inject axe: %w", err)
		}
		s.AxeInject = ms(time.Since(start))
		var ac axeCounts
		start = time.Now()
		if err := evaluate(sctx, axeRunScript, &ac); err != nil {
			return s, c, fmt.Errorf("bench: run axe: %w", err)
		}
		s.Axe = ms(time.Since(start))
		c.axeNodes, c.axeRules = ac.Nodes, ac.Rules
	}

	// (e) Chrome's full accessibility tree
	if cfg.ax {
		start = time.Now()
		tree, err := chromedp.Call(sctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return s, c, fmt.Errorf("bench: read the accessibility tree: %w", err)
		}
		s.AXTree = ms(time.Since(start))
		c.axTreeNodes = len(tree.Nodes)
		// let Chrome drop the tree it built, so that it does not keep
		// updating it during the next runs
		if _, err := chromedp.Call(sctx, accessibility.Disable, cdp.Empty{}); err != nil {
			return s, c, fmt.Errorf("bench: disable the accessibility domain: %w", err)
		}
	}
	return s, c, nil
}

// evaluate runs expression in the page, awaiting a promise it returns, and
// decodes the value into out (nil: the value is dropped).
func evaluate(ctx context.Context, expression string, out any) error {
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{
		Expression:    expression,
		AwaitPromise:  new(true),
		ReturnByValue: new(out != nil),
		Silent:        new(true),
	})
	if err != nil {
		return err
	}
	if ex := res.ExceptionDetails; ex != nil {
		msg := ex.Text
		if ex.Exception != nil && ex.Exception.Description != "" {
			msg = ex.Exception.Description
		}
		msg, _, _ = strings.Cut(msg, "\n")
		return fmt.Errorf("script error: %q", msg)
	}
	if out == nil || res.Result == nil {
		return nil
	}
	if err := json.Unmarshal(res.Result.Value, out); err != nil {
		return fmt.Errorf("decode the answer: %w", err)
	}
	return nil
}

// cpuModel returns the processor's name on Linux, or "".
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return ""
}
