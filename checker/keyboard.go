package checker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/delaktig/delaktig/a11y"
)

// The keyboard walk presses real keys (Input.dispatchKeyEvent) and reads
// where focus went with scripts in an isolated world. It starts from the top
// of the page: focus goes to a scratch element after all content and one Tab
// press leaves the document, so the next press reaches the first element of
// the sequential focus order, as on a freshly loaded page.
//
// For each element focus reaches, the walk
//   - maps it to the document's node by its backend node id;
//   - compares the pixels of its box and a margin (for outlines) with focus
//     and after blur() (text carets are made transparent meanwhile, so that
//     a blinking caret is not taken for a focus indicator); when nothing
//     changed there it looks for elements whose look or content changed with
//     focus (ancestors styled with :focus-within, labels, siblings, elements
//     a focus handler changed) and compares their pixels too;
//   - samples points of its box with elementFromPoint to measure how much
//     fixed or sticky content covers it.
//
// It ends when focus comes back to the first element after leaving the
// document (a complete walk), at the limits, or in a trap: focus staying on
// one element for three presses, or going round a group that does not hold
// the first element. A trap is then probed with Shift+Tab, and with Escape
// followed by Tab, to tell a trap from a place one can leave.

// Walk timing and limits.
const (
	// keySettle is how long the walk waits after a key press before it
	// reads where focus is: focus handlers that move focus on a timer (a
	// common way to build traps) have run by then.
	keySettle = 30 * time.Millisecond
	// focusMargin is the margin around a focused element's box whose pixels
	// are compared, for outlines and shadows drawn outside the box.
	focusMargin = 12
	// innerPresses bounds the presses spent inside one element that holds
	// its own focus stops (a frame from another site, a date field, a
	// custom element with a closed shadow tree).
	innerPresses = 40
	// stuckPresses is how many presses on the same element make it stuck.
	stuckPresses = 3
	// escapeConfirm is how long focus must stay out of a trap before the
	// walk takes it as escaped.
	escapeConfirm = 400 * time.Millisecond
	// restlessSettle replaces keySettle on a page that moves focus by itself.
	restlessSettle = 120 * time.Millisecond
)

// walkLib defines the walk's helpers in the isolated world.
const walkLib = `(() => {
const st = {ids: new WeakMap(), next: 1, cur: null, by: null, fs: null, orig: null, scroll: [], scrolled: new Set(), temp: null, style: null, dialogs: new Map()};
globalThis.__delaktigWalk = st;
const up = n => n.parentElement || (n.parentNode && n.parentNode.host) || (n.ownerDocument && n.ownerDocument.defaultView && n.ownerDocument.defaultView.frameElement) || null;
const contains = (a, b) => { for (let n = b, i = 0; n && i < 256; n = up(n), i++) if (n === a) return true; return false; };
st.contains = contains;
const deepActive = () => {
	let e = document.activeElement, ox = 0, oy = 0, inner = false;
	for (let i = 0; e && i < 32; i++) {
		if (e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; continue; }
		if (e.tagName === "IFRAME" || e.tagName === "FRAME") {
			let d = null;
			try { d = e.contentDocument; } catch (x) {}
			if (!d) { inner = true; break; }
			const a = d.activeElement;
			if (!a || a === d.body || a === d.documentElement) return null;
			const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
			ox += r.left + e.clientLeft + (parseFloat(cs.paddingLeft) || 0);
			oy += r.top + e.clientTop + (parseFloat(cs.paddingTop) || 0);
			e = a;
			continue;
		}
		break;
	}
	if (!e || e === document.body || e === document.documentElement) return null;
	return {e, ox, oy, inner};
};
st.deepActive = deepActive;
const measured = new WeakSet();
const idOf = e => { let id = st.ids.get(e); if (!id) { id = st.next++; st.ids.set(e, id); } return id; };
const PROPS = ["outline-style", "outline-width", "outline-color", "border-top-color", "border-right-color", "border-bottom-color",
	"border-left-color", "border-top-width", "border-right-width", "border-bottom-width", "border-left-width", "box-shadow",
	"background-color", "background-image", "color", "text-decoration-line", "opacity", "visibility", "transform"];
const sig = el => { const cs = getComputedStyle(el); return PROPS.map(p => cs.getPropertyValue(p)).join("|"); };
const related = e => {
	const out = [];
	for (let p = up(e), i = 0; p && i < 8; p = up(p), i++) {
		if (p === document.body || p === document.documentElement) break;
		out.push(p);
	}
	for (let s = e.nextElementSibling, i = 0; s && i < 3; s = s.nextElementSibling, i++) out.push(s);
	if (e.previousElementSibling) out.push(e.previousElementSibling);
	if (e.labels) for (const l of e.labels) out.push(l);
	return out;
};
const layered = el => {
	for (let n = el, i = 0; n && i < 64; n = up(n), i++) {
		if (n.nodeType !== 1) continue;
		const cs = getComputedStyle(n);
		if (cs.opacity === "0" || cs.visibility === "hidden") return false;
		if (cs.position === "fixed" || cs.position === "sticky") return true;
	}
	return false;
};
const hit = (x, y) => {
	let h = document.elementFromPoint(x, y);
	for (let i = 0; h && h.shadowRoot && i < 16; i++) {
		const s = h.shadowRoot.elementFromPoint(x, y);
		if (!s || s === h) break;
		h = s;
	}
	return h;
};
const modalOf = e => {
	for (let n = e, i = 0; n && i < 256; n = up(n), i++) {
		if (n.nodeType !== 1) continue;
		const role = (n.getAttribute("role") || "").trim().toLowerCase();
		let modal = false;
		try { modal = n.tagName === "DIALOG" && n.matches(":modal"); } catch (x) {}
		if (modal || ((role === "dialog" || role === "alertdialog") && n.getAttribute("aria-modal") === "true")) return n;
	}
	return null;
};
st.start = () => {
	const a = deepActive();
	st.orig = a ? a.e : null;
	st.scroll = [[null, scrollX, scrollY]];
	for (const el of document.querySelectorAll("*")) {
		if (el.scrollTop || el.scrollLeft) { st.scroll.push([el, el.scrollLeft, el.scrollTop]); st.scrolled.add(el); }
	}
	const s = document.createElement("style");
	s.textContent = "*, *::before, *::after { caret-color: transparent !important; }";
	(document.head || document.documentElement).appendChild(s);
	st.style = s;
	if (a && a.e.blur) a.e.blur();
	const t = document.createElement("span");
	t.tabIndex = -1;
	t.setAttribute("aria-hidden", "true");
	t.style.cssText = "position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;opacity:0;";
	(document.body || document.documentElement).appendChild(t);
	t.focus({preventScroll: true});
	st.temp = t;
	return true;
};
st.dropTemp = () => { if (st.temp) { st.temp.remove(); st.temp = null; } return true; };
st.finish = () => {
	st.dropTemp();
	if (st.style) { st.style.remove(); st.style = null; }
	const a = deepActive();
	if (a && a.e.blur) a.e.blur();
	if (st.orig && st.orig.isConnected) st.orig.focus({preventScroll: true});
	for (const el of document.querySelectorAll("*")) {
		if ((el.scrollTop || el.scrollLeft) && !st.scrolled.has(el)) { el.scrollTop = 0; el.scrollLeft = 0; }
	}
	for (const [el, x, y] of st.scroll) {
		if (el === null) window.scrollTo(x, y);
		else if (el.isConnected) { el.scrollLeft = x; el.scrollTop = y; }
	}
	return true;
};
st.state = async (wait, measure) => {
	await new Promise(r => setTimeout(r, wait));
	const a = deepActive();
	if (!a) return {s: "none"};
	const e = a.e;
	const id = idOf(e);
	st.cur = e;
	st.by = null;
	const container = a.inner || e.tagName.includes("-") || ["VIDEO", "AUDIO", "OBJECT", "EMBED"].includes(e.tagName) ||
		(e.tagName === "INPUT" && /^(date|time|datetime-local|month|week)$/i.test(e.type || ""));
	const dlg = modalOf(e);
	const res = {s: "element", id, container, modal: 0};
	if (dlg) { res.modal = idOf(dlg); st.dialogs.set(res.modal, dlg); }
	if (!measure || measured.has(e)) return res;
	measured.add(e);
	const r = e.getBoundingClientRect();
	const x = r.left + a.ox, y = r.top + a.oy;
	const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
	res.box = [x + scrollX, y + scrollY, r.width, r.height];
	res.vp = [scrollX, scrollY, vw, vh];
	if (r.width > 0 && r.height > 0) {
		// sample the part of the box inside the viewport: a box taller or
		// wider than the window is never wholly in view, and what counts is
		// whether what is in view is covered; a box wholly outside is hidden
		const x0 = Math.max(x, 0), y0 = Math.max(y, 0), x1 = Math.min(x + r.width, vw), y1 = Math.min(y + r.height, vh);
		const sw = x1 - x0, sh = y1 - y0;
		const nx = Math.max(1, Math.min(8, Math.ceil(sw / 8))), ny = Math.max(1, Math.min(8, Math.ceil(sh / 8)));
		let hidden = 0;
		const by = new Map();
		if (sw <= 0 || sh <= 0) hidden = nx * ny;
		else for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) {
			const px = x0 + (i + 0.5) * sw / nx, py = y0 + (j + 0.5) * sh / ny;
			const h = hit(px, py);
			if (!h || h === e || contains(e, h) || contains(h, e) || !layered(h)) continue;
			hidden++;
			by.set(h, (by.get(h) || 0) + 1);
		}
		let best = null, most = 0;
		for (const [h, c] of by) if (c > most) { best = h; most = c; }
		st.by = best;
		res.obscured = hidden / (nx * ny);
		res.hasBy = !!best;
		res.measured = true;
	}
	st.fs = new Map(related(e).map(el => [el, sig(el)]));
	return res;
};
st.blur = async () => {
	const e = st.cur;
	if (!e) return {blurred: false, rects: []};
	const changed = new Set();
	const note = list => {
		for (const m of list) {
			let t = m.target;
			if (t.nodeType !== 1) t = t.parentElement;
			if (t && t !== st.style && !contains(e, t) && !contains(t, e)) changed.add(t);
		}
	};
	const mo = new MutationObserver(note);
	mo.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
	if (e.blur) e.blur();
	await new Promise(r => setTimeout(r, 20));
	note(mo.takeRecords());
	mo.disconnect();
	const blurred = !deepActive();
	if (st.fs) for (const [el, s] of st.fs) if (el.isConnected && sig(el) !== s) changed.add(el);
	const rects = [];
	for (const el of changed) {
		if (rects.length >= 4) break;
		if (!el.isConnected || !el.getBoundingClientRect) continue;
		const r = el.getBoundingClientRect();
		if (r.width <= 0 || r.height <= 0) continue;
		rects.push([r.left + scrollX, r.top + scrollY, r.width, r.height]);
	}
	return {blurred, rects};
};
st.refocus = async wait => {
	const e = st.cur, was = !deepActive();
	if (e && e.isConnected && e.focus) e.focus({preventScroll: true});
	await new Promise(r => setTimeout(r, wait));
	const a = deepActive();
	return {was, ok: !!a && a.e === e};
};
return true;
})()`

// stopState is what walkLib's state() answers.
type stopState struct {
	S         string      `json:"s"`
	ID        int         `json:"id"`
	Container bool        `json:"container"`
	Modal     int         `json:"modal"`
	Box       []float64   `json:"box"`
	VP        []float64   `json:"vp"`
	Obscured  float64     `json:"obscured"`
	HasBy     bool        `json:"hasBy"`
	Measured  bool        `json:"measured"`
	Rects     [][]float64 `json:"rects"`
	Blurred   bool        `json:"blurred"`
}

// stop is one element the walk reached.
type stop struct {
	id    int
	modal int
	node  *a11y.Node // nil when it could not be mapped
}

// walker holds one keyboard walk.
type walker struct {
	ctx      context.Context
	w        world
	doc      *a11y.Document
	index    map[int64]*a11y.Node
	walk     *a11y.FocusWalk
	facts    *a11y.KeyboardFacts
	stops    []stop
	seen     map[int]int // page id → index in stops
	maxStops int
	deadline time.Time
	// restless is set once the page moved focus by itself (a focus or
	// blur handler on a timer): the walk then waits longer after each key.
	restless bool
}

// walkKeyboard makes the keyboard walk of the tab's current page, mapping
// what it finds to doc's nodes, and restores the page afterwards.
func (t *Tab) walkKeyboard(ctx context.Context, doc *a11y.Document, maxStops int, deadline time.Time) (*a11y.FocusWalk, *a11y.KeyboardFacts, error) {
	w, err := newWorld(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer releaseObjects(ctx)
	if _, err := evalIn[bool](ctx, w, walkLib, false); err != nil {
		return nil, nil, fmt.Errorf("checker: prepare the keyboard walk: %w", err)
	}
	// a page without focus moves no focus with the Tab key and paints no
	// focus rings; the emulation stays on (it changes nothing else)
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		return nil, nil, fmt.Errorf("checker: emulate a focused page: %w", err)
	}
	wk := &walker{
		ctx: ctx, w: w, doc: doc, index: backendIndex(doc),
		walk: &a11y.FocusWalk{}, facts: &a11y.KeyboardFacts{},
		seen: map[int]int{}, maxStops: maxStops, deadline: deadline,
	}
	defer func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
		defer cancel()
		_, _ = evalIn[bool](rctx, w, `globalThis.__delaktigWalk.finish()`, false)
	}()
	if err := wk.run(); err != nil {
		if wk.walk.Stopped == "" {
			wk.walk.Stopped = "error: " + err.Error()
		}
		if ctx.Err() != nil && time.Now().Before(deadline) {
			return wk.walk, wk.facts, err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			wk.walk.Stopped = "limit"
			err = nil
		}
		return wk.walk, wk.facts, err
	}
	return wk.walk, wk.facts, nil
}

// errPageChanged ends a walk whose document went away.
var errPageChanged = errors.New("checker: the page changed during the keyboard walk")

func (wk *walker) run() error {
	if _, err := evalIn[bool](wk.ctx, wk.w, `globalThis.__delaktigWalk.start()`, false); err != nil {
		return fmt.Errorf("checker: start the keyboard walk: %w", err)
	}
	// leave the document from the scratch element after all content
	if err := wk.press(kb.Tab, false); err != nil {
		return err
	}
	first, err := wk.state(false)
	if err != nil {
		return err
	}
	if _, err := evalIn[bool](wk.ctx, wk.w, `globalThis.__delaktigWalk.dropTemp()`, false); err != nil {
		return wk.changed(err)
	}
	// something after the scratch element took focus: start from there
	pending := first.S == "element"
	left := false
	leftAt := -1 // the step the walk was at when focus first left the document
	nones := 0
	sinceNone := false // the last state read was no element
	for {
		if len(wk.stops) >= wk.maxStops || time.Now().After(wk.deadline) {
			wk.walk.Stopped = "limit"
			return nil
		}
		if !pending {
			if err := wk.press(kb.Tab, false); err != nil {
				return err
			}
		}
		pending = false
		st, err := wk.state(true)
		if err != nil {
			return err
		}
		if st.S != "element" {
			sinceNone = true
			nones++
			if nones >= 2 {
				// nothing on the page takes focus, or nothing does
				// after focus left the document
				wk.walk.Complete = true
				wk.fromTop(leftAt)
				return nil
			}
			if len(wk.stops) > 0 && !left {
				left, leftAt = true, len(wk.walk.Steps)
			}
			continue
		}
		nones = 0
		// focus staying on the element of the last stop, without leaving
		// the document in between
		last := -1
		if n := len(wk.stops); n > 0 && !sinceNone {
			last = wk.stops[n-1].id
		}
		sinceNone = false
		if st.ID == last {
			var moved bool
			if st.Container {
				if moved, err = wk.leaveContainer(st.ID); err == nil && !moved {
					wk.walk.Stopped = "limit"
					return nil
				}
			} else {
				moved, err = wk.stuck(st)
			}
			if err != nil || !moved {
				return err
			}
			pending = true
			continue
		}
		if i, ok := wk.seen[st.ID]; ok {
			// back at the first element: the whole order when focus
			// left the document on the way (or the browser wrapped
			// round and every element that takes focus was reached)
			if i == 0 && (left || wk.unreached() == 0) {
				wk.walk.Complete = true
				wk.fromTop(leftAt)
				return nil
			}
			return wk.cycle(wk.stops[i:])
		}
		if err := wk.record(st); err != nil {
			return err
		}
	}
}

// fromTop turns the steps of a complete walk so that they start at the top
// of the sequential focus order: after the point where focus left the
// document (leftAt, -1 when it never did), or else at the element the
// document's focus order puts first. A walk that started in the middle of
// the order (a positive tabindex puts elements before the place the walk
// started from) is then in the order a user meets from the top.
func (wk *walker) fromTop(leftAt int) {
	steps := wk.walk.Steps
	at := leftAt
	if at < 0 {
		pos := map[*a11y.Node]int{}
		for i, s := range steps {
			pos[s.Node] = i
		}
		for _, n := range wk.doc.FocusOrder() {
			if i, ok := pos[n]; ok {
				at = i
				break
			}
		}
	}
	if at <= 0 || at >= len(steps) {
		return
	}
	wk.walk.Steps = append(append([]*a11y.FocusRendering{}, steps[at:]...), steps[:at]...)
}

// unreached counts the elements the document's engine takes as reachable
// with the Tab key (and that have a box) that the walk has not reached.
func (wk *walker) unreached() int {
	reached := map[*a11y.Node]bool{}
	for _, s := range wk.stops {
		reached[s.node] = true
	}
	n := 0
	for e := range wk.doc.Elements() {
		if !reached[e] && e.Box != nil && !e.Box.Empty() && wk.doc.Tabbable(e) {
			n++
		}
	}
	return n
}

// press sends one key (with Shift when shift is set).
func (wk *walker) press(key string, shift bool) error {
	var opts []chromedp.KeyOption
	if shift {
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	wk.facts.Presses++
	if err := chromedp.Do(wk.ctx, chromedp.KeyEvent(key, opts...)); err != nil {
		return fmt.Errorf("checker: press %q: %w", key, err)
	}
	return nil
}

// state reads where focus is; measure asks for the box, coverage and
// styles of an element seen for the first time.
func (wk *walker) state(measure bool) (stopState, error) {
	if wk.restless {
		return wk.stateAfter(restlessSettle, measure)
	}
	return wk.stateAfter(keySettle, measure)
}

// stateAfter reads where focus is after waiting d.
func (wk *walker) stateAfter(d time.Duration, measure bool) (stopState, error) {
	st, err := evalIn[stopState](wk.ctx, wk.w, fmt.Sprintf(`globalThis.__delaktigWalk.state(%d, %t)`, d.Milliseconds(), measure), true)
	if err != nil {
		return st, wk.changed(err)
	}
	return st, nil
}

// changed turns the error of an evaluation in a world that went away
// (the page navigated) into errPageChanged.
func (wk *walker) changed(err error) error {
	if wk.ctx.Err() != nil {
		return err
	}
	var ex *chromedp.ExceptionError
	if errors.As(err, &ex) {
		return fmt.Errorf("checker: keyboard walk script: %w", err)
	}
	// the isolated world lives as long as its document
	return fmt.Errorf("%w (%v)", errPageChanged, err)
}

// element returns the document's node of the element the walk's script
// holds under name ("cur", "by", or a dialogs entry).
func (wk *walker) element(expr string) *a11y.Node {
	ids, err := backendIDs(wk.ctx, wk.w, `[`+expr+`]`)
	if err != nil || len(ids) == 0 {
		return nil
	}
	return nodesOf(wk.doc, wk.index, ids)[0]
}

// record adds the element focus is on as a step of the walk.
func (wk *walker) record(st stopState) error {
	var node, by *a11y.Node
	if ids, err := backendIDs(wk.ctx, wk.w, `[globalThis.__delaktigWalk.cur, globalThis.__delaktigWalk.by]`); err == nil {
		nodes := nodesOf(wk.doc, wk.index, ids)
		if len(nodes) > 0 {
			node = nodes[0]
		}
		if len(nodes) > 1 {
			by = nodes[1]
		}
	}
	wk.seen[st.ID] = len(wk.stops)
	wk.stops = append(wk.stops, stop{id: st.ID, modal: st.Modal, node: node})
	if node == nil {
		wk.facts.Unmapped++
		// still move on from it: blur keeps the focus navigation
		// starting point
		return nil
	}
	r := &a11y.FocusRendering{Node: node}
	if len(st.VP) == 4 {
		r.Viewport = a11y.Rect{X: st.VP[0], Y: st.VP[1], Width: st.VP[2], Height: st.VP[3]}
	}
	if len(st.Box) == 4 {
		b := a11y.Rect{X: st.Box[0], Y: st.Box[1], Width: st.Box[2], Height: st.Box[3]}
		r.Box = &b
	}
	if st.Measured {
		r.CoverageMeasured = true
		r.Obscured = st.Obscured
		if st.HasBy {
			r.ObscuredBy = by
		}
	}
	if err := wk.compare(r); err != nil {
		return err
	}
	wk.walk.Steps = append(wk.walk.Steps, r)
	return nil
}

// refocused is what walkLib's refocus() answers.
type refocused struct {
	Was bool `json:"was"` // nothing had focus just before
	OK  bool `json:"ok"`  // the element has focus again
}

// compare fills the pixel comparison of a focused element: its region with
// focus, then after blur(); when that region did not change, the regions of
// elements whose look or content changed with focus, after blur() and with
// focus given back. Focus is always given back, so that the next key
// press goes to the element (its key handlers included).
func (wk *walker) compare(r *a11y.FocusRendering) error {
	var reg region
	if r.Box != nil {
		reg = regionAround(*r.Box, r.Viewport, focusMargin)
	}
	var focused *shot
	if !reg.empty() {
		var err error
		if focused, err = capture(wk.ctx, reg); err != nil {
			return err
		}
	}
	bl, err := evalIn[stopState](wk.ctx, wk.w, `globalThis.__delaktigWalk.blur()`, true)
	if err != nil {
		return wk.changed(err)
	}
	if !bl.Blurred {
		// a script took focus back: there is no unfocused look
		wk.restless = true
		_, err := evalIn[refocused](wk.ctx, wk.w, fmt.Sprintf(`globalThis.__delaktigWalk.refocus(%d)`, restlessSettle.Milliseconds()), true)
		return err
	}
	changed := false
	var box *a11y.Rect
	if focused != nil {
		blurred, err := capture(wk.ctx, reg)
		if err != nil {
			return err
		}
		if changed, box, err = changedPixels(focused, blurred); err != nil {
			return err
		}
	}
	// the regions of other elements that changed with focus, when the
	// element's own region did not
	var other region
	if !changed {
		for _, rc := range bl.Rects {
			if len(rc) == 4 {
				other = other.union(regionAround(a11y.Rect{X: rc[0], Y: rc[1], Width: rc[2], Height: rc[3]}, r.Viewport, 2))
			}
		}
	}
	var unfocused *shot
	if !other.empty() {
		if unfocused, err = capture(wk.ctx, other); err != nil {
			return err
		}
	}
	wait := int64(0)
	if unfocused != nil {
		wait = keySettle.Milliseconds()
	}
	back, err := evalIn[refocused](wk.ctx, wk.w, fmt.Sprintf(`globalThis.__delaktigWalk.refocus(%d)`, wait), true)
	if err != nil {
		return wk.changed(err)
	}
	if !back.Was {
		wk.restless = true
		return nil // a script gave focus back meanwhile: the shots may show either look
	}
	if focused != nil {
		r.PixelsCompared = true
		r.Changed, r.Indicator = changed, box
	}
	if changed || unfocused == nil || !back.OK {
		return nil
	}
	again, err := capture(wk.ctx, other)
	if err != nil {
		return err
	}
	if changed, box, err = changedPixels(again, unfocused); err != nil {
		return err
	}
	r.PixelsCompared = true
	r.Changed, r.Indicator = changed, box
	return nil
}

// leaveContainer presses Tab until focus leaves an element that holds its
// own focus stops, and reports whether it did.
func (wk *walker) leaveContainer(id int) (bool, error) {
	return wk.probe(false, innerPresses, func(s stopState) bool { return s.S != "element" || s.ID != id })
}

// stuck probes an element focus stayed on for one press: more presses
// (moved is true when focus then moves on after all), then Shift+Tab, then
// Escape and Tab.
func (wk *walker) stuck(st stopState) (moved bool, err error) {
	out := func(s stopState) bool { return s.S != "element" || s.ID != st.ID }
	if moved, err = wk.probe(false, stuckPresses-1, out); err != nil || moved {
		return moved, err
	}
	trap := &a11y.KeyboardTrap{Kind: a11y.TrapStuck, Node: wk.nodeOf(st.ID)}
	if trap.Backward, err = wk.probe(true, 3, out); err != nil {
		return false, err
	}
	if !trap.Backward {
		if trap.Escape, err = wk.escape(out); err != nil {
			return false, err
		}
	}
	wk.setTrap(trap)
	return false, nil
}

// cycle probes a group of elements focus went round.
func (wk *walker) cycle(group []stop) error {
	in := map[int]bool{}
	trap := &a11y.KeyboardTrap{Kind: a11y.TrapCycle}
	modal := group[0].modal
	for _, s := range group {
		in[s.id] = true
		if s.node != nil {
			trap.Cycle = append(trap.Cycle, s.node)
		}
		if s.modal != modal {
			modal = 0
		}
	}
	trap.Node = group[0].node
	if modal != 0 {
		trap.Kind = a11y.TrapModal
		trap.Dialog = wk.element(fmt.Sprintf(`globalThis.__delaktigWalk.dialogs.get(%d)`, modal))
		wk.setTrap(trap)
		return nil
	}
	out := func(s stopState) bool { return s.S != "element" || !in[s.ID] }
	var err error
	if trap.Backward, err = wk.probe(true, len(group)+2, out); err != nil {
		return err
	}
	if !trap.Backward {
		if trap.Escape, err = wk.escape(out); err != nil {
			return err
		}
	}
	wk.setTrap(trap)
	return nil
}

// probe presses Tab (Shift+Tab when back is set) up to n times and reports
// whether focus reached a state out reports as outside.
func (wk *walker) probe(back bool, n int, out func(stopState) bool) (bool, error) {
	for range n {
		if err := wk.press(kb.Tab, back); err != nil {
			return false, err
		}
		st, err := wk.state(false)
		if err != nil {
			return false, err
		}
		if out(st) {
			// a trap may take focus back on a timer: look again a
			// little later (a busy page runs its timers late)
			if st, err = wk.stateAfter(escapeConfirm, false); err != nil || !out(st) {
				if err != nil {
					return false, err
				}
				continue
			}
			return true, nil
		}
	}
	return false, nil
}

// escape presses Escape and then Tab, and reports whether focus got out.
func (wk *walker) escape(out func(stopState) bool) (bool, error) {
	if err := wk.press(kb.Escape, false); err != nil {
		return false, err
	}
	return wk.probe(false, 1, out)
}

func (wk *walker) setTrap(trap *a11y.KeyboardTrap) {
	wk.facts.Trap = trap
	switch {
	case trap.Kind == a11y.TrapModal:
		wk.walk.Stopped = "modal"
	case trap.Trapped():
		wk.walk.Stopped = "trap"
	default:
		wk.walk.Stopped = "blocked"
	}
}

// nodeOf returns the node of a stop by its page id.
func (wk *walker) nodeOf(id int) *a11y.Node {
	if i, ok := wk.seen[id]; ok {
		return wk.stops[i].node
	}
	return nil
}
