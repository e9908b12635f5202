package checker

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/delaktig/delaktig/a11y"
)

// The renderings for WCAG 1.4.10 (reflow), 1.4.4 (resize text) and 1.4.12
// (text spacing) change the page the same way a user would (a narrow
// window, browser zoom, a user style sheet), measure what text became
// unreadable compared with the page as it was, and put the page back.
//
// Text counts as lost when
//   - an element whose overflow hides content (hidden or clip) has text
//     lines reaching more than lossTolerance pixels beyond its padding box,
//     or the viewport itself hides text beyond its right edge; text inside
//     a scrolling box is not lost, nor is visually hidden text (a clip, or
//     a box of one or two pixels);
//   - the line boxes of two text nodes overlap (by more than lossTolerance
//     pixels across and a third of the lower line's height).
//
// Only losses the page did not have before the change count.

// Sizes and tolerances of the renderings.
const (
	reflowWidth, reflowHeight = 320, 256
	// reflowTolerance is the sideways overflow ignored (rounding, a
	// border reaching out by a pixel).
	reflowTolerance = 4
	// lossTolerance is how far text may reach out of its box before it
	// counts as cut off.
	lossTolerance = 2
	// maxTextNodes bounds the text nodes measured.
	maxTextNodes = 4000
	// maxLossItems bounds the elements reported per kind of loss.
	maxLossItems = 40
)

// lossLib defines the measuring helpers in an isolated world.
const lossLib = `(() => {
const st = {ids: new WeakMap(), next: 1, els: [], base: null, style: null, sheets: [], scroll: null};
globalThis.__delaktigLoss = st;
const idOf = e => { let id = st.ids.get(e); if (!id) { id = st.next++; st.ids.set(e, id); } return id; };
const keep = e => { st.els.push(e); return st.els.length - 1; };
const roots = () => {
	const out = [document];
	for (let i = 0; i < out.length && i < 200; i++) {
		for (const el of out[i].querySelectorAll("*")) if (el.shadowRoot) out.push(el.shadowRoot);
	}
	return out;
};
const all = () => { const out = []; for (const r of roots()) out.push(...r.querySelectorAll("*")); return out; };
const up = n => n.parentElement || (n.parentNode && n.parentNode.host) || null;
const hiddenCache = new Map();
// hiddenText: text in this element is not meant to be seen
const hiddenText = el => {
	if (hiddenCache.has(el)) return hiddenCache.get(el);
	// content the browser skips rendering: a closed <details>, an ancestor
	// with content-visibility: hidden or display: none
	if (el.checkVisibility && !el.checkVisibility()) { hiddenCache.set(el, true); return true; }
	const path = [];
	let res = false;
	for (let n = el, i = 0; n && i < 12; n = up(n), i++) {
		if (hiddenCache.has(n)) { res = hiddenCache.get(n); break; }
		path.push(n);
		const cs = getComputedStyle(n);
		if (cs.visibility === "hidden" || cs.display === "none" || cs.opacity === "0" ||
			(cs.clip && cs.clip !== "auto") || (cs.clipPath && cs.clipPath !== "none") ||
			((cs.overflowX !== "visible" || cs.overflowY !== "visible") && (n.clientWidth <= 2 || n.clientHeight <= 2))) { res = true; break; }
	}
	for (const n of path) hiddenCache.set(n, res);
	return res;
};
const scrolls = v => v === "auto" || v === "scroll";
const scrollCache = new Map();
const scroller = n => {
	if (!scrollCache.has(n)) { const cs = getComputedStyle(n); scrollCache.set(n, scrolls(cs.overflowX) || scrolls(cs.overflowY)); }
	return scrollCache.get(n);
};
const hides = v => v === "hidden" || v === "clip";
// text line boxes, in page coordinates
const lines = () => {
	hiddenCache.clear();
	scrollCache.clear();
	const out = [];
	let count = 0, limited = false;
	for (const root of roots()) {
		const tw = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let t = tw.nextNode(); t; t = tw.nextNode()) {
			if (!t.data.trim()) continue;
			const el = t.parentElement;
			if (!el || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TITLE|OPTION|TEXTAREA)$/.test(el.tagName) || hiddenText(el)) continue;
			if (++count > %d) { limited = true; break; }
			const r = document.createRange();
			r.selectNodeContents(t);
			for (const q of r.getClientRects()) {
				if (q.width < 1 || q.height < 1) continue;
				out.push({t, el, x: q.left + scrollX, y: q.top + scrollY, w: q.width, h: q.height});
			}
		}
	}
	return {out, limited};
};
// clipped: elements that hide part of their text, by id
const clipped = ls => {
	const res = new Map();
	const vw = document.documentElement.clientWidth;
	const csH = getComputedStyle(document.documentElement), csB = document.body ? getComputedStyle(document.body) : csH;
	const viewportClips = hides(csH.overflowX) || (csH.overflowX === "visible" && hides(csB.overflowX));
	const cand = new Map();
	for (const el of all()) {
		const cs = getComputedStyle(el);
		const hx = hides(cs.overflowX), hy = hides(cs.overflowY);
		if (!hx && !hy) continue;
		if (el.clientWidth <= 2 || el.clientHeight <= 2) continue;
		if ((hx && el.scrollWidth > el.clientWidth + 1) || (hy && el.scrollHeight > el.clientHeight + 1)) {
			const r = el.getBoundingClientRect();
			const left = r.left + el.clientLeft + scrollX, top = r.top + el.clientTop + scrollY;
			cand.set(el, {hx, hy, left, top, right: left + el.clientWidth, bottom: top + el.clientHeight, ellipsis: cs.textOverflow === "ellipsis"});
		}
	}
	for (const l of ls) {
		let best = null, amount = 0;
		for (let n = l.el, i = 0; n && i < 64; n = up(n), i++) {
			const c = cand.get(n);
			if (!c) {
				if (n.nodeType === 1 && scroller(n)) break; // it scrolls: nothing lost
				continue;
			}
			let out = 0;
			if (c.hx) out = Math.max(out, l.x + l.w - c.right, c.left - l.x);
			if (c.hy) out = Math.max(out, l.y + l.h - c.bottom, c.top - l.y);
			if (out > %d && out > amount) { best = n; amount = out; }
		}
		if (!best && viewportClips && l.x + l.w > vw + %d) { best = document.body || document.documentElement; amount = l.x + l.w - vw; }
		if (!best) continue;
		const id = idOf(best);
		const prev = res.get(id);
		if (!prev || prev.amount < amount) res.set(id, {el: best, amount, text: l.t.data.trim().slice(0, 80), ellipsis: !!(cand.get(best) || {}).ellipsis});
	}
	return res;
};
// overlaps: pairs of elements whose text lines overlap, by "id:id"
const overlaps = ls => {
	const res = new Map();
	const rows = new Map();
	for (const l of ls) {
		for (let k = Math.floor(l.y / 32); k <= Math.floor((l.y + l.h) / 32); k++) {
			if (!rows.has(k)) rows.set(k, []);
			rows.get(k).push(l);
		}
	}
	for (const row of rows.values()) {
		if (row.length > 400) continue;
		for (let i = 0; i < row.length; i++) for (let j = i + 1; j < row.length; j++) {
			const a = row[i], b = row[j];
			if (a.t === b.t) continue;
			const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
			const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
			if (ix <= %d || iy <= Math.min(a.h, b.h) / 3) continue;
			let ia = idOf(a.el), ib = idOf(b.el), ea = a.el, eb = b.el;
			if (ia > ib) { [ia, ib, ea, eb] = [ib, ia, eb, ea]; }
			const key = ia + ":" + ib;
			const prev = res.get(key);
			const area = ix * iy;
			if (!prev) res.set(key, {a: ea, b: eb, area}); else prev.area = Math.max(prev.area, area);
		}
	}
	return res;
};
st.measure = baseline => {
	const {out: ls, limited} = lines();
	const c = clipped(ls), o = overlaps(ls);
	if (baseline) { st.base = {c: new Set(c.keys()), o: new Set(o.keys())}; return {limited}; }
	const res = {limited, clipped: [], overlaps: []};
	for (const [id, v] of c) {
		if (st.base && st.base.c.has(id)) continue;
		if (res.clipped.length >= %d) { res.limited = true; break; }
		res.clipped.push({i: keep(v.el), amount: v.amount, text: v.text, ellipsis: v.ellipsis});
	}
	for (const [key, v] of o) {
		if (st.base && st.base.o.has(key)) continue;
		if (res.overlaps.length >= %d) { res.limited = true; break; }
		res.overlaps.push({a: keep(v.a), b: keep(v.b), area: v.area});
	}
	return res;
};
// overflow: the outermost elements reaching beyond the right edge
st.overflow = tol => {
	const vw = document.documentElement.clientWidth;
	const se = document.scrollingElement || document.documentElement;
	const res = {sw: se.scrollWidth, vw, items: []};
	if (res.sw <= vw + tol) return res;
	const over = new Set();
	const fixed = new Map();
	const isFixed = el => {
		for (let n = el, i = 0; n && i < 64; n = up(n), i++) {
			if (fixed.has(n)) return fixed.get(n);
			if (getComputedStyle(n).position === "fixed") { fixed.set(n, true); return true; }
		}
		return false;
	};
	for (const el of all()) {
		const r = el.getBoundingClientRect();
		if (r.width <= 2 && r.height <= 2) continue;
		if (r.right + scrollX > vw + tol && !isFixed(el)) over.add(el);
	}
	const twoD = "table,pre,code,kbd,samp,img,picture,canvas,svg,video,iframe,object,embed,map,math,[role=application],[role=grid],[role=treegrid],[role=table],[role=img],[role=math]";
	const items = [];
	for (const el of over) {
		const p = up(el);
		if (p && over.has(p) && p !== document.body && p !== document.documentElement) continue;
		if (el === document.body || el === document.documentElement) continue;
		const r = el.getBoundingClientRect();
		let exception = "", within = null;
		const t = el.closest ? el.closest(twoD) : null;
		if (t) { exception = "two-dimensional"; within = t; }
		if (!exception) {
			for (let n = up(el), i = 0; n && n !== document.body && n !== document.documentElement && i < 64; n = up(n), i++) {
				const cs = getComputedStyle(n);
				if (scrolls(cs.overflowX) || hides(cs.overflowX)) {
					const nr = n.getBoundingClientRect();
					if (nr.right + scrollX <= vw + tol) { exception = "scroll-container"; within = n; break; }
				}
			}
		}
		if (!exception && r.left + scrollX >= vw) exception = "offscreen";
		items.push({el, within, right: r.right + scrollX - vw, exception});
	}
	// one item per grid or flex container: items that all stick out
	// because one of them is too wide are one problem
	const byParent = new Map(), kept = [];
	for (const it of items) {
		const p = up(it.el);
		if (!p || !/grid|flex/.test(getComputedStyle(p).display)) { kept.push(it); continue; }
		const prev = byParent.get(p);
		if (!prev || it.el.scrollWidth > prev.el.scrollWidth) byParent.set(p, it);
	}
	items.length = 0;
	items.push(...kept, ...byParent.values());
	items.sort((a, b) => b.right - a.right);
	for (const it of items.slice(0, %d)) {
		res.items.push({i: keep(it.el), w: it.within ? keep(it.within) : -1, right: it.right, exception: it.exception});
	}
	return res;
};
st.save = () => { st.scroll = [scrollX, scrollY]; return true; };
st.restore = () => { if (st.scroll) window.scrollTo(st.scroll[0], st.scroll[1]); return true; };
// the text spacing of WCAG 1.4.12, as a user style sheet would set it
const SPACING = "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
st.space = () => {
	const s = document.createElement("style");
	s.textContent = SPACING;
	(document.head || document.documentElement).appendChild(s);
	st.style = s;
	let n = 0;
	for (const r of roots()) {
		if (r === document || !("adoptedStyleSheets" in r)) continue;
		try {
			const sheet = new CSSStyleSheet();
			sheet.replaceSync(SPACING);
			st.sheets.push([r, r.adoptedStyleSheets]);
			r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
			n++;
		} catch (x) {}
	}
	return n;
};
st.unspace = () => {
	if (st.style) { st.style.remove(); st.style = null; }
	for (const [r, sheets] of st.sheets) { try { r.adoptedStyleSheets = sheets; } catch (x) {} }
	st.sheets = [];
	return true;
};
return true;
})()`

var lossScript = fmt.Sprintf(lossLib, maxTextNodes, lossTolerance, lossTolerance, lossTolerance, maxLossItems, maxLossItems, maxLossItems)

// lossState is what lossLib's measure() answers.
type lossState struct {
	Limited bool `json:"limited"`
	Clipped []struct {
		I        int     `json:"i"`
		Amount   float64 `json:"amount"`
		Text     string  `json:"text"`
		Ellipsis bool    `json:"ellipsis"`
	} `json:"clipped"`
	Overlaps []struct {
		A    int     `json:"a"`
		B    int     `json:"b"`
		Area float64 `json:"area"`
	} `json:"overlaps"`
}

// overflowState is what lossLib's overflow() answers.
type overflowState struct {
	SW    float64 `json:"sw"`
	VW    float64 `json:"vw"`
	Items []struct {
		I         int     `json:"i"`
		W         int     `json:"w"`
		Right     float64 `json:"right"`
		Exception string  `json:"exception"`
	} `json:"items"`
}

// adaptation changes the page for one rendering and puts it back.
type adaptation struct {
	apply, undo func(ctx context.Context, w world) error
	overflow    bool // measure sideways overflow (reflow)
}

// adapted is what a rendering measured.
type adapted struct {
	loss     a11y.ContentLoss
	overflow *overflowState
	nodes    []*a11y.Node // the elements the measures refer to, by index
}

// adapt measures the page, applies a, measures again, and undoes a.
func (t *Tab) adapt(ctx context.Context, doc *a11y.Document, a adaptation) (res *adapted, err error) {
	w, err := newWorld(ctx)
	if err != nil {
		return nil, err
	}
	defer releaseObjects(ctx)
	if _, err := evalIn[bool](ctx, w, lossScript, false); err != nil {
		return nil, fmt.Errorf("checker: prepare the measures: %w", err)
	}
	if _, err := evalIn[lossState](ctx, w, `globalThis.__delaktigLoss.measure(true)`, false); err != nil {
		return nil, fmt.Errorf("checker: measure the page: %w", err)
	}
	if _, err := evalIn[bool](ctx, w, `globalThis.__delaktigLoss.save()`, false); err != nil {
		return nil, err
	}
	if err := a.apply(ctx, w); err != nil {
		return nil, err
	}
	defer func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		uerr := a.undo(rctx, w)
		_ = settleLayout(rctx, w, 50*time.Millisecond, 500*time.Millisecond)
		_, _ = evalIn[bool](rctx, w, `globalThis.__delaktigLoss.restore()`, false)
		if err == nil && uerr != nil {
			res, err = nil, fmt.Errorf("checker: put the page back: %w", uerr)
		}
	}()
	if err := settleLayout(ctx, w, 100*time.Millisecond, time.Second); err != nil {
		return nil, pageChanged(ctx, err)
	}
	res = &adapted{}
	if a.overflow {
		o, err := evalIn[overflowState](ctx, w, fmt.Sprintf(`globalThis.__delaktigLoss.overflow(%d)`, reflowTolerance), false)
		if err != nil {
			return nil, pageChanged(ctx, err)
		}
		res.overflow = &o
	}
	ls, err := evalIn[lossState](ctx, w, `globalThis.__delaktigLoss.measure(false)`, false)
	if err != nil {
		return nil, pageChanged(ctx, err)
	}
	ids, err := backendIDs(ctx, w, `globalThis.__delaktigLoss.els`)
	if err != nil {
		return nil, pageChanged(ctx, err)
	}
	res.nodes = nodesOf(doc, backendIndex(doc), ids)
	node := func(i int) *a11y.Node {
		if i < 0 || i >= len(res.nodes) {
			return nil
		}
		return res.nodes[i]
	}
	res.loss.Limited = ls.Limited
	for _, c := range ls.Clipped {
		if n := node(c.I); n != nil {
			res.loss.Clipped = append(res.loss.Clipped, &a11y.ClippedText{Node: n, Text: textOf(n, c.Text), Hidden: c.Amount, Ellipsis: c.Ellipsis})
		}
	}
	for _, o := range ls.Overlaps {
		if na, nb := node(o.A), node(o.B); na != nil && nb != nil {
			res.loss.Overlaps = append(res.loss.Overlaps, &a11y.TextOverlap{A: na, B: nb, Area: o.Area})
		}
	}
	return res, nil
}

// pageChanged names the error of a measure: most often the document went
// away (the page navigated) and the isolated world with it.
func pageChanged(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return err
	}
	return fmt.Errorf("checker: the page changed while it was measured: %w", err)
}

// viewportChange returns an adaptation that lays the page out in a
// viewport of w×h CSS pixels.
func (t *Tab) viewportChange(w, h int) adaptation {
	old := t.viewport
	return adaptation{
		apply: func(ctx context.Context, _ world) error { return t.SetViewport(ctx, Viewport{Width: w, Height: h}) },
		undo:  func(ctx context.Context, _ world) error { return t.SetViewport(ctx, old) },
	}
}

// reflow lays the page out 320 CSS pixels wide (WCAG 1.4.10).
func (t *Tab) reflow(ctx context.Context, doc *a11y.Document) (*a11y.ReflowResult, error) {
	a := t.viewportChange(reflowWidth, reflowHeight)
	a.overflow = true
	res, err := t.adapt(ctx, doc, a)
	if err != nil {
		return nil, err
	}
	r := &a11y.ReflowResult{Width: reflowWidth, Height: reflowHeight, Tolerance: reflowTolerance, ContentLoss: res.loss}
	if o := res.overflow; o != nil {
		r.ScrollWidth = o.SW
		for _, it := range o.Items {
			if it.I < 0 || it.I >= len(res.nodes) || res.nodes[it.I] == nil {
				continue
			}
			ov := &a11y.Overflow{Node: res.nodes[it.I], Right: it.Right, Exception: it.Exception}
			if it.W >= 0 && it.W < len(res.nodes) {
				ov.Within = res.nodes[it.W]
			}
			r.Overflow = append(r.Overflow, ov)
		}
	}
	return r, nil
}

// textResize lays the page out at 200 % zoom (WCAG 1.4.4): a viewport half
// the tab's width and height.
func (t *Tab) textResize(ctx context.Context, doc *a11y.Document) (*a11y.TextResizeResult, error) {
	w, h := max(1, t.viewport.Width/2), max(1, t.viewport.Height/2)
	res, err := t.adapt(ctx, doc, t.viewportChange(w, h))
	if err != nil {
		return nil, err
	}
	return &a11y.TextResizeResult{Zoom: 2, Width: float64(w), Height: float64(h), ContentLoss: res.loss}, nil
}

// textSpacing forces WCAG 1.4.12's text spacing with a style sheet in the
// document and in its open shadow trees.
func (t *Tab) textSpacing(ctx context.Context, doc *a11y.Document) (*a11y.TextSpacingResult, error) {
	frames := 0
	res, err := t.adapt(ctx, doc, adaptation{
		apply: func(ctx context.Context, w world) error {
			n, err := evalIn[int](ctx, w, `globalThis.__delaktigLoss.space()`, false)
			frames = n
			return err
		},
		undo: func(ctx context.Context, w world) error {
			_, err := evalIn[bool](ctx, w, `globalThis.__delaktigLoss.unspace()`, false)
			return err
		},
	})
	if err != nil {
		return nil, err
	}
	return &a11y.TextSpacingResult{Frames: frames, ContentLoss: res.loss}, nil
}

// textOf returns the text the page showed, as the document has it: the
// document is masked (values from the environment), the live page is not,
// so text not found in the node's own text is replaced by the start of it.
func textOf(n *a11y.Node, live string) string {
	own := norm(n.Text())
	if live = norm(live); live != "" && strings.Contains(own, live) {
		return live
	}
	if r := []rune(own); len(r) > 80 {
		return string(r[:80])
	}
	return own
}
