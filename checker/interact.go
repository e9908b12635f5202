package checker

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
)

// Interactions selects the checks Audit makes by driving each audited state
// of a page, besides taking its snapshot. Their results go into the
// document's Extra map (see package a11y: FocusKey, KeyboardKey, ReflowKey,
// TextResizeKey, TextSpacingKey), and the document then has the fact
// a11y.NeedsInteraction, so that the rules needing it run. Every check
// restores the page when it is done: focus, scroll positions, viewport and
// styles are put back, but what the page's own scripts did in answer (a
// field validated when it lost focus, a menu rebuilt for a narrow window)
// stays.
//
// The zero value makes no check; AllInteractions turns every one on.
type Interactions struct {
	// Keyboard walks the page with real Tab key presses from the top: the
	// order focus takes, whether each focused element looks different
	// (pixels compared), how much of it fixed or sticky content covers,
	// and keyboard traps; it also lists elements that react to clicks but
	// cannot be focused.
	Keyboard bool
	// Reflow lays the page out 320 CSS pixels wide and 256 high, the size
	// WCAG 1.4.10 names (a 1280 pixel window at 400 % zoom).
	Reflow bool
	// Zoom lays the page out at 200 % zoom for WCAG 1.4.4: a viewport half
	// as wide and high as the tab's, which is what browser zoom gives.
	// Chrome's zoom is the documented way users resize text (WCAG
	// technique G142); scaling the root font size would leave text set in
	// pixels unchanged.
	Zoom bool
	// TextSpacing forces WCAG 1.4.12's text spacing on every element.
	TextSpacing bool
	// MaxStops bounds the elements the keyboard walk visits (default 200).
	MaxStops int
	// Budget bounds the time of all checks on one state together (default
	// 30 s). A walk cut short says so (a11y.FocusWalk.Stopped "limit"); a
	// rendering not made in time is left out.
	Budget time.Duration
}

// AllInteractions returns Interactions with every check on and the default bounds.
func AllInteractions() Interactions {
	return Interactions{Keyboard: true, Reflow: true, Zoom: true, TextSpacing: true}
}

func (in Interactions) anyCheck() bool { return in.Keyboard || in.Reflow || in.Zoom || in.TextSpacing }

func (in Interactions) maxStops() int {
	if in.MaxStops > 0 {
		return in.MaxStops
	}
	return 200
}

func (in Interactions) budget() time.Duration {
	if in.Budget > 0 {
		return in.Budget
	}
	return 30 * time.Second
}

// DefaultOptions returns the options of a full audit: every interaction
// check, and error exploration in flows. Set Rules before use. (The zero
// Options makes neither.)
func DefaultOptions() Options {
	return Options{Interactions: AllInteractions(), ExploreErrors: true}
}

// InteractionKey is the Document.Extra key under which Audit stores an
// *InteractionReport for every state it drove.
const InteractionKey = "checker.interaction"

// InteractionReport tells how the interaction checks of one state went.
type InteractionReport struct {
	// Time spent on each check.
	Keyboard, Clickable, Reflow, Zoom, TextSpacing, ErrorState time.Duration
	// Stops is the number of elements the keyboard walk visited.
	Stops int
	// Errors lists the checks that could not be made, and why.
	Errors []string
}

func (r *InteractionReport) fail(check string, err error) {
	r.Errors = append(r.Errors, check+": "+err.Error())
}

// Interact drives the page the tab shows, as Audit does for
// Options.Interactions, and stores the results in doc (a snapshot of the
// same state, taken just before). It is for callers that take snapshots
// themselves; Audit calls it for you. The error reports a lost browser or
// a crashed page; a check that could not be made is listed in the report.
func (t *Tab) Interact(ctx context.Context, doc *a11y.Document, in Interactions) (*InteractionReport, error) {
	rep := &InteractionReport{}
	if !in.anyCheck() {
		return rep, nil
	}
	cctx, cancel := t.join(ctx)
	defer cancel()
	err := t.interact(cctx, doc, in, rep, true)
	return rep, err
}

// auditInteractions is the hook of Audit: the interaction checks the
// options ask for and, in a tab exploring error states, the error state.
func (t *Tab) auditInteractions(ctx context.Context, doc *a11y.Document, opts *Options) error {
	sub := takeSubmission(t)
	in := opts.Interactions
	if !in.anyCheck() && sub == nil {
		return nil
	}
	rep := &InteractionReport{}
	if sub != nil {
		start := time.Now()
		if err := sub.record(ctx, t, doc); err != nil {
			if gone(t, err) {
				return err
			}
			rep.fail("error state", err)
		}
		rep.ErrorState = time.Since(start)
		// an error state is checked with the keyboard only: its reflow
		// and zoom are those of the step's own page
		in = Interactions{Keyboard: in.Keyboard, MaxStops: in.MaxStops, Budget: in.Budget}
	}
	return t.interact(ctx, doc, in, rep, true)
}

// interact runs the checks of in on the tab's page and stores them in doc.
func (t *Tab) interact(ctx context.Context, doc *a11y.Document, in Interactions, rep *InteractionReport, store bool) error {
	if doc.Extra == nil {
		doc.Extra = map[string]any{}
	}
	if store {
		doc.Extra[InteractionKey] = rep
	}
	if doc.Extra[a11y.ErrorStateKey] != nil {
		doc.Facts |= a11y.NeedsInteraction
	}
	if !in.anyCheck() {
		return nil
	}
	deadline := time.Now().Add(in.budget())
	bctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	ran := false
	run := func(name string, d *time.Duration, f func(context.Context) error) error {
		if bctx.Err() != nil {
			rep.fail(name, errors.New("no time left in the budget"))
			return nil
		}
		start := time.Now()
		err := f(bctx)
		*d += time.Since(start)
		switch {
		case err == nil:
			ran = true
		case gone(t, err) || ctx.Err() != nil:
			return err
		default:
			rep.fail(name, err)
		}
		return nil
	}
	if in.Keyboard {
		if err := run("keyboard", &rep.Keyboard, func(ctx context.Context) error {
			walk, facts, err := t.walkKeyboard(ctx, doc, in.maxStops(), deadline)
			if walk != nil {
				doc.Extra[a11y.FocusKey] = walk
				doc.Extra[a11y.KeyboardKey] = facts
				rep.Stops = len(walk.Steps)
			}
			return err
		}); err != nil {
			return err
		}
		if facts := doc.Keyboard(); facts != nil {
			if err := run("clickable", &rep.Clickable, func(ctx context.Context) error {
				return t.findClickable(ctx, doc, facts)
			}); err != nil {
				return err
			}
		}
	}
	if in.Reflow {
		if err := run("reflow", &rep.Reflow, func(ctx context.Context) error {
			r, err := t.reflow(ctx, doc)
			if r != nil {
				doc.Extra[a11y.ReflowKey] = r
			}
			return err
		}); err != nil {
			return err
		}
	}
	if in.Zoom {
		if err := run("zoom", &rep.Zoom, func(ctx context.Context) error {
			r, err := t.textResize(ctx, doc)
			if r != nil {
				doc.Extra[a11y.TextResizeKey] = r
			}
			return err
		}); err != nil {
			return err
		}
	}
	if in.TextSpacing {
		if err := run("text spacing", &rep.TextSpacing, func(ctx context.Context) error {
			r, err := t.textSpacing(ctx, doc)
			if r != nil {
				doc.Extra[a11y.TextSpacingKey] = r
			}
			return err
		}); err != nil {
			return err
		}
	}
	if ran {
		doc.Facts |= a11y.NeedsInteraction
	}
	for _, k := range []string{a11y.FocusKey, a11y.ReflowKey, a11y.TextResizeKey, a11y.TextSpacingKey} {
		if doc.Extra[k] != nil {
			doc.Facts |= a11y.NeedsInteraction // a walk cut short says so itself
		}
	}
	return nil
}

// gone reports whether err comes from a lost browser or crashed page.
func gone(t *Tab, err error) bool {
	return errors.Is(err, ErrBrowserGone) || t.mon.crashedNow() || !t.b.alive() || t.ctx.Err() != nil
}

// world is an isolated JavaScript world in the main frame of a tab's
// current document: the page's scripts cannot see or change what the
// checker defines there, while both see the same DOM.
type world struct {
	id runtime.ExecutionContextID
}

// worldName names the checker's isolated worlds.
const worldName = "delaktig"

// newWorld creates an isolated world in the tab's main frame.
func newWorld(ctx context.Context) (world, error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return world{}, fmt.Errorf("checker: read the frame tree: %w", err)
	}
	if tree.FrameTree == nil || tree.FrameTree.Frame == nil {
		return world{}, errors.New("checker: the page has no main frame")
	}
	res, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{
		FrameID: tree.FrameTree.Frame.ID, WorldName: worldName,
	})
	if err != nil {
		return world{}, fmt.Errorf("checker: create an isolated world: %w", err)
	}
	return world{id: res.ExecutionContextID}, nil
}

// evalIn evaluates expr in w, awaiting a promise it returns when await is set.
func evalIn[T any](ctx context.Context, w world, expr string, await bool) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) {
		p.ContextID = w.id
		p.ObjectGroup = worldName
		p.Silent = new(true)
		if await {
			p.AwaitPromise = new(true)
		}
	}))
}

// releaseObjects releases the remote objects the checker's evaluations made.
func releaseObjects(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	_, _ = chromedp.Call(ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: worldName})
}

// backendIDs evaluates expr in w, which must give an array of elements
// (or nulls), and returns their backend node ids (0 for a null).
func backendIDs(ctx context.Context, w world, expr string) ([]int64, error) {
	obj, err := evalIn[*runtime.RemoteObject](ctx, w, expr, false)
	if err != nil {
		return nil, err
	}
	if obj == nil || obj.ObjectID == "" {
		return nil, nil
	}
	props, err := chromedp.Call(ctx, runtime.GetProperties, runtime.GetPropertiesParams{ObjectID: obj.ObjectID, OwnProperties: new(true)})
	if err != nil {
		return nil, fmt.Errorf("checker: read elements: %w", err)
	}
	var out []int64
	for _, p := range props.Result {
		i, err := strconv.Atoi(p.Name)
		if err != nil || i < 0 || i > 100000 {
			continue
		}
		for len(out) <= i {
			out = append(out, 0)
		}
		if p.Value == nil || p.Value.ObjectID == "" {
			continue
		}
		d, err := chromedp.Call(ctx, dom.DescribeNode, dom.DescribeNodeParams{ObjectID: p.Value.ObjectID, Depth: new(int64(0))})
		if err != nil || d.Node == nil {
			continue
		}
		out[i] = int64(d.Node.BackendNodeID)
	}
	return out, nil
}

// nodesOf maps backend ids to nodes of doc (nil where none matches).
func nodesOf(doc *a11y.Document, index map[int64]*a11y.Node, ids []int64) []*a11y.Node {
	out := make([]*a11y.Node, len(ids))
	for i, id := range ids {
		if n := index[id]; n != nil && n.Type == a11y.ElementNode {
			out[i] = n
		}
	}
	return out
}

// settleLayout waits until the page's scripts have answered a change of
// size or style: no DOM mutation for quiet, at most max.
const settleLayoutScript = `new Promise(done => {
	let last = performance.now();
	const start = last;
	const mo = new MutationObserver(() => { last = performance.now(); });
	mo.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
	const tick = () => {
		const now = performance.now();
		if (now - last >= %d || now - start >= %d) { mo.disconnect(); done(true); return; }
		setTimeout(tick, 25);
	};
	setTimeout(tick, 25);
})`

func settleLayout(ctx context.Context, w world, quiet, max time.Duration) error {
	_, err := evalIn[bool](ctx, w, fmt.Sprintf(settleLayoutScript, quiet.Milliseconds(), max.Milliseconds()), true)
	return err
}
