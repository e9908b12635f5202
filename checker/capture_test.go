package checker_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/domsnapshot"
	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

// everyElement holds the HTML, SVG and MathML elements whose user agent
// styles differ, with no author style at all.
const everyElement = `<!doctype html><html lang="en"><head><title>Every element</title></head><body>
<header><nav><a href="#x">link</a> <a>no href</a></nav></header>
<main><h1>h1</h1><h2>h2</h2><h3>h3</h3><h4>h4</h4><h5>h5</h5><h6>h6</h6><hgroup><p>p</p></hgroup>
<p><b>b</b> <strong>strong</strong> <i>i</i> <em>em</em> <cite>cite</cite> <var>var</var> <dfn>dfn</dfn> <mark>mark</mark>
<small>small</small> <big>big</big> <sub>sub</sub> <sup>sup</sup> <s>s</s> <del>del</del> <ins>ins</ins> <u>u</u>
<code>code</code> <kbd>kbd</kbd> <samp>samp</samp> <tt>tt</tt> <q>q</q> <abbr title="t">abbr</abbr> <time>time</time>
<bdo dir="rtl">bdo</bdo> <bdi>bdi</bdi> <span dir="rtl">rtl</span> <nobr>nobr</nobr> <wbr> <br>
<ruby>r<rp>(</rp><rt>rt</rt><rp>)</rp></ruby> <font color="red" size="5">font</font></p>
<center>center</center><address>address</address><blockquote>quote</blockquote><pre>pre  x</pre><listing>l</listing>
<xmp>x</xmp>
<ul><li>li</li></ul><ol><li>li</li></ol><dl><dt>dt</dt><dd>dd</dd></dl><menu><li>m</li></menu><dir><li>d</li></dir>
<figure><img alt="a" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><figcaption>cap</figcaption></figure>
<hr><details><summary>summary</summary><p>open</p></details><details open><summary>open</summary>x</details>
<div hidden>hidden</div><dialog open>dialog</dialog><div popover>popover</div><search>search</search>
<table border="1" cellpadding="4" cellspacing="2" width="300"><caption>cap</caption><colgroup><col></colgroup>
<thead><tr><th>th</th><td align="center" valign="top" nowrap bgcolor="#eee">td</td></tr></thead><tfoot><tr><td>f</td><td>f</td></tr></tfoot></table>
<form><fieldset><legend>legend</legend><label>label <input></label>
<input type="text" placeholder="ph"><input type="search"><input type="email"><input type="url"><input type="tel">
<input type="password"><input type="number"><input type="date"><input type="time"><input type="datetime-local">
<input type="month"><input type="week"><input type="color"><input type="range"><input type="file"><input type="checkbox" checked>
<input type="radio"><input type="submit"><input type="reset"><input type="button" value="b"><input type="image" alt="go" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input disabled value="disabled"><input readonly value="readonly"><input type="hidden" value="h">
<button>button</button><button disabled>disabled</button><select><option>a</option><optgroup label="g"><option>b</option></optgroup></select>
<select multiple size="3"><option selected>a</option><option disabled>b</option></select><datalist id="dl"><option value="x"></datalist>
<textarea>text</textarea><output>out</output><progress value="3" max="10"></progress><meter value="0.5"></meter></fieldset></form>
<audio controls></audio><video controls width="50" height="20"></video><canvas width="10" height="10">c</canvas>
<iframe srcdoc="<p>frame <a href=#>link</a></p>" title="f"></iframe><object title="o"></object><embed title="e">
<map name="m"><area shape="rect" coords="0,0,1,1" href="#a" alt="a"></map>
<template><p>template</p></template><slot>slot</slot><noscript>noscript</noscript><marquee>marquee</marquee>
<svg width="40" height="40" viewBox="0 0 40 40"><title>svg</title><g><rect width="10" height="10"/><text x="0" y="20">svg text</text>
<a href="#s"><circle cx="30" cy="30" r="5"/></a><foreignObject width="20" height="20"><p>fo</p></foreignObject></g></svg>
<math><mrow><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mi>y</mi></mfrac></mrow></math>
<p hidden="until-found">until found</p></main><footer>footer</footer></body></html>`

// styleMaps maps the backend id of every element with a box to its styles.
func styleMaps(doc *a11y.Document) map[int64]map[string]string {
	out := map[int64]map[string]string{}
	var walk func(n *a11y.Node)
	walk = func(n *a11y.Node) {
		for ; n != nil; n = n.NextSibling {
			if n.Type == a11y.ElementNode && n.Box != nil {
				out[n.BackendID] = n.Style
			}
			walk(n.Shadow)
			walk(n.Content)
			walk(n.FirstChild)
		}
	}
	walk(doc.Root)
	return out
}

// fullCapture captures the tab's page with every style property.
func fullCapture(t *testing.T, ctx context.Context) *a11y.Document {
	t.Helper()
	// every longhand asked for as such, so that the shorthands and their
	// expansion are checked too
	params := domsnapshot.CaptureSnapshotParams{ComputedStyles: checker.StyleProperties}
	res, err := chromedp.Call(ctx, domsnapshot.CaptureSnapshot, params)
	require.NoError(t, err)
	doc, err := checker.FromSnapshot(&res, checker.SnapshotOptions{Properties: checker.StyleProperties})
	require.NoError(t, err)
	return doc
}

// assertSameStyles navigates to url, runs script, and requires that the
// snapshot an audit takes has, for every element, exactly the styles a
// capture of every property finds. It returns the parameters the audit's
// capture used.
func assertSameStyles(t *testing.T, url, script string) domsnapshot.CaptureSnapshotParams {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab(t).Context(), 30*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url)))
	if script != "" {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](script, chromedp.EvalAwaitPromise))
		require.NoError(t, err)
	}
	params, err := checker.PageCaptureParams(ctx)
	require.NoError(t, err)
	full := styleMaps(fullCapture(t, ctx))
	doc, err := checker.Snapshot(ctx)
	require.NoError(t, err)
	got := styleMaps(doc)
	require.GreaterOrEqual(t, len(full), 3)
	assert.Len(t, got, len(full))
	diffs := 0
	for id, want := range full {
		have, ok := got[id]
		if !assert.True(t, ok, "element %d missing", id) {
			continue
		}
		for _, p := range checker.StyleProperties {
			if want[p] != have[p] {
				diffs++
				assert.Equal(t, want[p], have[p], "element %d: %s", id, p)
			}
		}
		if diffs > 20 {
			break
		}
	}
	return params
}

func TestCaptureLeavesOutOnlyUnsetProperties(t *testing.T) {
	params := assertSameStyles(t, servePage(t, everyElement), "")
	t.Run("focus ring", func(t *testing.T) {
		// a field focused from the keyboard gets the user agent's focus ring
		url := servePage(t, `<!doctype html><html lang="en"><head><title>Focus</title></head><body>
<label>Name <input id="f"></label><label>Other <input></label></body></html>`)
		ctx, cancel := context.WithTimeout(tab(t).Context(), 30*time.Second)
		defer cancel()
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url)))
		require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent("\t")))
		full := fullCapture(t, ctx)
		doc, err := checker.Snapshot(ctx)
		require.NoError(t, err)
		want, got := full.ByID(full.Root, "f"), doc.ByID(doc.Root, "f")
		require.NotNil(t, want)
		require.NotNil(t, got)
		require.True(t, got.Focused)
		assert.NotEqual(t, "none", want.Style["outline-style"], "the focused field has a ring")
		for _, p := range []string{"outline-style", "outline-width", "outline-color"} {
			assert.Equal(t, want.Style[p], got.Style[p], p)
		}
	})
	// the user agent style sheet alone sets none of these
	for _, p := range []string{"opacity", "filter", "text-shadow", "box-shadow", "transform", "background-image", "clip-path", "outline-style"} {
		assert.NotContains(t, params.ComputedStyles, p)
	}
	assert.Contains(t, params.ComputedStyles, "text-transform", "MathML sets text-transform")
	assert.Contains(t, params.ComputedStyles, "content-visibility", "hidden=until-found sets content-visibility")
	assert.Contains(t, params.ComputedStyles, "color")
	assert.Contains(t, params.ComputedStyles, "border-color", "box longhands are asked for as shorthands")
	assert.NotContains(t, params.ComputedStyles, "border-top-color")
	assert.Less(t, len(params.ComputedStyles), len(checker.StyleProperties)-20)
	assert.Nil(t, params.IncludeDOMRects, "DOM rectangles are not captured")
}

// stateElements holds controls and links whose user agent styles depend on
// their type, attributes and disabled state.
const stateElements = `<!doctype html><html lang="en"><head><title>States</title></head><body>
<form><input disabled><input readonly><textarea disabled>x</textarea><textarea readonly>y</textarea>
<input type="TEXT" disabled><input type="Checkbox" disabled><input type="IMAGE" alt="i" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="nonsense">
<input type="number" disabled><input type="search" readonly><select disabled><option>a</option></select><button disabled>b</button>
<fieldset disabled><legend>L <input id="inlegend"></legend><input id="infs"><textarea id="tafs">t</textarea><div><input id="deep"></div></fieldset>
<fieldset disabled><div><legend>not first <input id="l2"></legend></div></fieldset>
<select size="1"><option>a</option></select><select size="2"><option>a</option></select><select multiple size="1"><option>a</option></select><select size=" 3 "><option>a</option></select><select size="x"><option>a</option></select>
<label><a href="#x">in label</a></label><a href="#y"><label>label in a</label><span>span</span></a><abbr>no title</abbr><acronym title="x">acr</acronym><strike>st</strike>
<a href="#z"><input></a><button><a href="#q">a in button</a><span>s</span></button>
<input contenteditable><div contenteditable>ce</div><summary>s</summary><embed type="image/gif" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="5" height="5">
</form>
<svg width="40" height="40"><a xlink:href="#s"><rect width="5" height="5"/></a><svg width="5" height="5"><rect width="2" height="2"/></svg><symbol id="sym"><rect width="1" height="1"/></symbol><image width="3" height="3" href="data:image/gif;base64,R0lGODlhAQABAAAAACw="/></svg>
<fieldset disabled><select><option>a</option></select><select size="3"><option>a</option></select><input type="range"><input type="color"><input type="file"><input type="submit"><input type="date"><meter value="0.5"></meter><progress></progress><button>b</button><input type="image" alt="x" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></fieldset>
<input type="range" disabled><input type="radio" disabled><input type="color" disabled><input type="file" disabled><input type="date" disabled><input type="image" disabled alt="x" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><select multiple><option>m</option></select><select multiple size="0"><option>m</option></select><select size="3x"><option>m</option></select>
<math><mi>x</mi></math><em><span>in em</span><input><button>b</button><select><option>s</option></select><textarea>t</textarea><meter value="0.5"></meter><progress></progress><input type="checkbox"><label>l</label></em><address><i>x</i><b>b</b></address>
</body></html>`

func TestCaptureWorksOutUserAgentStyles(t *testing.T) {
	params := assertSameStyles(t, servePage(t, stateElements), "")
	for _, p := range []string{"cursor", "font-style", "text-decoration-line", "appearance", "position", "overflow-x", "overflow-y", "opacity"} {
		assert.NotContains(t, params.ComputedStyles, p, "no author style declares %s", p)
	}

	t.Run("state decides", func(t *testing.T) {
		// a modal dialog and a shown popover take fixed positions
		params := assertSameStyles(t, servePage(t, `<!doctype html><html lang="en"><head><title>Dialog</title></head><body>
<button>b</button><dialog id="d"><p>modal</p></dialog><div popover id="p">pop</div></body></html>`),
			`document.getElementById("d").showModal(); document.getElementById("p").showPopover()`)
		for _, p := range []string{"position", "overflow-x", "overflow-y"} {
			assert.Contains(t, params.ComputedStyles, p)
		}
	})
	t.Run("one overflow axis", func(t *testing.T) {
		// overflow-x: visible computes to auto beside a scrolling y axis
		params := assertSameStyles(t, servePage(t, `<!doctype html><html lang="en"><head><title>Axis</title>
<style>section { height: 40px; overflow-y: auto; white-space: nowrap }</style></head><body>
<section><img alt="a" width="300" height="80" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></section></body></html>`), "")
		assert.Contains(t, params.ComputedStyles, "overflow-x")
	})
	t.Run("shadow tree", func(t *testing.T) {
		// slotted text inherits along the flat tree
		params := assertSameStyles(t, servePage(t, `<!doctype html><html lang="en"><head><title>Shadow</title></head><body>
<a href="#x"><span id="host"><b>slotted</b></span></a></body></html>`),
			`document.getElementById("host").attachShadow({mode: "open"}).innerHTML = "<em><label><slot></slot></label></em><svg width='9' height='9'><rect width='3' height='3'/></svg>"`)
		assert.Contains(t, params.ComputedStyles, "cursor")
		assert.Contains(t, params.ComputedStyles, "font-style")
	})
	t.Run("page changed", func(t *testing.T) {
		// a dialog that appears after the style scan: the conversion
		// refuses the capture instead of guessing its position
		ctx, cancel := context.WithTimeout(tab(t).Context(), 30*time.Second)
		defer cancel()
		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(servePage(t, `<!doctype html><html lang="en"><head><title>Late</title></head><body>
<p>before</p><dialog open>late</dialog></body></html>`))))
		res, err := chromedp.Call(ctx, domsnapshot.CaptureSnapshot, params)
		require.NoError(t, err)
		_, err = checker.FromSnapshot(&res, checker.SnapshotOptions{Properties: params.ComputedStyles})
		require.ErrorContains(t, err, "left out")
		doc, err := checker.Snapshot(ctx)
		require.NoError(t, err)
		var dialog *a11y.Node
		for n := range doc.Elements(atom.Dialog) {
			dialog = n
		}
		require.NotNil(t, dialog)
		assert.Equal(t, "absolute", dialog.Style["position"])
	})
}

func TestCaptureKeepsDeclaredProperties(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		_, _ = w.Write([]byte(`.far { box-shadow: 0 0 3px red; text-shadow: 1px 1px blue }`))
	}))
	defer other.Close()
	page := `<!doctype html><html lang="en"><head><title>Declared</title><style>
@media screen { .a { opacity: .5; padding: 1px 2px 3px } @supports (display: grid) { .b { clip-path: inset(1px) } } }
@keyframes spin { from { transform: rotate(10deg) } to { transform: rotate(20deg) } }
body { background: #fff; outline: none } .n { opacity: initial; filter: inherit; box-shadow: none }
.c { animation: spin 100s paused } .d { & span { box-shadow: 1px 1px red; border: 1px solid; border-color: rgb(1, 2, 3) color(srgb 1 0 0) } }
</style></head><body>
<p class="a n">a</p><p class="b">b</p><p class="c">c</p><p class="d"><span>d</span></p>
<p style="text-shadow: 1px 1px 2px blue">inline</p><img align="right" alt="x" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<svg width="10" height="10"><rect width="5" height="5" opacity="0.4" filter="none"/></svg>
<div id="host"></div><div id="closed"></div></body></html>`
	script := `(() => {
		const s = new CSSStyleSheet(); s.replaceSync(".z { mix-blend-mode: multiply; position: relative }");
		const open = document.getElementById("host").attachShadow({mode: "open"});
		open.adoptedStyleSheets = [s];
		open.innerHTML = "<p class=z>adopted</p><style>p { background-image: linear-gradient(red, blue) }</style>";
	})()`
	params := assertSameStyles(t, servePage(t, page), script)
	for _, p := range []string{"opacity", "transform", "text-shadow", "float", "filter", "clip-path", "box-shadow", "mix-blend-mode"} {
		assert.Contains(t, params.ComputedStyles, p)
	}
	assert.NotContains(t, params.ComputedStyles, "backdrop-filter")
	assert.NotContains(t, params.ComputedStyles, "background-clip", "background: #fff sets it to its initial value")
	for _, p := range []string{"outline-style", "outline-width", "outline-color"} {
		assert.NotContains(t, params.ComputedStyles, p, "outline: none is the initial outline")
	}

	t.Run("cross-origin sheet", func(t *testing.T) {
		params := assertSameStyles(t, servePage(t, `<!doctype html><html lang="en"><head><title>Far</title>
<link rel="stylesheet" href="`+other.URL+`/far.css"></head><body><p class="far">far away</p></body></html>`), "")
		assert.Equal(t, checker.CaptureParams().ComputedStyles, params.ComputedStyles, "an unreadable sheet may set anything")
	})
	t.Run("closed shadow root", func(t *testing.T) {
		assertSameStyles(t, servePage(t, page), `(() => {
			const r = document.getElementById("closed").attachShadow({mode: "closed"});
			r.innerHTML = "<style>p { backdrop-filter: blur(2px); mix-blend-mode: multiply }</style><p>closed</p>";
		})()`)
	})
}

func TestSnapshotAsksScrollContainersOnly(t *testing.T) {
	doc := load(t, `<!doctype html><html lang="en"><head><title>Scroll</title><style>
.s { width: 100px; height: 50px; overflow-y: auto; border: 2px solid; padding: 4px }
.h { width: 100px; height: 50px; overflow: hidden }
</style></head><body><div class="s" id="tall"><div style="height: 400px">tall</div></div>
<div class="s" id="short">short</div><div class="h" id="hidden"><div style="height: 400px">clipped</div></div>
<textarea id="ta" rows="2">a
b
c
d</textarea>
<iframe title="f" style="border: 7px solid; padding: 5px; width: 200px; height: 100px" srcdoc="<p id=in style='margin:0'>in frame</p>"></iframe></body></html>`, "")
	tall := byID(t, doc, doc.Root, "tall")
	require.NotNil(t, tall.Scroll)
	require.NotNil(t, tall.Client)
	assert.InDelta(t, 408, tall.Scroll.Height, 0.5, "scrollHeight includes the padding")
	assert.InDelta(t, 58, tall.Client.Height, 0.5)
	assert.InDelta(t, 2, tall.Client.X, 0.01, "clientLeft is the border")
	short := byID(t, doc, doc.Root, "short")
	require.NotNil(t, short.Scroll)
	assert.InDelta(t, short.Client.Height, short.Scroll.Height, 0.5)
	assert.Nil(t, byID(t, doc, doc.Root, "hidden").Scroll, "overflow: hidden does not let a person scroll")
	assert.NotNil(t, byID(t, doc, doc.Root, "ta").Scroll, "a textarea scrolls")

	// the frame's document sits inside the frame's border and padding
	var frame *a11y.Node
	for n := range doc.Elements() {
		if n.Data == "iframe" {
			frame = n
		}
	}
	require.NotNil(t, frame)
	require.NotNil(t, frame.Content)
	in := doc.ByID(frame.Content, "in")
	require.NotNil(t, in)
	require.NotNil(t, in.Box)
	assert.InDelta(t, frame.Box.X+12+8, in.Box.X, 0.5, "frame border, padding and the frame body's margin")
	assert.True(t, slices.ContainsFunc(checker.StyleProperties, func(p string) bool { return p == "overflow-y" }))
}
