package a11y_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nameDoc parses body into a static document.
func nameDoc(t testing.TB, body string) *a11y.Document {
	t.Helper()
	d, err := a11y.FromHTMLString("<!doctype html><html lang=en><head><title>t</title></head><body>"+body+"</body></html>", "http://127.0.0.1/name.html")
	require.NoError(t, err)
	return d
}

// byID returns the element with the given id in the top document.
func byID(t testing.TB, d *a11y.Document, id string) *a11y.Node {
	t.Helper()
	n := d.ByID(d.Root, id)
	require.NotNil(t, n, "no element #%s", id)
	return n
}

type nameCase struct {
	title, body  string
	name, source string
}

func runNameCases(t *testing.T, cases []nameCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.title, func(t *testing.T) {
			d := nameDoc(t, c.body)
			n := byID(t, d, "t")
			assert.Equal(t, c.name, d.Name(n))
			assert.Equal(t, c.source, d.NameSource(n))
		})
	}
}

func TestNameLabelledBy(t *testing.T) {
	runNameCases(t, []nameCase{
		{"idrefs in order", `<span id=b>world</span><input id=t aria-labelledby="a b"><span id=a>hello</span>`, "hello world", "aria-labelledby"},
		{"self reference uses own aria-label", `<input id=t aria-label="bar" aria-labelledby="x t"><p id=x>foo</p>`, "foo bar", "aria-labelledby"},
		{"self reference on a link", `<a id=t href=# aria-labelledby="t x" aria-label=Tag></a><p id=x>foo</p>`, "Tag foo", "aria-labelledby"},
		{"beats aria-label", `<button id=t aria-label=no aria-labelledby=x>no</button><span id=x>yes</span>`, "yes", "aria-labelledby"},
		{"one level only", `<button id=t aria-labelledby=a></button><span id=a aria-labelledby=b>first</span><span id=b>second</span>`, "first", "aria-labelledby"},
		{"cycle terminates", `<button id=t aria-labelledby=a>x</button><span id=a aria-labelledby=t>from a</span>`, "from a", "aria-labelledby"},
		{"mutual cycle", `<div role=button id=t aria-labelledby=t2>own</div><div role=button id=t2 aria-labelledby=t>other</div>`, "other", "aria-labelledby"},
		{"hidden target included with hidden descendants", `<button id=t aria-labelledby=l></button><span id=l hidden>Save <span hidden>draft</span></span>`, "Save draft", "aria-labelledby"},
		{"aria-hidden target included", `<input id=t aria-labelledby=l><p id=l aria-hidden=true>First name</p>`, "First name", "aria-labelledby"},
		{"visible target skips hidden descendants", `<button id=t aria-labelledby=l></button><span id=l>Save <span hidden>draft</span><span aria-hidden=true>!</span></span>`, "Save", "aria-labelledby"},
		{"empty target falls through to aria-label", `<button id=t aria-labelledby=e aria-label="Close"></button><span id=e></span>`, "Close", "aria-label"},
		{"empty target falls through to content", `<h1 id=t aria-labelledby=e>Heading</h1><span id=e hidden></span>`, "Heading", "contents"},
		{"missing ids fall through", `<button id=t aria-labelledby="nope">Send</button>`, "Send", "contents"},
		{"target's aria-label", `<input id=t aria-labelledby=l><span id=l aria-label="Email">ignored</span>`, "Email", "aria-labelledby"},
		{"target's own labelledby ignored", `<input id=t aria-labelledby=l><span id=l aria-labelledby=m>Kept</span><span id=m>Other</span>`, "Kept", "aria-labelledby"},
		{"same target twice", `<input id=t aria-labelledby="l l"><span id=l>again</span>`, "again again", "aria-labelledby"},
	})
}

func TestNameEmbeddedControls(t *testing.T) {
	runNameCases(t, []nameCase{
		{"textbox value", `<input type=checkbox id=t><label for=t>Send <input type=text value=3> copies</label>`, "Send 3 copies", "label"},
		{"inline textbox is set apart", `<input type=checkbox id=t><label for=t>foo<input type=text value=bar>baz</label>`, "foo bar baz", "label"},
		{"select selected option", `<input type=checkbox id=t><label for=t>Flash <select><option>1</option><option selected>2</option></select> times</label>`, "Flash 2 times", "label"},
		{"select first option by default", `<input type=checkbox id=t><label for=t>Flash <select><option disabled>0</option><option>1</option></select> times</label>`, "Flash 1 times", "label"},
		{"multiple select without selection", `<input type=checkbox id=t><label for=t>Pick <select multiple><option>1</option></select> now</label>`, "Pick now", "label"},
		{"aria listbox", `<input type=checkbox id=t><label for=t>Flash <ul role=listbox><li role=option>1</li><li role=option aria-selected=true>2</li></ul> times</label>`, "Flash 2 times", "label"},
		{"aria combobox", `<input type=checkbox id=t><label for=t>Flash <div role=combobox><div role=textbox></div><ul role=listbox><li role=option aria-selected=true>4</li></ul></div> times</label>`, "Flash 4 times", "label"},
		{"combobox input value", `<h2 id=t>Country: <input role=combobox value="Norway" title="Choose"></h2>`, "Country: Norway", "contents"},
		{"slider valuetext", `<input type=checkbox id=t><label for=t>Volume <div role=slider aria-valuenow=5 aria-valuetext="five"></div></label>`, "Volume five", "label"},
		{"spinbutton valuenow", `<input type=checkbox id=t><label for=t>Repeat <div role=spinbutton aria-valuenow=4></div> times</label>`, "Repeat 4 times", "label"},
		{"range input default", `<input type=checkbox id=t><label for=t>Level <input type=range min=0 max=10></label>`, "Level 5", "label"},
		{"number input value", `<input type=checkbox id=t><label for=t>Level <input type=number value=7></label>`, "Level 7", "label"},
		{"menu gives nothing", `<input type=checkbox id=t><label for=t>Flash <span role=menu><span role=menuitem>1</span></span> times</label>`, "Flash times", "label"},
		{"labelledby target that is a textbox", `<input id=t aria-labelledby="a b"><span id=a>Amount</span><input id=b value="42">`, "Amount 42", "aria-labelledby"},
		{"control itself is not read into its own label", `<label>Name <input id=t value="Kari"></label>`, "Name", "label"},
		{"embedded control ignores its aria-label", `<input type=checkbox id=t><label for=t>Copies <input aria-label="count" value=2></label>`, "Copies 2", "label"},
	})
}

func TestNameHostLanguage(t *testing.T) {
	runNameCases(t, []nameCase{
		{"label for", `<label for=t>Email</label><input id=t>`, "Email", "label"},
		{"wrapping label", `<label>Email <input id=t></label>`, "Email", "label"},
		{"several labels in tree order", `<label>This <input type=checkbox id=t> is</label><label for=t>a test</label>`, "This is a test", "label"},
		{"label for wins over nesting", `<label for=other>Other <input id=t></label><input id=other>`, "", ""},
		{"label on non-labelable", `<label for=t>first name</label><div role=textbox id=t></div>`, "", ""},
		{"hidden label still names", `<label for=t hidden>Search</label><input id=t>`, "Search", "label"},
		{"label with aria-label", `<label for=t aria-label="Post code">PC</label><input id=t>`, "Post code", "label"},
		{"label beats title", `<label for=t>Phone</label><input id=t title="Your phone">`, "Phone", "label"},
		{"title before placeholder", `<input id=t title="Search the site" placeholder="Type here">`, "Search the site", "title"},
		{"placeholder last", `<input id=t placeholder="Your search query">`, "Your search query", "placeholder"},
		{"textarea placeholder", `<textarea id=t placeholder="Message"></textarea>`, "Message", "placeholder"},
		{"aria-placeholder", `<div role=textbox id=t aria-placeholder="Street"></div>`, "Street", "placeholder"},
		{"placeholder not on checkbox", `<input type=checkbox id=t placeholder="x">`, "", ""},
		{"textbox value is not its name", `<input id=t value="typed">`, "", ""},
		{"submit default", `<input type=submit id=t>`, "Submit", "default"},
		{"reset default", `<input type=reset id=t>`, "Reset", "default"},
		{"submit value", `<input type=submit id=t value="Send form">`, "Send form", "value"},
		{"button input no value", `<input type=button id=t>`, "", ""},
		{"button input title", `<input type=button id=t title="Help">`, "Help", "title"},
		{"button element value is not a name", `<button type=button id=t value="read more"></button>`, "", ""},
		{"image button alt", `<input type=image id=t alt="Search" src=s.png>`, "Search", "alt"},
		{"image button empty alt then value", `<input type=image id=t alt="" value="Go" src=s.png>`, "Go", "value"},
		{"image button title", `<input type=image id=t title="Find" src=s.png>`, "Find", "title"},
		{"image button default", `<input type=image id=t name=search src=s.png>`, "Submit Query", "default"},
		{"image button broken labelledby", `<input type=image id=t aria-labelledby="none" src=s.png>`, "Submit Query", "default"},
		{"img alt", `<img id=t alt="Map of the area" src=a.png>`, "Map of the area", "alt"},
		{"img alt blank then title", `<img id=t alt=" " title="Logo" src=a.png>`, "Logo", "title"},
		{"img title", `<img id=t title="W3C logo" src=a.png>`, "W3C logo", "title"},
		{"img no alt", `<img id=t src=a.png>`, "", ""},
		{"img empty alt then title", `<img id=t alt="" title="Logo" src=a.png>`, "Logo", "title"},
		{"self-referencing image", `<img id=t aria-label="" aria-labelledby="t a" alt="" title="t" src=a.png><input id=a value="peanuts">`, "t peanuts", "aria-labelledby"},
		{"area alt", `<map name=m><area id=t href=a.html alt="Sun"></map>`, "Sun", "alt"},
		{"fieldset legend", `<fieldset id=t><legend>Address <b>(home)</b></legend><input></fieldset>`, "Address (home)", "legend"},
		{"figure figcaption", `<figure id=t><img src=a.png alt=""><figcaption>Our office</figcaption></figure>`, "Our office", "figcaption"},
		{"table caption", `<table id=t><caption>Opening hours</caption><tr><td>9</td></tr></table>`, "Opening hours", "caption"},
		{"table title", `<table id=t title="Fees"><tr><td>9</td></tr></table>`, "Fees", "title"},
		{"svg title child", `<svg id=t role=img><title>Two circles</title><circle r=4></circle></svg>`, "Two circles", "svg-title"},
		{"svg text is not a name", `<svg id=t role=img><text>1 circle</text></svg>`, "", ""},
		{"option label attribute", `<select><option id=t label="Norway">NO</option></select>`, "Norway", "attribute"},
		{"option content", `<select><option id=t> Sweden </option></select>`, "Sweden", "contents"},
		{"iframe title", `<iframe id=t title="Map" src=m.html></iframe>`, "Map", "title"},
		{"object fallback is not a name", `<object id=t data=a.png><img src=a.png alt="W3C logo"></object>`, "", ""},
		{"object title", `<object id=t title="Moon speech" data=a.mp3></object>`, "Moon speech", "title"},
		{"button labels then content", `<label for=t>Labelled</label><button id=t>Content</button>`, "Labelled", "label"},
		{"summary content", `<details><summary id=t>Opening times</summary>text</details>`, "Opening times", "contents"},
	})
}

func TestNameFromContent(t *testing.T) {
	runNameCases(t, []nameCase{
		{"link text", `<a id=t href=/wai> Web Accessibility  Initiative </a>`, "Web Accessibility Initiative", "contents"},
		{"inline elements join", `<a id=t href=#>W<i>h<b>a</b></i>t</a>`, "What", "contents"},
		{"blocks are set apart", `<a id=t href=#>What<br>is<div>your<div>name<b>?</b></div></div></a>`, "What is your name?", "contents"},
		{"inline display block", `<a id=t href=#>foo<span style="display:block">bar</span>baz</a>`, "foo bar baz", "contents"},
		{"image alt inside link", `<a id=t href=#><img src=a.png alt="Home"></a>`, "Home", "contents"},
		{"decorative image inside link", `<a id=t href=#><img src=a.png alt=""></a>`, "", ""},
		{"link title after empty content", `<a id=t href=# title="Start page"><img src=a.png alt=""></a>`, "Start page", "title"},
		{"aria-hidden content skipped", `<a id=t href=#><span aria-hidden=true>Hello, </span>World</a>`, "World", "contents"},
		{"hidden content skipped", `<button id=t>Save<span hidden> draft</span></button>`, "Save", "contents"},
		{"aria-label of a child", `<a id=t href=#>My name is <span role=presentation aria-label=Eli><span>Zambino</span></span></a>`, "My name is Eli", "contents"},
		{"child labelledby", `<a id=t href=#><img src=a.png aria-labelledby=x></a><div id=x>WAI</div>`, "WAI", "contents"},
		{"presentational image alt ignored", `<h1 id=t><img src=a.png alt="ACT rules" role="presentation"></h1>`, "", ""},
		{"heading from content", `<h2 id=t>Apply <em>now</em></h2>`, "Apply now", "contents"},
		{"cells", `<table><tr><td id=t>Where <span>are</span> we</td></tr></table>`, "Where are we", "contents"},
		{"generic is not named from content", `<div id=t>Just text</div>`, "", ""},
		{"textbox is not named from content", `<div role=textbox id=t>first name</div>`, "", ""},
		{"generic title", `<div id=t title="Tip">Just text</div>`, "Tip", "title"},
		{"script and style skipped", `<button id=t>Go<script>var x="no"</script><style>b{}</style></button>`, "Go", "contents"},
		{"nested element title", `<a id=t href=#><span title="Help"></span></a>`, "Help", "contents"},
		{"aria-owns appends", `<div role=link id=t tabindex=0 aria-owns=o>Read</div><p>in <span id=o>more</span></p>`, "Readmore", "contents"},
		{"aria-owns block", `<div role=link id=t tabindex=0 aria-owns=o>Read</div><div id=o>more</div>`, "Read more", "contents"},
		{"aria-owns moves", `<div role=link id=t tabindex=0 aria-owns=o><span id=o>first</span>last</div>`, "lastfirst", "contents"},
		{"aria-owns cycle", `<div role=link id=t tabindex=0 aria-owns=o>A</div><div role=link id=o tabindex=0 aria-owns=t>B</div>`, "A B", "contents"},
		{"shadow tree and slot", `<button id=t><template shadowrootmode=open><b><slot></slot></b> world</template>Hello</button>`, "Hello world", "contents"},
		{"aria-label wins over content", `<button id=t aria-label="Close dialog">X</button>`, "Close dialog", "aria-label"},
		{"blank aria-label ignored", `<button id=t aria-label="  ">Send</button>`, "Send", "contents"},
		{"non-breaking spaces are blank", `<a id=t href=# title="Home">&nbsp;</a>`, "Home", "title"},
		{"hidden label names its field", `<label for=t style="display:none">Search</label><input id=t>`, "Search", "label"},
		{"visible label skips its hidden parts", `<label for=t>Phone <span style="display:none">(old)</span></label><input id=t>`, "Phone", "label"},
	})
}

func TestNameGeneratedContent(t *testing.T) {
	d := nameDoc(t, `<a id=t href=#><span id=i></span>Home</a>`)
	byID(t, d, "i").Before = "▶ "
	byID(t, d, "t").After = " (new)"
	assert.Equal(t, "▶ Home (new)", d.Name(byID(t, d, "t")))
}

func TestNameComputedDisplay(t *testing.T) {
	d := nameDoc(t, `<a id=t href=#>W<i>h</i>at<br>is<span id=s>your</span><div id=v>name</div></a>`)
	for e := range d.Elements() {
		e.Style = map[string]string{"display": "inline"}
	}
	byID(t, d, "s").Style["display"] = "block"
	d.Facts |= a11y.NeedsStyle
	d.Index()
	assert.Equal(t, "What is your name", d.Name(byID(t, d, "t")), "computed display decides, and a line break always separates")
}

func TestNameHiddenRoot(t *testing.T) {
	d := nameDoc(t, `<button id=t hidden>Send <span hidden>now</span></button>`)
	assert.Equal(t, "Send now", d.Name(byID(t, d, "t")), "a hidden element is named from its hidden content")
}

func TestDescription(t *testing.T) {
	for _, c := range []struct{ title, body, desc string }{
		{"describedby in order", `<input id=t aria-describedby="b a"><span id=a>two</span><span id=b>one</span>`, "one two"},
		{"hidden describedby target", `<input id=t aria-describedby=h><div id=h hidden>Use <b>8</b> digits</div>`, "Use 8 digits"},
		{"describedby target's labelledby ignored", `<input id=t aria-describedby=h><div id=h aria-labelledby=x>Hint</div><i id=x>X</i>`, "Hint"},
		{"aria-description", `<button id=t aria-description="Opens a dialog">Help</button>`, "Opens a dialog"},
		{"describedby beats aria-description", `<button id=t aria-describedby=h aria-description="no">Help</button><p id=h>yes</p>`, "yes"},
		{"title when the name comes elsewhere", `<button id=t title="Sends the form">Send</button>`, "Sends the form"},
		{"title used as name is not a description", `<button id=t title="Send"></button>`, ""},
		{"svg desc", `<svg id=t role=img><title>Chart</title><desc>Costs rise</desc></svg>`, "Costs rise"},
		{"nothing", `<button id=t>Send</button>`, ""},
	} {
		t.Run(c.title, func(t *testing.T) {
			d := nameDoc(t, c.body)
			assert.Equal(t, c.desc, d.Description(byID(t, d, "t")))
		})
	}
}

func TestNameOfNonElements(t *testing.T) {
	d := nameDoc(t, `<p>text</p>`)
	assert.Equal(t, "", d.Name(nil))
	assert.Equal(t, "", d.Name(d.Root))
	assert.Equal(t, "", d.Description(d.Root))
	assert.Equal(t, "", d.NameSource(d.Root))
	assert.True(t, d.NameCertain(d.Root))
}

func TestLabels(t *testing.T) {
	d := nameDoc(t, `<label id=a for=t>A</label><label id=b>B <input id=t></label><label id=c>C</label>`)
	ls := d.Labels(byID(t, d, "t"))
	require.Len(t, ls, 2)
	assert.Equal(t, "a", ls[0].ID())
	assert.Equal(t, "b", ls[1].ID())
	assert.Empty(t, d.Labels(byID(t, d, "c")))
}

func TestNameCertainty(t *testing.T) {
	d := nameDoc(t, `<style>
		.gone { display: none }
		@media screen { .away { visibility: hidden } }
		.icon::before { content: "\2605" }
		.off { position: absolute; left: -9999px }
		/* .x { display: none } */
	</style>
	<a id=a href=#><span class=icon></span></a>
	<a id=b href=#>Plain</a>
	<button id=c class=gone></button>
	<div class=away><button id=d>In</button></div>
	<button id=e class=off>Off</button>
	<span class=x id=f></span>`)
	assert.False(t, d.NameCertain(byID(t, d, "a")), "generated ::before text could name the link")
	assert.True(t, d.NameCertain(byID(t, d, "b")))
	assert.False(t, d.RenderingCertain(byID(t, d, "c")))
	assert.False(t, d.RenderingCertain(byID(t, d, "d")), "an ancestor may be hidden")
	assert.True(t, d.RenderingCertain(byID(t, d, "e")), "positioning does not hide")
	assert.True(t, d.RenderingCertain(byID(t, d, "f")), "commented-out rules do not count")
	assert.True(t, d.RenderingCertain(byID(t, d, "a")), "generated content does not hide")

	linked := nameDoc(t, `<link rel="stylesheet" href="site.css"><a id=a href=#>x</a>`)
	assert.True(t, linked.RenderingCertain(byID(t, linked, "a")), "linked sheets are assumed not to hide content")
	assert.True(t, linked.NameCertain(byID(t, linked, "a")))

	imported := nameDoc(t, `<style>@import url(site.css);</style><a id=a href=#>x</a>`)
	assert.True(t, imported.RenderingCertain(byID(t, imported, "a")))

	odd := nameDoc(t, `<style>a:has-weird(((x { display: none }</style><a id=a href=#>x</a>`)
	assert.False(t, odd.RenderingCertain(byID(t, odd, "a")), "a hiding rule we cannot evaluate makes rendering uncertain")

	plain := nameDoc(t, `<a id=a href=#></a>`)
	assert.True(t, plain.RenderingCertain(byID(t, plain, "a")))
	assert.True(t, plain.NameCertain(byID(t, plain, "a")))

	browser := nameDoc(t, `<link rel="stylesheet" href="site.css"><a id=a href=#>x</a>`)
	browser.Facts |= a11y.NeedsStyle
	browser.Index()
	assert.True(t, browser.RenderingCertain(byID(t, browser, "a")), "computed styles settle rendering")
}

// deepDoc builds a document by hand: a link holding depth nested spans, with
// a word of text every 100 levels.
func deepDoc(depth int) (*a11y.Document, *a11y.Node, *a11y.Node) {
	el := func(a atom.Atom, attrs ...html.Attribute) *a11y.Node {
		return &a11y.Node{Type: a11y.ElementNode, DataAtom: a, Data: a.String(), Attr: attrs}
	}
	root := &a11y.Node{Type: a11y.DocumentNode}
	h, body := el(atom.Html), el(atom.Body)
	a11y.AppendChild(root, h)
	a11y.AppendChild(h, body)
	link := el(atom.A, html.Attribute{Key: "href", Val: "#"})
	a11y.AppendChild(body, link)
	p := link
	for i := 0; i < depth; i++ {
		s := el(atom.Span, html.Attribute{Key: "id", Val: fmt.Sprint("s", i)})
		a11y.AppendChild(p, s)
		if i%100 == 0 {
			a11y.AppendChild(s, &a11y.Node{Type: a11y.TextNode, Data: fmt.Sprint("w", i, " ")})
		}
		p = s
	}
	d := &a11y.Document{Root: root, URL: "http://127.0.0.1/deep", Mode: a11y.ModeStatic, Facts: a11y.NeedsDOM}
	d.Index()
	return d, link, p
}

func TestNameDeepDocument(t *testing.T) {
	d, link, leaf := deepDoc(10000)
	name := d.Name(link)
	assert.True(t, strings.HasPrefix(name, "w0 w100 w200"), "got %.40q", name)
	assert.NotContains(t, name, "w9900", "text below the depth limit is not read")
	assert.Equal(t, "", d.Name(leaf))
	n := 0
	for e := range d.Elements(atom.Span) {
		d.Name(e)
		n++
	}
	assert.Equal(t, 10000, n)
}

func BenchmarkNameDeepDocument(b *testing.B) {
	for b.Loop() {
		d, link, _ := deepDoc(10000)
		d.Name(link)
		for e := range d.Elements(atom.Span) {
			d.Name(e)
		}
	}
}

func BenchmarkNameForm(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&sb, `<div><label for=f%d>Field <b>%d</b></label><input id=f%d aria-describedby=h%d><p id=h%d>Hint %d</p><a href=#%d><img src=i.png alt="Help %d"></a></div>`, i, i, i, i, i, i, i, i)
	}
	src := sb.String()
	for b.Loop() {
		d := nameDoc(b, src)
		for e := range d.Elements() {
			d.Name(e)
			d.Description(e)
		}
	}
}
