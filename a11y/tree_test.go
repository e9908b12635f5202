package a11y_test

import (
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHidden(t *testing.T) {
	cases := []struct {
		html   string
		hidden bool
	}{
		{`<p id=x>shown</p>`, false},
		{`<p id=x hidden>h</p>`, true},
		{`<p id=x hidden="until-found">h</p>`, true},
		{`<p id=x hidden style="display:block">shown</p>`, false},
		{`<div hidden><p id=x>h</p></div>`, true},
		{`<div style="display: none"><p id=x>h</p></div>`, true},
		{`<div style="display:none !important"><p id=x>h</p></div>`, true},
		{`<div style="visibility:hidden"><p id=x>h</p></div>`, true},
		{`<div style="visibility:hidden"><p id=x style="visibility:visible">v</p></div>`, false},
		{`<div style="visibility:collapse"><p id=x>h</p></div>`, true},
		{`<div style="content-visibility:hidden" id=x><p>h</p></div>`, false},
		{`<div style="content-visibility:hidden"><p id=x>h</p></div>`, true},
		{`<div style="opacity:0"><p id=x>still rendered</p></div>`, false},
		{`<details><summary id=x>s</summary><p>d</p></details>`, false},
		{`<details><summary>s</summary><p id=x>d</p></details>`, true},
		{`<details open><summary>s</summary><p id=x>d</p></details>`, false},
		{`<input id=x type=hidden>`, true},
		{`<dialog id=x>d</dialog>`, true},
		{`<dialog id=x open>d</dialog>`, false},
		{`<div id=x popover>p</div>`, true},
		{`<map name=m><area id=x href="/" alt=a></map>`, true},
		{`<map name=m><area id=x href="/" alt=a></map><img usemap="#m" src=a.png alt=m>`, false},
		{`<noscript><p id=x>n</p></noscript>`, false}, // parsed as text: no element
		{`<svg><defs><circle id=x r=1 /></defs></svg>`, true},
		{`<svg><title id=x>t</title></svg>`, true},
		{`<div aria-hidden="true"><p id=x>for everyone but AT</p></div>`, false},
	}
	for _, c := range cases {
		t.Run(c.html, func(t *testing.T) {
			d := ariaDoc(t, c.html)
			n := d.ByID(d.Root, "x")
			if n == nil {
				return // the parser made no element (noscript)
			}
			assert.Equal(t, c.hidden, d.Hidden(n))
		})
	}
}

func TestHiddenHeadAndText(t *testing.T) {
	d, err := a11y.FromHTMLString(`<html><head><title id=t>T</title><style id=s>p{}</style></head><body><p id=p>x<b hidden id=b>y</b></p><script id=sc>1</script></body></html>`, "test:")
	require.NoError(t, err)
	for _, id := range []string{"t", "s", "sc"} {
		assert.True(t, d.Hidden(ariaEl(t, d, id)), id)
	}
	p := ariaEl(t, d, "p")
	assert.False(t, d.Hidden(p.FirstChild), "text of a rendered paragraph")
	assert.True(t, d.Hidden(ariaEl(t, d, "b").FirstChild), "text in a hidden element")
	assert.False(t, d.Hidden(nil))
}

func TestHiddenShadowAndFrames(t *testing.T) {
	d := ariaDoc(t, `<div id=host><template shadowrootmode=open><slot name=a></slot><p id=inner>i</p></template>`+
		`<span id=slotted slot=a>s</span><span id=unslotted slot=b>u</span></div>`+
		`<iframe id=f hidden srcdoc="<p id=framed>f</p>"></iframe>`+
		`<iframe id=g srcdoc="<p id=shown>f</p>"></iframe>`)
	host := ariaEl(t, d, "host")
	assert.False(t, d.Hidden(host.Shadow.LastChild), "shadow content is rendered")
	assert.False(t, d.Hidden(ariaEl(t, d, "slotted")))
	assert.True(t, d.Hidden(ariaEl(t, d, "unslotted")), "no slot takes it")
	f := ariaEl(t, d, "f")
	require.NotNil(t, f.Content)
	framed := d.ByID(f.Content, "framed")
	require.NotNil(t, framed)
	assert.True(t, d.Hidden(framed), "content of a hidden frame")
	g := ariaEl(t, d, "g")
	shown := d.ByID(g.Content, "shown")
	require.NotNil(t, shown)
	assert.False(t, d.Hidden(shown))
	assert.Same(t, g, d.AXParent(shown), "the frame document hangs under its frame")
}

func TestHiddenKnown(t *testing.T) {
	d := ariaDoc(t, `<style>.gone{display:none} .plain{color:red}</style>
		<div class=gone><p id=a>maybe</p></div><p id=b class=plain>sure</p><p id=c style="display:none">gone</p>`)
	h, known := d.HiddenKnown(ariaEl(t, d, "a"))
	assert.False(t, h)
	assert.False(t, known, "a style rule may hide it")
	h, known = d.HiddenKnown(ariaEl(t, d, "b"))
	assert.False(t, h)
	assert.True(t, known)
	h, known = d.HiddenKnown(ariaEl(t, d, "c"))
	assert.True(t, h)
	assert.True(t, known)

	in, known := d.InAXTreeKnown(ariaEl(t, d, "a"))
	assert.True(t, in)
	assert.False(t, known)
}

func TestHiddenComputedStyle(t *testing.T) {
	d := ariaDoc(t, `<div id=a hidden>x</div><div id=b>y</div><div id=c><span id=d>z</span></div>`)
	a, b, c, dd := ariaEl(t, d, "a"), ariaEl(t, d, "b"), ariaEl(t, d, "c"), ariaEl(t, d, "d")
	// a browser source: computed styles for every element
	a.Style = map[string]string{"display": "block", "visibility": "visible"}
	b.Style = map[string]string{"display": "none", "visibility": "visible"}
	c.Style = map[string]string{"display": "block", "visibility": "hidden"}
	dd.Style = map[string]string{"display": "inline", "visibility": "visible"}
	d.Facts |= a11y.NeedsStyle
	d.Index()
	assert.False(t, d.Hidden(a), "the computed display wins over the hidden attribute")
	assert.True(t, d.Hidden(b))
	assert.True(t, d.Hidden(c))
	assert.False(t, d.Hidden(dd), "visibility can be undone below")
	_, known := d.HiddenKnown(b)
	assert.True(t, known)
}

func TestInAXTree(t *testing.T) {
	cases := []struct {
		html string
		in   bool
	}{
		{`<p id=x>p</p>`, true},
		{`<div id=x>generic</div>`, true},
		{`<p id=x aria-hidden="true">p</p>`, false},
		{`<p id=x aria-hidden="TRUE ">p</p>`, false},
		{`<p id=x aria-hidden="false">p</p>`, true},
		{`<div aria-hidden="true"><div aria-hidden="false"><p id=x>p</p></div></div>`, false},
		{`<p id=x hidden>p</p>`, false},
		{`<div id=x role=none>p</div>`, false},
		{`<img id=x src=a.png alt="">`, false},
		{`<img id=x src=a.png alt="" aria-label="Logo">`, true},
		{`<button><span id=x>b</span></button>`, false},
		{`<div role=button><a id=x href="/">l</a></div>`, false},
		{`<div role=img><svg id=x></svg></div>`, false},
		{`<button role=none disabled><span id=x>b</span></button>`, true},
		{`<div inert><p id=x>p</p></div>`, true},
	}
	for _, c := range cases {
		t.Run(c.html, func(t *testing.T) {
			d := ariaDoc(t, c.html)
			assert.Equal(t, c.in, d.InAXTree(ariaEl(t, d, "x")))
		})
	}
	d := ariaDoc(t, `<p id=p>t</p>`)
	assert.False(t, d.InAXTree(ariaEl(t, d, "p").FirstChild), "text nodes are not elements")
}

func TestFocusable(t *testing.T) {
	cases := []struct {
		html                string
		focusable, tabbable bool
	}{
		{`<a id=x href="/">l</a>`, true, true},
		{`<a id=x>l</a>`, false, false},
		{`<a id=x tabindex=0>l</a>`, true, true},
		{`<button id=x>b</button>`, true, true},
		{`<button id=x disabled>b</button>`, false, false},
		{`<button id=x tabindex=-1>b</button>`, true, false},
		{`<button id=x aria-disabled=true>b</button>`, true, true},
		{`<input id=x>`, true, true},
		{`<input id=x type=hidden>`, false, false},
		{`<input id=x disabled>`, false, false},
		{`<fieldset disabled><input id=x></fieldset>`, false, false},
		{`<fieldset disabled><legend><input id=x></legend></fieldset>`, true, true},
		{`<fieldset disabled><legend>a</legend><legend><input id=x></legend></fieldset>`, false, false},
		{`<select id=x></select>`, true, true},
		{`<textarea id=x></textarea>`, true, true},
		{`<iframe id=x></iframe>`, true, true},
		{`<details><summary id=x>s</summary></details>`, true, true},
		{`<details><summary>s</summary><summary id=x>t</summary></details>`, false, false},
		{`<summary id=x>s</summary>`, false, false},
		{`<video id=x controls></video>`, true, true},
		{`<video id=x></video>`, false, false},
		{`<div id=x contenteditable>e</div>`, true, true},
		{`<div id=x contenteditable=false>e</div>`, false, false},
		{`<div contenteditable><p id=x>e</p></div>`, false, false},
		{`<div id=x tabindex=-1>d</div>`, true, false},
		{`<div id=x tabindex="2abc">d</div>`, true, true},
		{`<div id=x tabindex="abc">d</div>`, false, false},
		{`<div id=x tabindex="">d</div>`, false, false},
		{`<p id=x>p</p>`, false, false},
		{`<a id=x href="/" hidden>l</a>`, false, false},
		{`<a id=x href="/" style="visibility:hidden">l</a>`, false, false},
		{`<a id=x href="/" style="position:absolute;top:-999em">l</a>`, true, true},
		{`<div inert><a id=x href="/">l</a></div>`, false, false},
		{`<div aria-hidden=true><a id=x href="/">l</a></div>`, true, true},
		{`<svg><a id=x href="#">l</a></svg>`, true, true},
		{`<svg><circle id=x r=1 tabindex=0 /></svg>`, true, true},
	}
	for _, c := range cases {
		t.Run(c.html, func(t *testing.T) {
			d := ariaDoc(t, c.html)
			x := ariaEl(t, d, "x")
			assert.Equal(t, c.focusable, d.Focusable(x), "focusable")
			assert.Equal(t, c.tabbable, d.Tabbable(x), "tabbable")
		})
	}
}

func TestTabIndex(t *testing.T) {
	d := ariaDoc(t, `<div id=a tabindex=" 7"></div><div id=b tabindex="-3x"></div><div id=c tabindex="x"></div><div id=e></div>`)
	v, ok := a11y.TabIndex(ariaEl(t, d, "a"))
	assert.True(t, ok)
	assert.Equal(t, 7, v)
	v, ok = a11y.TabIndex(ariaEl(t, d, "b"))
	assert.True(t, ok)
	assert.Equal(t, -3, v)
	_, ok = a11y.TabIndex(ariaEl(t, d, "c"))
	assert.False(t, ok)
	_, ok = a11y.TabIndex(ariaEl(t, d, "e"))
	assert.False(t, ok)
}

func TestFocusOrder(t *testing.T) {
	d := ariaDoc(t, `<a id=a href="/">a</a><button id=b tabindex=2>b</button><input id=c tabindex=1>
		<div id=host><template shadowrootmode=open><button id=s2 tabindex=1>s2</button><button id=s1>s1</button></template></div>
		<button id=neg tabindex=-1>n</button><button id=d>d</button><button id=dis disabled>x</button>
		<iframe id=f srcdoc="<a id=fa href='/'>f</a>"></iframe><button id=e tabindex=1>e</button>`)
	var got []string
	for _, n := range d.FocusOrder() {
		got = append(got, n.ID())
	}
	assert.Equal(t, []string{"c", "e", "b", "a", "s2", "s1", "d", "fa"}, got)
}

func TestAXParentAndOwns(t *testing.T) {
	d := ariaDoc(t, `<div role=list id=l1><div><div role=listitem id=i1>a</div></div></div>
		<div role=list id=l2><div aria-live=polite id=live><div role=listitem id=i2>a</div></div></div>
		<div role=list id=l3><div role=presentation><div role=listitem id=i3>a</div></div></div>
		<div role=list id=l4 aria-owns="i4 l4 nothing"></div><div role=listitem id=i4>a</div>
		<div id=cyc1 aria-owns=cyc2><div id=cyc2 aria-owns=cyc1></div></div>`)
	assert.Same(t, ariaEl(t, d, "l1"), d.AXParent(ariaEl(t, d, "i1")), "plain generic wrappers are passed over")
	assert.Same(t, ariaEl(t, d, "live"), d.AXParent(ariaEl(t, d, "i2")), "a generic with a global attribute is kept")
	assert.Same(t, ariaEl(t, d, "l3"), d.AXParent(ariaEl(t, d, "i3")))
	assert.Same(t, ariaEl(t, d, "l4"), d.AXParent(ariaEl(t, d, "i4")), "aria-owns moves the element")
	assert.Same(t, ariaEl(t, d, "l4"), d.AriaOwner(ariaEl(t, d, "i4")))
	owned := d.AriaOwned(ariaEl(t, d, "l4"))
	if assert.Len(t, owned, 1, "self and missing ids are ignored") {
		assert.Same(t, ariaEl(t, d, "i4"), owned[0])
	}
	assert.Nil(t, d.AriaOwner(ariaEl(t, d, "cyc1")), "an owner cannot be owned by its own descendant")
	assert.Same(t, ariaEl(t, d, "cyc1"), d.AriaOwner(ariaEl(t, d, "cyc2")))
	assert.True(t, d.AXIgnored(ariaEl(t, d, "l1").FirstChild.NextSibling) || d.AXIgnored(ariaEl(t, d, "l1").FirstChild))
	assert.False(t, d.AXIgnored(ariaEl(t, d, "live")))
}

func TestPresentationalParent(t *testing.T) {
	d := ariaDoc(t, `<button id=b>Save <span id=s><a id=a href="/">x</a></span></button><div id=plain><span id=p>t</span></div>`)
	assert.Same(t, ariaEl(t, d, "b"), d.PresentationalParent(ariaEl(t, d, "a")))
	assert.Same(t, ariaEl(t, d, "b"), d.PresentationalParent(ariaEl(t, d, "s")))
	assert.Nil(t, d.PresentationalParent(ariaEl(t, d, "b")))
	assert.Nil(t, d.PresentationalParent(ariaEl(t, d, "p")))
}

// deepHTMLDoc builds, node by node, a document nested depth levels deep
// (deeper than the parser keeps), with a link at the bottom.
func deepHTMLDoc(depth int) (*a11y.Document, *a11y.Node) {
	root := &a11y.Node{Type: a11y.DocumentNode}
	htmlEl := &a11y.Node{Type: a11y.ElementNode, Data: "html", DataAtom: atom.Html}
	body := &a11y.Node{Type: a11y.ElementNode, Data: "body", DataAtom: atom.Body}
	a11y.AppendChild(root, htmlEl)
	a11y.AppendChild(htmlEl, body)
	p := body
	for i := 0; i < depth; i++ {
		div := &a11y.Node{Type: a11y.ElementNode, Data: "div", DataAtom: atom.Div}
		if i == depth/2 {
			div.Attr = []html.Attribute{{Key: "role", Val: "list"}}
		}
		a11y.AppendChild(p, div)
		p = div
	}
	a := &a11y.Node{Type: a11y.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: "/"}}}
	a11y.AppendChild(p, a)
	d := &a11y.Document{Root: root, Mode: a11y.ModeStatic, Facts: a11y.NeedsDOM}
	d.Index()
	return d, a
}

func TestDeepDocument(t *testing.T) {
	d, a := deepHTMLDoc(20000)
	assert.False(t, d.Hidden(a))
	assert.True(t, d.InAXTree(a))
	assert.True(t, d.Tabbable(a))
	assert.Equal(t, "list", d.Role(d.AXParent(a)))
	assert.Len(t, d.FocusOrder(), 1)
}

func BenchmarkTreeFacts(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 500; i++ {
		sb.WriteString(`<section aria-label="s"><ul><li><a href="/">x</a></li><li><button>b</button></li></ul><div hidden><input></div></section>`)
	}
	src := "<!doctype html><html><body>" + sb.String() + "</body></html>"
	for b.Loop() {
		d, err := a11y.FromHTMLString(src, "bench:")
		if err != nil {
			b.Fatal(err)
		}
		for n := range d.Elements() {
			d.InAXTree(n)
			d.Tabbable(n)
		}
	}
}
