package checker_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/checker"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var pageSeq atomic.Int64

// pages serves test pages registered by path.
var pages struct {
	once sync.Once
	srv  *httptest.Server
	m    sync.Map // path → handler
}

// serve registers h at a fresh path and returns its URL.
func serve(t testing.TB, h http.HandlerFunc) string {
	t.Helper()
	pages.once.Do(func() {
		pages.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if h, ok := pages.m.Load(r.URL.Path); ok {
				h.(http.HandlerFunc)(w, r)
				return
			}
			http.NotFound(w, r)
		}))
	})
	path := fmt.Sprintf("/%s/%d/", strings.NewReplacer("/", "-", " ", "-").Replace(t.Name()), pageSeq.Add(1))
	pages.m.Store(path, h)
	t.Cleanup(func() { pages.m.Delete(path) })
	return pages.srv.URL + path
}

// servePage serves a fixed HTML page.
func servePage(t testing.TB, body string) string {
	return serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	})
}

// load navigates a pooled tab to a page, runs script, and snapshots it.
func load(t *testing.T, body, script string) *a11y.Document {
	t.Helper()
	return loadIn(t, tab(t), body, script)
}

// loadIn is load in a given tab.
func loadIn(t *testing.T, tb *checker.Tab, body string, script ...string) *a11y.Document {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), 20*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(servePage(t, body))))
	for _, s := range script {
		if s == "" {
			continue
		}
		_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](s, chromedp.EvalAwaitPromise))
		require.NoError(t, err)
	}
	doc, err := checker.Snapshot(ctx)
	require.NoError(t, err)
	return doc
}

func byID(t *testing.T, doc *a11y.Document, from *a11y.Node, id string) *a11y.Node {
	t.Helper()
	n := doc.ByID(from, id)
	require.NotNil(t, n, "#%s", id)
	return n
}

func TestSnapshotBasics(t *testing.T) {
	doc := load(t, `<!doctype html><html lang="sv"><head><title>Steg 1</title>
<style>
#gen::before { content: "Obs: " } #gen::after { content: " (krävs)" }
.gone { display: none } .box { width: 200px; height: 50px; color: rgb(10, 20, 30); background: rgb(250, 250, 250) }
.contents { display: contents }
#scroller { width: 100px; height: 40px; overflow: auto; border: 3px solid }
</style></head>
<body><!-- comment -->
<p id="gen">text</p>
<div id="box" class="box">box</div>
<div id="scroller"><div style="height: 300px">long</div></div>
<div id="gone" class="gone"><span id="inside">x</span></div>
<div id="contents" class="contents"><span id="shown">y</span></div>
<input id="name" value="original">
<input id="pw" type="password">
<input id="empty-pw" type="password">
<input id="cb" type="checkbox">
<input id="rb" type="radio" checked>
<textarea id="ta">first</textarea>
<select id="sel"><option value="a">A</option><option value="b">B</option><option>C text</option></select>
<svg id="svg" width="20" height="20" viewBox="0 0 20 20"><a xlink:href="#x"><circle r="5"/></a><foreignObject><div id="fo">html</div></foreignObject></svg>
</body></html>`, `
document.getElementById('name').value = 'typed by user';
document.getElementById('pw').value = 'hunter2';
document.getElementById('cb').checked = true;
document.getElementById('ta').value = 'changed';
document.getElementById('sel').value = 'b';
document.getElementById('name').focus();
`)
	assert.Equal(t, a11y.ModeBrowser, doc.Mode)
	assert.True(t, doc.Has(a11y.NeedsDOM|a11y.NeedsStyle|a11y.NeedsLayout))
	assert.Equal(t, float64(checker.DefaultViewport.Width), doc.Viewport.Width)
	assert.Equal(t, float64(checker.DefaultViewport.Height), doc.Viewport.Height)
	assert.Contains(t, doc.URL, "TestSnapshotBasics")
	title, ok := doc.Title()
	require.True(t, ok)
	assert.Equal(t, "Steg 1", title)
	assert.Equal(t, "sv", doc.HTML().Get("lang"))
	assert.Equal(t, a11y.DoctypeNode, doc.Root.FirstChild.Type)
	assert.Equal(t, a11y.CommentNode, doc.Body().FirstChild.Type)

	gen := byID(t, doc, doc.Root, "gen")
	assert.Equal(t, "Obs: ", gen.Before)
	assert.Equal(t, " (krävs)", gen.After)
	assert.Equal(t, "text", gen.Text(), "generated content is not part of the DOM text")

	box := byID(t, doc, doc.Root, "box")
	require.NotNil(t, box.Box)
	assert.InDelta(t, 200, box.Box.Width, 0.01)
	assert.InDelta(t, 50, box.Box.Height, 0.01)
	assert.Equal(t, "rgb(10, 20, 30)", box.Style["color"])
	assert.Equal(t, "rgb(250, 250, 250)", box.Style["background-color"])
	assert.Equal(t, "block", box.Style["display"])
	for _, p := range checker.StyleProperties {
		_, ok := box.Style[p]
		assert.True(t, ok, "computed %s missing", p)
	}
	assert.Positive(t, box.PaintOrder)
	assert.Nil(t, box.Client, "only scroll containers are asked for their areas")
	assert.Nil(t, box.Scroll)
	assert.Positive(t, box.BackendID)
	require.NotNil(t, box.FirstChild)
	require.NotNil(t, box.FirstChild.Box, "text nodes carry their box")

	scroller := byID(t, doc, doc.Root, "scroller")
	require.NotNil(t, scroller.Scroll)
	require.NotNil(t, scroller.Client)
	assert.InDelta(t, 300, scroller.Scroll.Height, 0.01, "scrollHeight")
	assert.InDelta(t, 40, scroller.Client.Height, 0.01, "clientHeight")
	assert.InDelta(t, 3, scroller.Client.X, 0.01, "clientLeft is the border")

	gone := byID(t, doc, doc.Root, "gone")
	assert.Nil(t, gone.Box)
	v, ok := gone.StyleValue("display")
	assert.True(t, ok)
	assert.Equal(t, "none", v)
	inside := byID(t, doc, doc.Root, "inside")
	assert.True(t, doc.Hidden(inside))
	assert.False(t, doc.Hidden(box))

	contents := byID(t, doc, doc.Root, "contents")
	assert.Equal(t, "contents", contents.Style["display"])
	assert.False(t, doc.Hidden(byID(t, doc, doc.Root, "shown")))

	name := byID(t, doc, doc.Root, "name")
	require.NotNil(t, name.Value)
	assert.Equal(t, "typed by user", *name.Value)
	assert.Equal(t, "original", name.Get("value"), "attributes stay as in the DOM")
	assert.True(t, name.Focused)
	focused := 0
	for e := range doc.Elements() {
		if e.Focused {
			focused++
		}
	}
	assert.Equal(t, 1, focused)

	pw := byID(t, doc, doc.Root, "pw")
	require.NotNil(t, pw.Value)
	assert.Equal(t, checker.Mask, *pw.Value)
	emptyPW := byID(t, doc, doc.Root, "empty-pw")
	require.NotNil(t, emptyPW.Value)
	assert.Empty(t, *emptyPW.Value)

	cb := byID(t, doc, doc.Root, "cb")
	require.NotNil(t, cb.Checked)
	assert.True(t, *cb.Checked)
	assert.False(t, cb.Has("checked"))
	rb := byID(t, doc, doc.Root, "rb")
	require.NotNil(t, rb.Checked)
	assert.True(t, *rb.Checked)
	ta := byID(t, doc, doc.Root, "ta")
	require.NotNil(t, ta.Value)
	assert.Equal(t, "changed", *ta.Value)

	sel := byID(t, doc, doc.Root, "sel")
	require.NotNil(t, sel.Value)
	assert.Equal(t, "b", *sel.Value)
	var selected []bool
	for o := range sel.ElementChildren() {
		require.NotNil(t, o.Checked)
		selected = append(selected, *o.Checked)
		assert.False(t, doc.Hidden(o), "options of a select are not hidden")
	}
	assert.Equal(t, []bool{false, true, false}, selected)

	svg := byID(t, doc, doc.Root, "svg")
	assert.Equal(t, a11y.NamespaceSVG, svg.Namespace)
	assert.Equal(t, "0 0 20 20", svg.Get("viewBox"))
	link := svg.FirstChild
	require.NotNil(t, link)
	assert.Equal(t, a11y.NamespaceSVG, link.Namespace)
	assert.Equal(t, "#x", link.Get("href"), "xlink:href is read as href")
	fo := byID(t, doc, doc.Root, "fo")
	assert.Equal(t, a11y.NamespaceHTML, fo.Namespace)
	assert.Equal(t, "foreignObject", fo.Parent.Data)
	assert.True(t, fo.Is(atomDiv))
}

func TestSnapshotMatchesParser(t *testing.T) {
	// Without scripts, the browser's tree has the same elements as the
	// static parser's.
	page := `<!doctype html><html><head><title>T</title></head><body>
<table><tr><td>1<td>2</table><p>one<p>two<ul><li>a<li>b</ul>
<form><label>Namn <input name=n></label><select><optgroup label=g><option>x</select></form>
<math><mi>x</mi></math><svg><title>t</title><rect/></svg><template><b>tpl</b></template>
</body></html>`
	doc := load(t, page, "")
	static, err := a11y.FromHTMLString(page, "x")
	require.NoError(t, err)
	tags := func(d *a11y.Document) []string {
		var out []string
		for e := range d.Elements() {
			if e.Parent != nil && e.Parent.Data == "#template" {
				continue // template contents are not in the snapshot
			}
			out = append(out, e.Namespace+":"+e.Data)
		}
		return out
	}
	assert.Equal(t, tags(static), tags(doc))
}

func TestSnapshotShadowAndFrames(t *testing.T) {
	doc := load(t, `<!doctype html><html><body style="margin:0">
<x-card id="card"><i id="l1" slot="b">first in DOM</i><u id="l2">second in DOM</u></x-card>
<div id="closed-host"><span id="cl">light</span></div>
<iframe id="frame" style="position:absolute; left:100px; top:200px; border:5px solid" srcdoc="<body style='margin:0'><p id='inframe' style='margin:0'>in frame</p></body>"></iframe>
<script>
customElements.define('x-card', class extends HTMLElement {
	constructor() {
		super();
		const r = this.attachShadow({mode: 'open'});
		r.innerHTML = '<slot id="default"></slot><slot id="b" name="b"></slot><slot id="fb" name="none"><em id="fallback">fallback</em></slot><x-inner id="inner"><b id="inner-light">to inner</b></x-inner>';
	}
});
customElements.define('x-inner', class extends HTMLElement {
	constructor() {
		super();
		this.attachShadow({mode: 'open'}).innerHTML = '<p id="deep">deep</p><slot></slot>';
	}
});
document.getElementById('closed-host').attachShadow({mode: 'closed'}).innerHTML = '<h2 id="in-closed">closed</h2><slot></slot>';
</script></body></html>`, `new Promise(r => { const f = document.getElementById('frame'); if (f.contentDocument && f.contentDocument.readyState === 'complete') r(); else f.onload = r; })`)

	card := byID(t, doc, doc.Root, "card")
	require.NotNil(t, card.Shadow, "the custom element hosts a shadow root")
	assert.Equal(t, a11y.ShadowRootNode, card.Shadow.Type)
	assert.Equal(t, "open", card.Shadow.Data)
	assert.Same(t, card, card.Shadow.Host)

	// Light children stay children of the host, in DOM order, although the
	// slots render them the other way round.
	var light []string
	for c := range card.ElementChildren() {
		light = append(light, c.ID())
	}
	assert.Equal(t, []string{"l1", "l2"}, light)

	inShadow := func(id string) *a11y.Node {
		t.Helper()
		return byID(t, doc, card.Shadow.FirstChild, id)
	}
	fallback := inShadow("fallback")
	assert.Equal(t, "fb", fallback.Parent.ID(), "fallback content stays in its slot")
	def := inShadow("default")
	assert.Nil(t, def.FirstChild, "assigned nodes are not children of the slot")

	inner := inShadow("inner")
	require.NotNil(t, inner.Shadow, "a host nested in a shadow tree of the same mode")
	assert.Equal(t, "inner-light", inner.FirstChild.ID())
	assert.Equal(t, "deep", inner.Shadow.FirstChild.ID())
	assert.Equal(t, "inner-light", byID(t, doc, card.Shadow.FirstChild, "inner-light").ID(),
		"the inner host's light child lives in the outer shadow tree")

	closed := byID(t, doc, doc.Root, "closed-host")
	require.NotNil(t, closed.Shadow)
	assert.Equal(t, "closed", closed.Shadow.Data)
	var kids []string
	for c := range closed.ElementChildren() {
		kids = append(kids, c.ID())
	}
	assert.Equal(t, []string{"cl"}, kids)

	// Shadow trees and frames are part of Elements, in document order.
	seen := map[string]bool{}
	for e := range doc.Elements() {
		seen[e.ID()] = true
	}
	for _, id := range []string{"deep", "in-closed", "inframe", "fallback"} {
		assert.True(t, seen[id], id)
	}

	frame := byID(t, doc, doc.Root, "frame")
	require.NotNil(t, frame.Content)
	assert.Equal(t, a11y.DocumentNode, frame.Content.Type)
	p := byID(t, doc, frame.Content, "inframe")
	require.NotNil(t, p.Box)
	assert.InDelta(t, 105, p.Box.X, 0.5, "frame content boxes are in top-document pixels")
	assert.InDelta(t, 205, p.Box.Y, 0.5)
}

func TestFromSnapshotRejectsEmpty(t *testing.T) {
	_, err := checker.FromSnapshot(nil, checker.SnapshotOptions{})
	require.Error(t, err)
}
