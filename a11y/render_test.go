package a11y_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/delaktig/delaktig/a11y"
)

// renderedDoc parses src as a browser-rendered page: data-css holds an
// element's computed style (declarations), data-box its border box "x y w h"
// (elements without one take their parent's box), data-text-box the box of
// its first non-blank text child. Every element gets a Style map, so missing
// properties are inherited or initial, as with a browser source.
func renderedDoc(t *testing.T, src string) *a11y.Document {
	t.Helper()
	doc, err := a11y.FromHTMLString(src, "https://example.test/")
	require.NoError(t, err)
	for n := range doc.Elements() {
		n.Style = map[string]string{}
		var keep = n.Attr[:0]
		for _, a := range n.Attr {
			switch a.Key {
			case "data-css":
				for _, d := range a11y.ParseDeclarations(a.Val) {
					n.Style[d.Property] = d.Value
				}
			case "data-box":
				n.Box = parseBox(t, a.Val)
			case "data-text-box":
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == a11y.TextNode && strings.TrimSpace(c.Data) != "" {
						c.Box = parseBox(t, a.Val)
						break
					}
				}
			default:
				keep = append(keep, a)
			}
		}
		n.Attr = keep
		if n.Box == nil {
			n.Box = defaultBox(n)
		}
	}
	doc.Facts = a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout
	doc.Viewport = a11y.Rect{Width: 1000, Height: 800}
	doc.Mode = a11y.ModeBrowser
	doc.Index()
	return doc
}

// defaultBox places an element without data-box inside its parent: alone,
// it fills the parent; with element siblings, it is a 20 px row, 30 px below
// the previous sibling. The root, head and body fill a 1000 px square.
func defaultBox(n *a11y.Node) *a11y.Rect {
	p := n.Parent
	if p == nil || p.Box == nil || n.Data == "html" || n.Data == "body" || n.Data == "head" {
		return &a11y.Rect{Width: 1000, Height: 1000}
	}
	k, siblings := 0, 0
	for c := range p.ElementChildren() {
		if c == n {
			k = siblings
		}
		siblings++
	}
	b := *p.Box
	if siblings > 1 {
		b.Y += float64(30 * k)
		b.Height = 20
	}
	return &b
}

func parseBox(t *testing.T, s string) *a11y.Rect {
	t.Helper()
	f := strings.Fields(s)
	require.Len(t, f, 4, "box %q", s)
	var v [4]float64
	for i, x := range f {
		var err error
		v[i], err = strconv.ParseFloat(x, 64)
		require.NoError(t, err)
	}
	return &a11y.Rect{X: v[0], Y: v[1], Width: v[2], Height: v[3]}
}

func elemByID(t *testing.T, d *a11y.Document, id string) *a11y.Node {
	t.Helper()
	n := d.ByID(d.Root, id)
	require.NotNil(t, n, "no #%s", id)
	return n
}

func rgbText(c a11y.Color) string {
	return strconv.Itoa(int(math.Round(c.R))) + "," + strconv.Itoa(int(math.Round(c.G))) + "," + strconv.Itoa(int(math.Round(c.B)))
}

func TestRenderingStyleInheritsAndDefaults(t *testing.T) {
	d := renderedDoc(t, `<body data-css="color: rgb(10, 20, 30); font-size: 20px; font-weight: bold">
		<p id="p" data-css="opacity: 0.5"><span id="s" data-css="-webkit-text-fill-color: red">x</span></p></body>`)
	r := a11y.NewRendering(d)
	p, s := elemByID(t, d, "p"), elemByID(t, d, "s")
	assert.Equal(t, "rgb(10, 20, 30)", r.Style(p, "color"), "inherited")
	assert.Equal(t, "rgba(0, 0, 0, 0)", r.Style(p, "background-color"), "initial, not inherited")
	assert.Equal(t, 20.0, r.FontSize(s))
	assert.Equal(t, 700, r.FontWeight(s))
	assert.Equal(t, 0.5, r.Opacity(p))
	assert.Equal(t, 1.0, r.Opacity(s), "opacity is not inherited")
	fg, ok := r.TextColor(s)
	require.True(t, ok)
	assert.Equal(t, "255,0,0", rgbText(fg), "text fill colour wins over color")
	fg, ok = r.TextColor(p)
	require.True(t, ok)
	assert.Equal(t, "10,20,30", rgbText(fg))
}

func TestRenderingVisible(t *testing.T) {
	d := renderedDoc(t, `<body data-box="0 0 1000 1000">
		<p id="plain">a</p>
		<p id="none" data-css="display: none">a</p>
		<div data-css="display: none"><p id="in-none">a</p></div>
		<p id="hidden" data-css="visibility: hidden">a</p>
		<div data-css="opacity: 0"><p id="transparent">a</p></div>
		<p id="offscreen" data-box="-2000 10 100 20">a</p>
		<p id="above" data-box="10 -500 100 20">a</p>
		<span id="sr" data-box="10 10 1 1" data-css="overflow-x: hidden; overflow-y: hidden; position: absolute">a</span>
		<span id="clip" data-css="position: absolute; clip: rect(0px, 0px, 0px, 0px)">a</span>
		<span id="clip-path" data-css="clip-path: inset(50%)">a</span>
		<div data-box="0 0 100 100" data-css="overflow-x: hidden; overflow-y: hidden"><p id="clipped" data-box="300 0 100 20">a</p>
			<p id="escapes" data-box="300 0 100 20" data-css="position: absolute">a</p></div>
		<div data-box="0 0 100 100" data-css="overflow-y: auto"><p id="scrolled" data-box="0 300 100 20">a</p></div>
		<div data-box="0 0 100 100" data-css="overflow-x: hidden; overflow-y: hidden; position: relative"><div data-box="0 0 100 100">
			<p id="held" data-box="300 0 100 20" data-css="position: absolute">a</p>
			<div data-box="0 0 100 100" data-css="position: fixed"><p id="fixed-below" data-box="300 0 100 20">a</p></div>
			<div data-box="0 0 100 100" data-css="position: absolute"><p id="abs-child" data-box="300 0 100 20">a</p>
				<div data-box="0 0 50 50" data-css="overflow-x: clip"><p id="inner-clip" data-box="60 0 10 10">a</p><p id="inner-seen" data-box="10 0 10 10">a</p></div></div></div></div>
		<script id="script">x</script>
		<p id="nobox">a</p>
	</body>`)
	elemByID(t, d, "nobox").Box = nil
	r := a11y.NewRendering(d)
	for id, want := range map[string]bool{
		"plain": true, "none": false, "in-none": false, "hidden": false, "transparent": false,
		"offscreen": false, "above": false, "sr": false, "clip": false, "clip-path": false,
		"clipped": false, "escapes": true, "scrolled": true, "script": false, "nobox": false,
		// an absolute element is clipped by its positioned ancestor's overflow,
		// and so is what is inside it; a fixed one only by the viewport
		"held": false, "fixed-below": true, "abs-child": false, "inner-clip": false, "inner-seen": true,
	} {
		assert.Equal(t, want, r.Visible(elemByID(t, d, id)), id)
	}
}

func TestRenderingTextVisible(t *testing.T) {
	d := renderedDoc(t, `<body>
		<p id="a">text</p>
		<p id="b" data-css="font-size: 0px">text</p>
		<p id="c" data-css="color: transparent">text</p>
		<p id="d" data-css="color: transparent; text-shadow: black 0px 0px 1px">text</p>
		<p id="e" data-text-box="-9999 0 40 20">text</p>
		<p id="f">   </p>
	</body>`)
	r := a11y.NewRendering(d)
	for id, want := range map[string]bool{"a": true, "b": false, "c": false, "d": true, "e": false, "f": false} {
		assert.Equal(t, want, r.TextVisible(elemByID(t, d, id).FirstChild), id)
	}
}

func pairRatios(b a11y.Backdrop) (lo, hi float64) {
	lo, hi = math.Inf(1), 0
	for _, p := range b.Pairs {
		c := a11y.Contrast(p.FG, p.BG)
		lo, hi = math.Min(lo, c), math.Max(hi, c)
	}
	return lo, hi
}

func TestRenderingColorsFlatAndOpacity(t *testing.T) {
	d := renderedDoc(t, `<body>
		<p id="flat" data-css="color: rgb(170, 170, 170); background-color: white">x</p>
		<p id="alpha" data-css="color: rgba(0, 0, 0, 0.3); background-color: white">x</p>
		<div data-css="background-color: white"><p id="opacity" data-css="opacity: 0.3">x</p></div>
		<div data-css="background-color: rgb(0, 0, 0)"><div data-css="opacity: 0.5"><p id="nested" data-css="background-color: white; color: black">x</p></div></div>
		<p id="default">x</p>
	</body>`)
	r := a11y.NewRendering(d)
	colors := func(id string) a11y.Backdrop {
		n := elemByID(t, d, id)
		fg, ok := r.TextColor(n)
		require.True(t, ok)
		b := r.Colors(n, fg, nil, true)
		require.Empty(t, b.Doubt, id)
		require.Len(t, b.Pairs, 1, id)
		return b
	}
	b := colors("flat")
	assert.InDelta(t, 2.32, a11y.Contrast(b.Pairs[0].FG, b.Pairs[0].BG), 0.01)
	b = colors("alpha")
	assert.InDelta(t, 2.1, a11y.Contrast(b.Pairs[0].FG, b.Pairs[0].BG), 0.1, "ACT afw4f7 failed example 4")
	b = colors("opacity")
	assert.InDelta(t, 2.1, a11y.Contrast(b.Pairs[0].FG, b.Pairs[0].BG), 0.1, "ACT afw4f7 failed example 5")
	assert.Equal(t, "255,255,255", rgbText(b.Pairs[0].BG))
	b = colors("nested")
	assert.Equal(t, "128,128,128", rgbText(b.Pairs[0].BG), "white at half opacity over black")
	assert.Equal(t, "0,0,0", rgbText(b.Pairs[0].FG))
	b = colors("default")
	assert.Equal(t, 21.0, a11y.Contrast(b.Pairs[0].FG, b.Pairs[0].BG), "black on the white canvas")
}

func TestRenderingColorsCanvasFromBody(t *testing.T) {
	d := renderedDoc(t, `<html><body data-box="0 0 1000 10" data-css="background-color: rgb(0, 0, 0)">
		<p id="p" data-box="0 500 100 20" data-css="color: white; position: absolute">x</p></body></html>`)
	r := a11y.NewRendering(d)
	n := elemByID(t, d, "p")
	b := r.Colors(n, a11y.Color{R: 255, G: 255, B: 255, A: 1}, nil, true)
	require.Empty(t, b.Doubt, "the body's background covers the whole canvas")
	require.Len(t, b.Pairs, 1)
	assert.Equal(t, "0,0,0", rgbText(b.Pairs[0].BG))
}

func TestRenderingColorsGradientAndImage(t *testing.T) {
	d := renderedDoc(t, `<body>
		<p id="grad" data-css="background-image: linear-gradient(to right, rgb(255, 255, 255), rgb(0, 0, 255))">x</p>
		<p id="split" data-css="background-image: linear-gradient(90deg, rgba(0, 0, 0, 0), rgba(0, 0, 0, 0) 3.3em, rgb(0, 0, 0) 3.3em, rgb(0, 0, 0) 6em)">x</p>
		<p id="img" data-css="background-color: black; background-image: url(&quot;a.png&quot;)">x</p>
		<div data-css="background-image: url(&quot;a.png&quot;)"><p id="covered" data-css="background-color: white">x</p></div>
		<div data-css="background-image: url(&quot;a.png&quot;)"><div data-css="opacity: 0.9"><p id="half" data-css="background-color: white">x</p></div></div>
		<p id="bad" data-css="background-color: color(display-p3 1 0 0)">x</p>
		<p id="effect" data-css="filter: invert(1)">x</p>
		<p id="cliptext" data-css="background-color: red; background-clip: text">x</p>
	</body>`)
	r := a11y.NewRendering(d)
	dark := a11y.Color{R: 51, G: 51, B: 51, A: 1}
	b := r.Colors(elemByID(t, d, "grad"), dark, nil, true)
	require.Empty(t, b.Doubt)
	lo, hi := pairRatios(b)
	assert.InDelta(t, 12.6, hi, 0.1)
	assert.Less(t, lo, 5.0)
	assert.Greater(t, lo, 1.0)

	gray := a11y.Color{R: 90, G: 90, B: 90, A: 0.8}
	b = r.Colors(elemByID(t, d, "split"), gray, nil, true)
	require.Empty(t, b.Doubt)
	lo, hi = pairRatios(b)
	assert.Less(t, hi, 4.5, "ACT afw4f7 failed example 7: every part is below 4.5")
	assert.Greater(t, lo, 1.5)

	b = r.Colors(elemByID(t, d, "img"), dark, nil, true)
	assert.Equal(t, a11y.DoubtImage, b.Doubt)
	assert.Equal(t, elemByID(t, d, "img"), b.By)

	b = r.Colors(elemByID(t, d, "covered"), dark, nil, true)
	assert.Empty(t, b.Doubt, "an opaque background covering the text hides the image behind it")
	b = r.Colors(elemByID(t, d, "half"), dark, nil, true)
	assert.Equal(t, a11y.DoubtImage, b.Doubt, "the image shows through a translucent group")
	assert.Equal(t, a11y.DoubtColor, r.Colors(elemByID(t, d, "bad"), dark, nil, true).Doubt)
	assert.Equal(t, a11y.DoubtEffect, r.Colors(elemByID(t, d, "effect"), dark, nil, true).Doubt)
	assert.Equal(t, a11y.DoubtEffect, r.Colors(elemByID(t, d, "cliptext"), dark, nil, true).Doubt)
}

func TestRenderingColorsOverlapAndPosition(t *testing.T) {
	d := renderedDoc(t, `<body data-box="0 0 1000 1000">
		<div id="card" data-box="0 0 400 100" data-css="background-color: white">
			<p id="inside" data-box="10 10 200 20">x</p>
			<p id="out" data-box="350 50 200 20" data-css="position: absolute">x</p>
			<p id="away" data-box="600 600 100 20" data-css="position: absolute">x</p>
		</div>
		<img id="img" data-box="0 200 300 100">
		<p id="over-img" data-box="10 220 200 20" data-css="position: absolute">x</p>
		<div id="float" data-box="0 400 100 100" data-css="float: left; background-color: red"></div>
		<p id="by-float" data-box="0 400 500 40">x</p>
		<p id="text-box" data-box="0 600 500 40" data-text-box="0 600 80 18">x <span id="mark" data-box="200 620 50 18" data-css="background-color: yellow">m</span></p>
	</body>`)
	r := a11y.NewRendering(d)
	black := a11y.Color{A: 1}
	colors := func(id string) a11y.Backdrop {
		n := elemByID(t, d, id)
		var at *a11y.Rect
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Box != nil {
				at = c.Box
			}
		}
		return r.Colors(n, black, at, true)
	}
	assert.Empty(t, colors("inside").Doubt)
	b := colors("out")
	assert.Equal(t, a11y.DoubtPositioned, b.Doubt)
	assert.Equal(t, elemByID(t, d, "card"), b.By)
	b = colors("away")
	assert.Empty(t, b.Doubt, "the card's background is not behind it at all")
	assert.Equal(t, "255,255,255", rgbText(b.Pairs[0].BG))
	b = colors("over-img")
	assert.Equal(t, a11y.DoubtOverlap, b.Doubt)
	assert.Equal(t, elemByID(t, d, "img"), b.By)
	assert.Empty(t, colors("by-float").Doubt, "text flows around floats")
	assert.Empty(t, colors("text-box").Doubt, "the inline child is outside the text's own box")
}

func TestRenderingTextShadows(t *testing.T) {
	d := renderedDoc(t, `<body>
		<p id="one" data-css="text-shadow: rgb(255, 255, 255) 0px 0px 3px">x</p>
		<p id="many" data-css="color: rgb(1, 2, 3); text-shadow: rgb(170, 170, 170) 2px 2px 4px, 1px 1px">x</p>
		<p id="none">x</p>
	</body>`)
	r := a11y.NewRendering(d)
	cs, ok := r.TextShadows(elemByID(t, d, "one"))
	require.True(t, ok)
	require.Len(t, cs, 1)
	assert.Equal(t, "255,255,255", rgbText(cs[0]))
	cs, ok = r.TextShadows(elemByID(t, d, "many"))
	require.True(t, ok)
	require.Len(t, cs, 2)
	assert.Equal(t, "170,170,170", rgbText(cs[0]))
	assert.Equal(t, "1,2,3", rgbText(cs[1]), "no colour: the text colour")
	cs, ok = r.TextShadows(elemByID(t, d, "none"))
	assert.True(t, ok)
	assert.Empty(t, cs)
}

func TestDocumentBackground(t *testing.T) {
	d := renderedDoc(t, `<body data-css="background-color: rgb(0, 0, 128)">
		<p id="flat" data-css="background-color: rgba(255, 255, 255, 0.5)">x</p>
		<p id="grad" data-css="background-image: linear-gradient(red, blue)">x</p></body>`)
	c, reason, ok := d.Background(elemByID(t, d, "flat"))
	require.True(t, ok, reason)
	assert.Equal(t, "128,128,192", rgbText(c))
	_, reason, ok = d.Background(elemByID(t, d, "grad"))
	assert.False(t, ok)
	assert.Equal(t, "gradient", reason)
}

func TestRenderingStaticFallsBackToInlineStyle(t *testing.T) {
	d, err := a11y.FromHTMLString(`<p id="p" style="color: #777; background: none; background-color: #eee">x</p>`, "")
	require.NoError(t, err)
	r := a11y.NewRendering(d)
	n := elemByID(t, d, "p")
	fg, ok := r.TextColor(n)
	require.True(t, ok)
	b := r.Colors(n, fg, nil, true)
	require.Len(t, b.Pairs, 1)
	assert.InDelta(t, 3.85, a11y.Contrast(b.Pairs[0].FG, b.Pairs[0].BG), 0.02)
	assert.True(t, r.Visible(n))
}
