package checker

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
)

// ErrUnreachable is wrapped by the error of a page that could not be loaded:
// no answer, a network error, or an HTTP error status for an address the
// caller asked for. The command-line tool maps it to exit code 3.
var ErrUnreachable = errors.New("checker: the page could not be loaded")

// LoadError is the error of a page that could not be loaded. It wraps
// ErrUnreachable.
type LoadError struct {
	URL    string // the address asked for (secrets masked)
	Status int    // the HTTP status, when the server answered
	Reason string // what went wrong, such as "net::ERR_CONNECTION_REFUSED" or "HTTP 404 Not Found"
}

// Error names the address and the reason.
func (e *LoadError) Error() string {
	return fmt.Sprintf("checker: could not load %s: %s", e.URL, e.Reason)
}

// Unwrap returns ErrUnreachable.
func (e *LoadError) Unwrap() error { return ErrUnreachable }

// Options configure CheckURL and Run. Rules must be set; the rest of the
// zero value checks in English with the default waits.
type Options struct {
	// Rules to run, normally rules.All() (package a11y/rules). Without
	// rules, checking fails with a11y.ErrNoRules.
	Rules []*a11y.Rule
	// Locale of the findings' messages ("en", "sv", "nb"…).
	Locale string
	// Wait bounds the wait for each page to load and settle.
	Wait Wait
	// StepTimeout bounds one flow step, its wait and its audit included
	// (default: Wait.Load plus 30 s).
	StepTimeout time.Duration
	// Viewport overrides the tab's viewport (a flow's own viewport wins).
	Viewport *Viewport
	// Screenshots takes a PNG of the viewport of every audited state;
	// FullPage takes the whole page instead. Run takes screenshots unless
	// NoScreenshots is set; CheckURL only when Screenshots is set.
	Screenshots, FullPage, NoScreenshots bool
	// AXOracle joins Chrome's accessibility tree into every document
	// (slow; for cross-checking the engine).
	AXOracle bool
	// Interactions selects the checks made by driving each audited state:
	// the keyboard walk, reflow, zoom and text spacing (see Interactions).
	// The zero value makes none; DefaultOptions makes them all.
	Interactions Interactions
	// ExploreErrors makes Run submit the forms of each audited step wrongly
	// (empty, and with values of the wrong form) in a second tab of the
	// flow's browser context and audit every error state as an extra step
	// (see Tab.ExploreErrors). DefaultOptions turns it on.
	ExploreErrors bool
	// Env looks up ${env:NAME} references of a flow; nil reads nothing,
	// and a reference fails the step that uses it.
	Env func(name string) (string, bool)
	// Logf, when set, receives one line per step or page.
	Logf func(format string, args ...any)
}

func (o *Options) logf(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

func (o *Options) stepTimeout() time.Duration {
	if o.StepTimeout > 0 {
		return o.StepTimeout
	}
	return o.Wait.withDefaults().Load + 30*time.Second
}

// PageResult is one audited state of a page.
type PageResult struct {
	// URL is the address of the state (after redirects).
	URL string
	// Title is the document's title, Lang its root element's lang attribute.
	Title, Lang string
	// Status is the HTTP status of the main document (0 when unknown, for
	// example after an in-page change).
	Status int
	// Doc is the state as the rules saw it.
	Doc *a11y.Document
	// Result holds the findings of the page rules and the facts they exported.
	Result *a11y.Result
	// Screenshot is a PNG of the state, when screenshots were asked for.
	Screenshot []byte
	// Settled tells how the wait for the page ended.
	Settled Settled
	// Dialogs lists the JavaScript dialogs the page opened (and the checker
	// accepted) while it was loaded or driven.
	Dialogs []Dialog
	// Timing breaks down where the time went.
	Timing Timing
}

// Timing is where the time of one audited state went.
type Timing struct {
	Load, Snapshot, Check, Screenshot time.Duration
}

// CheckURL loads url in a tab of b, waits until the page settles, takes one
// snapshot and runs the page rules on it. An address that cannot be loaded
// (network error, no answer within Options.Wait.Load, HTTP status 400 or
// more) gives a *LoadError wrapping ErrUnreachable. JavaScript dialogs are
// accepted so that nothing blocks.
func CheckURL(ctx context.Context, b *Browser, url string, opts Options) (*PageResult, error) {
	t, err := b.Tab(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Release()
	if opts.Viewport != nil && *opts.Viewport != t.viewport {
		old := t.viewport
		if err := t.SetViewport(ctx, *opts.Viewport); err != nil {
			return nil, err
		}
		defer func() { _ = t.SetViewport(context.WithoutCancel(ctx), old) }()
	}
	w := opts.Wait.withDefaults()
	start := time.Now()
	status, err := t.Navigate(ctx, url, w.Load)
	if err != nil {
		return nil, err
	}
	settled, err := t.WaitSettled(ctx, w)
	if err != nil {
		return nil, err
	}
	if r, ok := t.lastDocument(); ok && r.status != 0 {
		status = int(r.status)
	}
	if status >= 400 {
		return nil, &LoadError{URL: url, Status: status, Reason: fmt.Sprintf("HTTP %d %s", status, http.StatusText(status))}
	}
	load := time.Since(start)
	p, err := t.Audit(ctx, opts, opts.Screenshots, nil)
	if err != nil {
		return nil, err
	}
	p.Status = status
	p.Settled = settled
	p.Timing.Load = load
	p.Dialogs = t.Dialogs()
	opts.logf("checked %s: %d findings", p.URL, len(p.Result.Findings))
	return p, nil
}

// LoadURL loads url in a tab of b, waits until the page settles (opts.Wait)
// and returns its snapshot, without running any rule (for callers that
// check documents themselves). Errors are as for CheckURL.
func LoadURL(ctx context.Context, b *Browser, url string, opts Options) (*a11y.Document, error) {
	t, err := b.Tab(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Release()
	w := opts.Wait.withDefaults()
	status, err := t.Navigate(ctx, url, w.Load)
	if err != nil {
		return nil, err
	}
	if _, err := t.WaitSettled(ctx, w); err != nil {
		return nil, err
	}
	if r, ok := t.lastDocument(); ok && r.status != 0 {
		status = int(r.status)
	}
	if status >= 400 {
		return nil, &LoadError{URL: url, Status: status, Reason: fmt.Sprintf("HTTP %d %s", status, http.StatusText(status))}
	}
	cctx, cancel := t.join(ctx)
	defer cancel()
	doc, err := Snapshot(cctx)
	if err != nil {
		return nil, t.wrap(err)
	}
	if _, err := AskUncertain(cctx, doc); err != nil {
		return nil, t.wrap(err)
	}
	return doc, nil
}

// Navigate loads url in the tab and returns the HTTP status of the document
// when it is known at once. It does not wait for the page to load: call
// WaitSettled. A network error or no answer within timeout gives a
// *LoadError.
func (t *Tab) Navigate(ctx context.Context, url string, timeout time.Duration) (int, error) {
	cctx, cancel := t.join(ctx)
	defer cancel()
	if timeout > 0 {
		var c2 context.CancelFunc
		cctx, c2 = context.WithTimeout(cctx, timeout)
		defer c2()
	}
	res, err := chromedp.Call(cctx, page.Navigate, page.NavigateParams{URL: url})
	switch {
	case err != nil && ctx.Err() == nil && cctx.Err() != nil && t.b.alive():
		return 0, &LoadError{URL: url, Reason: fmt.Sprintf("no answer within %v", timeout)}
	case err != nil:
		return 0, t.wrap(fmt.Errorf("checker: load %s: %w", url, err))
	case res.ErrorText != "":
		return 0, &LoadError{URL: url, Reason: res.ErrorText}
	}
	t.mon.mu.Lock()
	t.mon.loader = res.LoaderID
	t.mon.mu.Unlock()
	if r, ok := t.mon.document(res.LoaderID); ok {
		return int(r.status), nil
	}
	return 0, nil
}

// lastDocument returns the response of the last navigation Navigate started.
func (t *Tab) lastDocument() (docResponse, bool) {
	t.mon.mu.Lock()
	loader := t.mon.loader
	t.mon.mu.Unlock()
	if loader == "" {
		return docResponse{}, false
	}
	return t.mon.document(loader)
}

// Audit snapshots the tab's current state and runs the page rules on it.
// secrets, when given, are masked in the document before the rules see it
// and in the screenshot. It does not wait: call WaitSettled first.
func (t *Tab) Audit(ctx context.Context, opts Options, screenshot bool, secrets *Secrets) (*PageResult, error) {
	cctx, cancel := t.join(ctx)
	defer cancel()
	p := &PageResult{}
	start := time.Now()
	doc, err := Snapshot(cctx)
	if err != nil {
		return nil, t.wrap(err)
	}
	if _, err := AskUncertain(cctx, doc); err != nil {
		return nil, t.wrap(err)
	}
	if opts.AXOracle {
		if err := AXOracle(cctx, doc); err != nil {
			return nil, t.wrap(err)
		}
	}
	secrets.MaskDocument(doc)
	p.Timing.Snapshot = time.Since(start)
	if err := t.auditInteractions(cctx, doc, &opts); err != nil {
		return nil, t.wrap(err)
	}
	p.Doc = doc
	p.URL = doc.URL
	p.Title, _ = doc.Title()
	p.Title = strings.TrimSpace(p.Title)
	if h := doc.HTML(); h != nil {
		p.Lang = h.Get("lang")
	}

	start = time.Now()
	res, err := a11y.Check(ctx, doc, a11y.WithRules(opts.Rules...), a11y.WithLocale(opts.Locale))
	if err != nil {
		return nil, err
	}
	p.Result = res
	p.Timing.Check = time.Since(start)

	if screenshot || opts.FullPage {
		start = time.Now()
		shot, err := t.Screenshot(ctx, opts.FullPage, secrets)
		if err != nil {
			return nil, err
		}
		p.Screenshot = shot
		p.Timing.Screenshot = time.Since(start)
	}
	return p, nil
}
