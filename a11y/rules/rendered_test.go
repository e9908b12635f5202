package rules_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/a11ytest"
	"github.com/delaktig/delaktig/a11y/rules"
)

// renderedPage parses src as a page a browser rendered: data-css holds an
// element's computed style as declarations, data-box its border box
// "x y w h", data-text-box the box of its first non-blank text child,
// data-scroll and data-client its scroll and client areas. An element
// without data-box fills its parent when it is an only child, and is a
// 20 px row 30 px below its previous sibling otherwise. Every element gets a
// Style map, so a property not given is inherited or initial, as from a
// browser source. data-want annotations are left for a11ytest.CheckDoc.
func renderedPage(t *testing.T, src string) *a11y.Document {
	t.Helper()
	doc, err := a11y.FromHTMLString(src, "https://example.test/")
	require.NoError(t, err)
	for n := range doc.Elements() {
		n.Style = map[string]string{}
		keep := n.Attr[:0]
		for _, a := range n.Attr {
			switch a.Key {
			case "data-css":
				for _, d := range a11y.ParseDeclarations(a.Val) {
					n.Style[d.Property] = d.Value
				}
			case "data-box":
				n.Box = rect(t, a.Val)
			case "data-scroll":
				n.Scroll = rect(t, a.Val)
			case "data-client":
				n.Client = rect(t, a.Val)
			case "data-text-box":
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == a11y.TextNode && strings.TrimSpace(c.Data) != "" {
						c.Box = rect(t, a.Val)
						break
					}
				}
			default:
				keep = append(keep, a)
			}
		}
		n.Attr = keep
		if _, ok := n.Style["display"]; !ok {
			n.Style["display"] = defaultDisplay(n)
		}
		if n.Box == nil {
			n.Box = rowBox(n)
		}
	}
	doc.Facts = a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout
	doc.Viewport = a11y.Rect{Width: 1000, Height: 800}
	doc.Mode = a11y.ModeBrowser
	doc.Index()
	return doc
}

func defaultDisplay(n *a11y.Node) string {
	switch n.Data {
	case "div", "p", "section", "main", "body", "html", "ul", "ol", "form", "fieldset", "h1", "h2", "nav", "header":
		return "block"
	case "li":
		return "list-item"
	case "head", "script", "style", "title", "meta":
		return "none"
	case "input", "button", "select", "textarea":
		return "inline-block"
	}
	return "inline"
}

func rowBox(n *a11y.Node) *a11y.Rect {
	p := n.FlatParent()
	if p == nil || p.Box == nil || n.Data == "html" || n.Data == "body" || n.Data == "head" {
		return &a11y.Rect{Width: 1000, Height: 1000}
	}
	k, siblings := 0, 0
	for c := range p.FlatChildren() {
		if c == n {
			k = siblings
		}
		if c.Type == a11y.ElementNode {
			siblings++
		}
	}
	b := *p.Box
	if siblings > 1 {
		b.Y += float64(30 * k)
		b.Height = 20
	}
	return &b
}

func rect(t *testing.T, s string) *a11y.Rect {
	t.Helper()
	f := strings.Fields(s)
	require.Len(t, f, 4, "rectangle %q", s)
	var v [4]float64
	for i, x := range f {
		var err error
		v[i], err = strconv.ParseFloat(x, 64)
		require.NoError(t, err)
	}
	return &a11y.Rect{X: v[0], Y: v[1], Width: v[2], Height: v[3]}
}

// checkRendered runs rule over a hand-rendered page and compares the
// outcomes with its data-want annotations.
func checkRendered(t *testing.T, rule *a11y.Rule, src string) {
	t.Helper()
	a11ytest.CheckDoc(t, renderedPage(t, src), false, rule)
}

func TestRenderedRulesNeedTheBrowser(t *testing.T) {
	doc, err := a11y.FromHTMLString(`<p style="color:#aaa">x</p>`, "")
	require.NoError(t, err)
	for _, r := range []*a11y.Rule{rules.ColorContrast, rules.ColorContrastEnhanced, rules.NonTextContrast,
		rules.TargetSize, rules.ScrollableRegionFocusable} {
		res, err := a11y.Check(context.Background(), doc, a11y.WithRules(r))
		require.NoError(t, err)
		require.Len(t, res.Findings, 1, r.ID)
		assert.Equal(t, a11y.CantTell, res.Findings[0].Outcome, r.ID)
		assert.Equal(t, a11y.MsgNeedsLayout, res.Findings[0].Key, r.ID)
	}
	for _, r := range []*a11y.Rule{rules.FocusVisible, rules.FocusNotObscured} {
		res, err := a11y.Check(context.Background(), renderedPage(t, `<a href="/">x</a>`), a11y.WithRules(r))
		require.NoError(t, err)
		require.Len(t, res.Findings, 1, r.ID)
		assert.Equal(t, a11y.MsgNeedsInteraction, res.Findings[0].Key, r.ID)
	}
}

func TestColorContrastACTExamples(t *testing.T) {
	checkRendered(t, rules.ColorContrast, `<html><body>
	<p data-want="passed enough" data-css="color: rgb(51, 51, 51); background-color: rgb(255, 255, 255)">Some text in a human language</p>
	<p data-want="cantTell range" data-css="color: rgb(51, 51, 51); background-image: linear-gradient(to right, rgb(255, 255, 255), rgb(0, 0, 255))">Some text</p>
	<p data-want="cantTell image" data-css="color: rgb(204, 204, 204); background-color: black; background-image: url(&quot;/hole.jpeg&quot;); text-shadow: black 0px 0px 2px">Black hole sun</p>
	<p data-want="cantTell shadow" data-css="color: rgb(0, 0, 0); background-color: rgb(115, 115, 115); text-shadow: rgb(255, 255, 255) 0px 0px 3px">Some text</p>
	<p data-want="passed enough" data-css="color: black; font-size: 24px; background-color: rgb(102, 102, 102)">Large text</p>
	<p data-want="passed enough" data-css="color: black; font-size: 18.6667px; font-weight: 700; background-color: rgb(102, 102, 102)">Bold text</p>
	<button data-want="cantTell symbol" aria-label="Close" data-css="color: rgb(102, 102, 102); background-color: black">X</button>
	<p data-want="passed enough">Default colours</p>
	<a href="/" data-want="passed enough" data-css="color: rgb(0, 0, 238)">W3C</a>
	<p data-want="failed low" data-css="color: rgb(170, 170, 170); background-color: white">Some text in English</p>
	<p data-want="failed low" data-css="color: rgb(170, 170, 170); background-image: linear-gradient(to right, rgb(255, 255, 255), rgb(0, 0, 255))">Some text</p>
	<p data-want="failed low" data-css="color: rgba(0, 0, 0, 0.3); background-color: white">Some text</p>
	<div data-css="background-color: white"><p data-want="failed low" data-css="color: black; opacity: 0.3">Some text</p></div>
	<span data-want="failed low" data-css="color: rgba(90, 90, 90, 0.8); background-image: linear-gradient(90deg, rgba(0, 0, 0, 0), rgba(0, 0, 0, 0) 3.3em, rgb(0, 0, 0) 3.3em, rgb(0, 0, 0) 6em)">Hello world</span>
	<button data-want="failed low" data-css="color: rgb(119, 119, 119); background-color: rgb(238, 238, 238)">My button!</button>
	<p data-want="cantTell shadow" data-css="background-color: white; color: rgb(102, 102, 102); text-shadow: rgb(170, 170, 170) 2px 2px 4px, rgb(170, 170, 170) -2px 2px 4px">Shadowed</p>
	<p data-css="display: none">Hidden text</p>
	<p data-box="0 -15984 800 20" data-css="position: absolute">Off screen</p>
	<p data-css="color: white; background-color: white" aria-hidden="true">Same colour</p>
	<label data-css="color: rgb(136, 136, 136); background-color: white">My name <input type="text" disabled></label>
	<label id="pet" data-css="color: rgb(136, 136, 136); background-color: white">My pet</label>
	<div role="textbox" aria-labelledby="pet" aria-disabled="true">test</div>
	<fieldset disabled data-css="color: rgb(136, 136, 136)"><label>My name <input></label></fieldset>
	<div role="group" aria-disabled="true" data-css="color: rgb(136, 136, 136)"><label>Name <input></label></div>
	<button disabled data-css="color: rgb(119, 119, 119); background-color: rgb(238, 238, 238)">My button!</button>
	<div role="button" aria-disabled="true" data-css="color: rgb(119, 119, 119)">My button!</div>
	<p data-css="color: rgb(170, 170, 170)">→ • |</p>
	</body></html>`)
}

func TestColorContrastDoubts(t *testing.T) {
	checkRendered(t, rules.ColorContrast, `<html><body data-box="0 0 1000 1000">
	<div data-box="0 0 400 100" data-css="background-color: white">
		<p data-want="passed" data-box="10 10 200 20" data-css="color: black">Inside</p>
		<p data-want="cantTell positioned" data-box="350 50 200 20" data-css="color: black; position: absolute">Half out</p>
	</div>
	<img data-box="0 200 300 100" alt="">
	<p data-want="cantTell overlap" data-box="10 220 200 20" data-css="color: black; position: absolute">Over a picture</p>
	<p data-want="cantTell effect" data-box="0 400 200 20" data-css="filter: invert(1)">Filtered</p>
	<p data-want="cantTell range" data-box="0 430 200 20" data-css="color: black; background-image: linear-gradient(white, black)">Gradient</p>
	<p data-want="cantTell color" data-box="0 460 200 20" data-css="color: color(display-p3 0 0 0)">Wide gamut</p>
	<p data-want="cantTell symbol" data-box="0 490 200 20" data-css="color: rgb(170, 170, 170); font-family: &quot;Material Icons&quot;">search</p>
	<p data-want="cantTell effect" data-box="0 520 200 20" data-css="-webkit-text-stroke-width: 1px; color: rgb(170, 170, 170)">Outlined</p>
	<div data-box="0 550 400 40" data-css="background-image: url(&quot;a.png&quot;)">
		<p data-want="failed low" data-box="0 550 400 40" data-css="background-color: white; color: rgb(170, 170, 170)">Opaque over picture</p>
	</div>
	</body></html>`)
}

func TestColorContrastShadowTreeAndFrames(t *testing.T) {
	checkRendered(t, rules.ColorContrast, `<html><body>
	<p data-want="failed low" data-css="color: rgb(170, 170, 170); background-color: white"><template shadowrootmode="open">Some text in English</template></p>
	<p data-css="color: rgb(204, 204, 204)"><template shadowrootmode="open"><span data-want="passed enough" data-css="color: rgb(51, 51, 51)">Some text</span></template></p>
	<svg><text>SVG text</text></svg>
	</body></html>`)
}

func TestColorContrastEnhanced(t *testing.T) {
	checkRendered(t, rules.ColorContrastEnhanced, `<html><body>
	<p data-want="passed enough" data-css="color: rgb(51, 51, 51)">Dark grey</p>
	<p data-want="failed low" data-css="color: rgb(102, 102, 102)">Mid grey, 5.7:1</p>
	<p data-want="passed enough" data-css="color: rgb(102, 102, 102); font-size: 24px">Large mid grey</p>
	</body></html>`)
}

func TestContrastMessageData(t *testing.T) {
	doc := renderedPage(t, `<p data-css="color: rgb(170, 170, 170)">x y</p>`)
	res, err := a11y.Check(context.Background(), doc, a11y.WithRules(rules.ColorContrast), a11y.WithLocale("sv"))
	require.NoError(t, err)
	require.Len(t, res.Findings, 1)
	f := res.Findings[0]
	assert.Equal(t, a11y.Failed, f.Outcome)
	assert.Equal(t, "2.32:1", f.Data["ratio"])
	assert.Equal(t, "4.5:1", f.Data["want"])
	assert.Equal(t, "#aaaaaa", f.Data["fg"])
	assert.Equal(t, "#ffffff", f.Data["bg"])
	assert.Contains(t, f.Message, "2.32:1")
	assert.Contains(t, f.Message, "svår att läsa")
}

func TestTargetSize(t *testing.T) {
	checkRendered(t, rules.TargetSize, `<html><body data-box="0 0 1000 1000">
	<button data-want="passed big-enough" data-box="0 0 100 40">Save</button>
	<button data-want="failed too-small" data-box="0 100 16 16">A</button>
	<button data-want="failed too-small" data-box="20 100 16 16">B</button>
	<button data-want="passed spaced" data-box="200 100 16 16">C</button>
	<button data-want="passed spaced" data-box="230 100 16 16">D</button>
	<input type="checkbox" data-want="passed user-agent" data-box="0 200 13 13" data-css="appearance: auto">
	<input type="checkbox" data-want="passed user-agent" data-box="20 200 13 13" data-css="appearance: auto">
	<input type="checkbox" id="c" data-want="passed label" data-box="0 300 16 16" data-css="appearance: none">
	<label for="c" data-box="20 296 200 24">Big label</label>
	<input type="checkbox" data-want="failed too-small" data-box="0 322 16 16" data-css="appearance: none">
	<p data-box="0 400 600 20">Read <a href="/" data-want="passed inline" data-box="40 400 30 18">this</a> first, <a href="/b" data-want="passed inline" data-box="80 400 30 18">then</a> go.</p>
	<ul data-box="0 500 600 80"><li data-box="0 500 600 18"><a href="/1" data-want="failed too-small" data-box="0 500 30 18">One</a></li><li data-box="0 518 600 18"><a href="/2" data-want="failed too-small" data-box="0 518 30 18">Two</a></li></ul>
	<a href="/card" data-want="passed big-enough" data-box="0 600 300 100"><span>Card</span> <span role="button" tabindex="0" data-want="cantTell nested" data-box="280 600 16 16">x</span></a>
	<button disabled data-box="0 750 10 10">Off</button>
	<button data-box="0 780 10 10" data-css="visibility: hidden">Hidden</button>
	<input type="hidden" value="1">
	</body></html>`)
}

func TestScrollableRegionFocusable(t *testing.T) {
	checkRendered(t, rules.ScrollableRegionFocusable, `<html><body data-box="0 0 1000 2000">
	<section tabindex="0" data-want="passed focusable" data-box="0 0 500 100" data-css="overflow-x: scroll; overflow-y: scroll" data-scroll="0 0 485 400" data-client="0 0 485 85"><p>Long text</p></section>
	<section data-want="passed has-focusable" data-box="0 200 500 100" data-css="overflow-x: scroll; overflow-y: scroll" data-scroll="0 0 485 400" data-client="0 0 485 85"><h1><a href="/">Link</a></h1><p>Long text</p></section>
	<section data-want="failed not-focusable" data-box="0 400 500 100" data-css="overflow-y: scroll" data-scroll="0 0 485 400" data-client="0 0 485 100"><p>Long text</p></section>
	<section data-want="failed not-focusable" data-box="0 600 400 100" data-css="overflow-x: auto; overflow-y: auto" data-scroll="0 0 560 100" data-client="0 0 400 100"><img alt="W3C" data-box="0 600 80 40"></section>
	<section data-box="0 800 500 95" data-scroll="0 0 500 400" data-client="0 0 500 95"><p>Visible overflow</p></section>
	<section data-box="0 900 500 95" data-css="overflow-x: auto; overflow-y: auto" data-scroll="0 0 500 95" data-client="0 0 500 95"><p>Fits</p></section>
	<section data-box="0 1000 500 95" data-css="overflow-x: hidden; overflow-y: hidden" data-scroll="0 0 500 400" data-client="0 0 500 95"><p>Hidden overflow</p></section>
	<section data-box="0 1100 500 20" data-css="overflow-x: scroll" data-scroll="0 0 1000 20" data-client="0 0 500 5"><div data-box="0 1100 1000 1"></div></section>
	<section data-box="0 1200 560 270" data-css="overflow-x: scroll; overflow-y: scroll; padding-top: 30px; padding-bottom: 30px; padding-left: 30px" data-scroll="0 0 550 258" data-client="0 0 545 255"><div>Text</div></section>
	<iframe data-box="0 1500 500 200" data-css="overflow-x: auto; overflow-y: auto" data-scroll="0 0 500 900" data-client="0 0 500 200"></iframe>
	<div data-want="cantTell unknown-size" data-box="0 1800 500 100" data-css="overflow-y: auto"><p>Unknown</p></div>
	</body></html>`)
}

func TestLabelInNameRendered(t *testing.T) {
	checkRendered(t, rules.LabelInName, `<html><body>
	<a href="/" aria-label="Download specification" data-want="passed contained">Download <span data-css="visibility: hidden">the</span> <span data-css="display: none">gizmo</span> specification</a>
	<a href="/" aria-label="Download specification" data-want="passed contained">Download <span data-box="0 0 1 1" data-css="position: absolute; overflow-x: hidden; overflow-y: hidden; clip-path: inset(50%)">gizmo</span> specification</a>
	<a href="/" aria-label="ACT" data-want="passed contained"><div data-css="display: inline">A</div><div data-css="display: inline">C</div><div data-css="display: inline">T</div></a>
	<a href="/" aria-label="ACT" data-want="failed not-contained"><div>A</div><div>C</div><div>T</div></a>
	<button aria-label="Find" data-css="font-family: &quot;Material Icons&quot;" data-want="passed contained">search</button>
	<a href="/" aria-label="Download specification" data-want="failed not-contained">Download <span aria-hidden="true">gizmo</span> specification</a>
	</body></html>`)
}

// focusDoc returns a rendered page with a focus walk over the elements
// whose ids are given, in that order.
func focusDoc(t *testing.T, src string, complete bool, steps ...*a11y.FocusRendering) *a11y.Document {
	t.Helper()
	doc := renderedPage(t, src)
	doc.Facts |= a11y.NeedsInteraction
	walk := &a11y.FocusWalk{Complete: complete, Steps: steps}
	if !complete {
		walk.Stopped = "limit"
	}
	doc.Extra = map[string]any{a11y.FocusKey: walk}
	return doc
}

func TestFocusVisible(t *testing.T) {
	const src = `<html><body>
		<a id="a" href="/a" data-want="passed shown">A</a>
		<a id="b" href="/b" data-want="failed not-shown">B</a>
		<span id="c" tabindex="0" data-want="cantTell not-compared">C</span>
		<a id="d" href="/d" data-want="cantTell not-reached">D</a>
		<a href="/e" tabindex="-1">E</a>
		<form><input type="radio" name="r" aria-label="Ja" data-want="cantTell not-reached">
		<input type="radio" name="r" aria-label="Nej">
		<input type="radio" name="s" aria-label="Ja">
		<input type="radio" name="s" aria-label="Nej" checked data-want="cantTell not-reached"></form>
		<form><input type="radio" name="r" aria-label="Ja" data-want="cantTell not-reached"></form>
	</body></html>`
	doc := renderedPage(t, src)
	steps := []*a11y.FocusRendering{
		{Node: doc.ByID(doc.Root, "a"), PixelsCompared: true, Changed: true},
		{Node: doc.ByID(doc.Root, "b"), PixelsCompared: true},
		{Node: doc.ByID(doc.Root, "c")},
	}
	doc.Facts |= a11y.NeedsInteraction
	doc.Extra = map[string]any{a11y.FocusKey: &a11y.FocusWalk{Steps: steps, Stopped: "limit"}}
	a11ytest.CheckDoc(t, doc, false, rules.FocusVisible)

	// a complete walk says nothing about elements it did not reach
	doc = focusDoc(t, `<html><body><a href="/">A</a></body></html>`, true)
	a11ytest.CheckDoc(t, doc, true, rules.FocusVisible)

	// no walk at all: one page-level question
	doc = renderedPage(t, `<html data-want="cantTell no-walk"><body><a href="/">A</a></body></html>`)
	doc.Facts |= a11y.NeedsInteraction
	a11ytest.CheckDoc(t, doc, false, rules.FocusVisible)
}

func TestFocusNotObscured(t *testing.T) {
	doc := renderedPage(t, `<html><body>
		<header id="h" data-box="0 0 1000 80" data-css="position: fixed">Header</header>
		<a id="a" href="/a" data-want="passed in-view">A</a>
		<a id="b" href="/b" data-want="passed partly-hidden">B</a>
		<a id="c" href="/c" data-want="failed hidden">C</a>
		<a id="d" href="/d" data-want="passed user-opened">D</a>
		<a id="e" href="/e" data-want="cantTell not-measured">E</a>
		<a id="f" href="/f" data-want="cantTell offscreen">F</a>
	</body></html>`)
	h := doc.ByID(doc.Root, "h")
	node := func(id string) *a11y.Node { return doc.ByID(doc.Root, id) }
	doc.Facts |= a11y.NeedsInteraction
	doc.Extra = map[string]any{a11y.FocusKey: &a11y.FocusWalk{Complete: true, Steps: []*a11y.FocusRendering{
		{Node: node("a"), CoverageMeasured: true},
		{Node: node("b"), CoverageMeasured: true, Obscured: 0.4, ObscuredBy: h},
		{Node: node("c"), CoverageMeasured: true, Obscured: 1, ObscuredBy: h},
		{Node: node("d"), CoverageMeasured: true, Obscured: 1, ObscuredBy: h, ObscuredByUser: true},
		{Node: node("e")},
		{Node: node("f"), CoverageMeasured: true, Obscured: 1},
	}}}
	a11ytest.CheckDoc(t, doc, false, rules.FocusNotObscured)
	require.NotNil(t, doc.Focus())
	assert.Same(t, node("c"), doc.Focus().Step(node("c")).Node)
	assert.Nil(t, doc.Focus().Step(h))
}

func TestNonTextContrast(t *testing.T) {
	checkRendered(t, rules.NonTextContrast, `<html><body data-box="0 0 1000 1000">
	<input data-box="0 0 200 20" data-css="appearance: auto; border-top-style: inset; border-top-width: 2px; border-top-color: rgb(118, 118, 118); border-bottom-style: inset; border-bottom-width: 2px; border-bottom-color: rgb(118, 118, 118); background-color: white">
	<input data-want="failed low" data-box="0 40 200 20" data-css="border-top-style: solid; border-top-width: 1px; border-top-color: rgb(221, 221, 221); border-bottom-style: solid; border-bottom-width: 1px; border-bottom-color: rgb(221, 221, 221); background-color: white">
	<input data-want="passed enough" data-box="0 80 200 20" data-css="border-bottom-style: solid; border-bottom-width: 2px; border-bottom-color: rgb(51, 51, 51)">
	<input data-want="passed enough" data-box="0 120 200 20" data-css="border-top-style: solid; border-top-width: 1px; border-top-color: rgb(221, 221, 221); background-color: rgb(68, 68, 68); color: white">
	<input data-box="0 160 200 20" data-css="background-color: transparent">
	<input data-want="cantTell faint" data-box="0 200 200 20" data-css="background-color: rgb(240, 240, 240)">
	<input data-want="cantTell unsure" data-box="0 240 200 20" data-css="border-top-style: solid; border-top-width: 1px; border-top-color: rgb(221, 221, 221); box-shadow: rgb(0, 0, 0) 0px 0px 0px 1px">
	<input disabled data-box="0 280 200 20" data-css="border-top-style: solid; border-top-width: 1px; border-top-color: rgb(238, 238, 238)">
	<input type="checkbox" data-want="failed low" data-box="0 320 20 20" data-css="appearance: none; border-top-style: solid; border-top-width: 1px; border-top-color: rgb(230, 230, 230)">
	<input type="checkbox" data-box="0 360 13 13" data-css="appearance: auto">
	<div data-box="0 400 400 100" data-css="background-color: rgb(0, 0, 0)">
		<select data-want="passed enough" data-box="0 400 200 20" data-css="border-top-style: solid; border-top-width: 1px; border-top-color: rgb(200, 200, 200)"><option>a</option></select>
	</div>
	</body></html>`)
}

func TestLinkInTextBlock(t *testing.T) {
	checkRendered(t, rules.LinkInTextBlock, `<html><body data-box="0 0 1000 1000" data-css="color: rgb(34, 34, 34)">
	<p data-box="0 0 600 20">Read <a href="/a" data-want="passed marked" data-box="40 0 30 18" data-css="color: rgb(0, 0, 238); text-decoration-line: underline">the terms</a> first.</p>
	<p data-box="0 30 600 20">Read <a href="/b" data-want="failed not-distinct" data-box="40 30 30 18" data-css="color: rgb(51, 51, 51)">the terms</a> first.</p>
	<p data-box="0 60 600 20">Read <a href="/c" data-want="cantTell color-only" data-box="40 60 30 18" data-css="color: rgb(0, 102, 255)">the terms</a> first.</p>
	<p data-box="0 90 600 20">Read <a href="/d" data-want="passed marked" data-box="40 90 30 18" data-css="color: rgb(51, 51, 51); font-weight: 700">the terms</a> first.</p>
	<p data-box="0 120 600 20">Read <a href="/e" data-want="passed marked" data-box="40 120 30 18" data-css="color: rgb(51, 51, 51); border-bottom-style: solid; border-bottom-width: 1px; border-bottom-color: rgb(51, 51, 51)">the terms</a> first.</p>
	<ul data-box="0 200 600 40"><li data-box="0 200 600 18"><a href="/f" data-box="0 200 60 18" data-css="color: rgb(51, 51, 51)">Menu link</a></li></ul>
	<p data-box="0 300 600 20"><a href="/g" data-box="0 300 60 18" data-css="color: rgb(51, 51, 51)">Only a link</a></p>
	</body></html>`)
}

func TestColorContrastSymbolsAndDigits(t *testing.T) {
	checkRendered(t, rules.ColorContrast, `<html><body>
	<a href="/2" data-want="failed low" data-css="color: rgb(170, 170, 170)">2</a>
	<button aria-label="Close" data-want="cantTell symbol" data-css="color: rgb(170, 170, 170)">×X</button>
	<p data-want="cantTell effect" data-css="color: transparent; background-clip: text; background-image: url(&quot;a.png&quot;)">Text filled with a picture</p>
	</body></html>`)
}
