package a11y_test

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ariaDoc parses body markup into a static document.
func ariaDoc(t testing.TB, body string) *a11y.Document {
	t.Helper()
	d, err := a11y.FromHTMLString("<!doctype html><html><body>"+body+"</body></html>", "test:")
	require.NoError(t, err)
	return d
}

// ariaEl returns the element with the given id, failing the test when absent.
func ariaEl(t testing.TB, d *a11y.Document, id string) *a11y.Node {
	t.Helper()
	n := d.ByID(d.Root, id)
	require.NotNil(t, n, "no element #%s", id)
	return n
}

func TestImplicitRoles(t *testing.T) {
	cases := []struct{ html, want string }{
		{`<a id=x href="/">l</a>`, "link"},
		{`<a id=x>l</a>`, "generic"},
		{`<map name=m><area id=x href="/" alt=a></map><img usemap="#m" src=a.png alt=m>`, "link"},
		{`<article id=x></article>`, "article"},
		{`<aside id=x></aside>`, "complementary"},
		{`<main><aside id=x></aside></main>`, "complementary"},
		{`<section><aside id=x></aside></section>`, "generic"},
		{`<section><aside id=x aria-label="Related"></aside></section>`, "complementary"},
		{`<button id=x>b</button>`, "button"},
		{`<datalist id=x></datalist>`, "listbox"},
		{`<details id=x></details>`, "group"},
		{`<dialog id=x open></dialog>`, "dialog"},
		{`<fieldset id=x></fieldset>`, "group"},
		{`<figure id=x></figure>`, "figure"},
		{`<header id=x></header>`, "banner"},
		{`<footer id=x></footer>`, "contentinfo"},
		{`<article><header id=x></header></article>`, "sectionheader"},
		{`<main><footer id=x></footer></main>`, "sectionfooter"},
		{`<div><header id=x></header></div>`, "banner"},
		{`<form id=x></form>`, "generic"},
		{`<form id=x aria-label="Search"></form>`, "form"},
		{`<h3 id=x>h</h3>`, "heading"},
		{`<hr id=x>`, "separator"},
		{`<img id=x src=a.png alt="">`, "none"},
		{`<img id=x src=a.png alt="  ">`, "none"},
		{`<img id=x src=a.png>`, "img"},
		{`<img id=x src=a.png alt="Map">`, "img"},
		{`<img id=x src=a.png alt="" aria-label="Map">`, "img"},
		{`<img id=x src=a.png alt="" tabindex=0>`, "img"},
		{`<input id=x>`, "textbox"},
		{`<input id=x type=bogus>`, "textbox"},
		{`<input id=x type=button>`, "button"},
		{`<input id=x type=image alt=Go src=a.png>`, "button"},
		{`<input id=x type=reset>`, "button"},
		{`<input id=x type=submit>`, "button"},
		{`<input id=x type=checkbox>`, "checkbox"},
		{`<input id=x type=email>`, "textbox"},
		{`<input id=x type=tel>`, "textbox"},
		{`<input id=x type=url>`, "textbox"},
		{`<input id=x type=text list=l><datalist id=l></datalist>`, "combobox"},
		{`<input id=x type=text list=nothing>`, "textbox"},
		{`<input id=x type=number>`, "spinbutton"},
		{`<input id=x type=radio>`, "radio"},
		{`<input id=x type=range>`, "slider"},
		{`<input id=x type=search>`, "searchbox"},
		{`<input id=x type=password>`, ""},
		{`<input id=x type=date>`, ""},
		{`<ul><li id=x>i</li></ul>`, "listitem"},
		{`<div><li id=x>i</li></div>`, "generic"},
		{`<ul role=none><li id=x>i</li></ul>`, "none"},
		{`<ul role=none><li id=x tabindex=-1>i</li></ul>`, "listitem"},
		{`<main id=x></main>`, "main"},
		{`<math id=x></math>`, "math"},
		{`<menu id=x></menu>`, "list"},
		{`<ol id=x></ol>`, "list"},
		{`<meter id=x></meter>`, "meter"},
		{`<nav id=x></nav>`, "navigation"},
		{`<select><option id=x>o</option></select>`, "option"},
		{`<select><optgroup label=g><option id=x>o</option></optgroup></select>`, "option"},
		{`<output id=x></output>`, "status"},
		{`<progress id=x></progress>`, "progressbar"},
		{`<section id=x></section>`, "generic"},
		{`<section id=x aria-labelledby=h><h2 id=h>Intro</h2></section>`, "region"},
		{`<section id=x aria-labelledby=nothing></section>`, "generic"},
		{`<select id=x></select>`, "combobox"},
		{`<select id=x multiple></select>`, "listbox"},
		{`<select id=x size=4></select>`, "listbox"},
		{`<select id=x size=1></select>`, "combobox"},
		{`<table id=x></table>`, "table"},
		{`<table><tbody id=x><tr><td>c</td></tr></tbody></table>`, "rowgroup"},
		{`<table><tr id=x><td>c</td></tr></table>`, "row"},
		{`<table><tr><td id=x>c</td></tr></table>`, "cell"},
		{`<table role=grid><tr><td id=x>c</td></tr></table>`, "gridcell"},
		{`<table role=presentation><tr><td id=x>c</td></tr></table>`, "none"},
		{`<table role=presentation><tr id=x><td>c</td></tr></table>`, "none"},
		{`<table><thead><tr><th id=x>h</th></tr></thead></table>`, "columnheader"},
		{`<table><tr><th id=x>h</th><th>i</th></tr></table>`, "columnheader"},
		{`<table><tr><th id=x>h</th><td>d</td></tr></table>`, "rowheader"},
		{`<table><tr><th id=x scope=col>h</th><td>d</td></tr></table>`, "columnheader"},
		{`<table><tr><td>d</td><th id=x scope=row>h</th></tr></table>`, "rowheader"},
		{`<textarea id=x></textarea>`, "textbox"},
		{`<span id=x></span>`, "generic"},
		{`<div id=x></div>`, "generic"},
		{`<b id=x></b>`, "generic"},
		{`<my-widget id=x></my-widget>`, "generic"},
		{`<label id=x>l</label>`, ""},
		{`<video id=x></video>`, ""},
		{`<dl id=x></dl>`, ""},
		{`<dl><dt id=x>t</dt></dl>`, "term"},
		{`<dl><dd id=x>t</dd></dl>`, "definition"},
		{`<p id=x></p>`, "paragraph"},
		{`<del id=x></del>`, "deletion"},
		{`<s id=x></s>`, "deletion"},
		{`<ins id=x></ins>`, "insertion"},
		{`<em id=x></em>`, "emphasis"},
		{`<strong id=x></strong>`, "strong"},
		{`<sub id=x></sub>`, "subscript"},
		{`<sup id=x></sup>`, "superscript"},
		{`<code id=x></code>`, "code"},
		{`<blockquote id=x></blockquote>`, "blockquote"},
		{`<address id=x></address>`, "group"},
		{`<hgroup id=x></hgroup>`, "group"},
		{`<figure><figcaption id=x>c</figcaption></figure>`, "caption"},
		{`<time id=x></time>`, "time"},
		{`<mark id=x></mark>`, "mark"},
		{`<search id=x></search>`, "search"},
		{`<svg id=x></svg>`, "graphics-document"},
		{`<svg><a id=x href="#">l</a></svg>`, "link"},
		{`<svg><circle id=x r=4 /></svg>`, ""},
		{`<svg><circle id=x r=4><title>Dot</title></circle></svg>`, "graphics-symbol"},
		{`<svg><g id=x></g></svg>`, "generic"},
		{`<svg><g id=x aria-label="Legend"></g></svg>`, "group"},
	}
	for _, c := range cases {
		t.Run(c.html, func(t *testing.T) {
			d := ariaDoc(t, c.html)
			assert.Equal(t, c.want, d.Role(ariaEl(t, d, "x")))
		})
	}
}

func TestExplicitRole(t *testing.T) {
	cases := []struct{ html, explicit, role string }{
		{`<div id=x role="button">b</div>`, "button", "button"},
		{`<div id=x role="BUTTON">b</div>`, "button", "button"},
		{`<div id=x role="  link  ">b</div>`, "link", "link"},
		{`<div id=x role="lnik link">b</div>`, "link", "link"},
		{`<div id=x role="widget">b</div>`, "", "generic"},
		{`<div id=x role="command button">b</div>`, "button", "button"},
		{`<div id=x role="lnik">b</div>`, "", "generic"},
		{`<div id=x role="">b</div>`, "", "generic"},
		{`<div id=x role="doc-biblioref link">b</div>`, "doc-biblioref", "doc-biblioref"},
		{`<svg id=x role="graphics-object"></svg>`, "graphics-object", "graphics-object"},
		{`<span id=x role="image">*</span>`, "img", "img"},
		{`<div id=x role="presentation">p</div>`, "presentation", "presentation"},
		{`<nav id=x role="presentation" aria-label="global">p</nav>`, "presentation", "navigation"},
		{`<nav id=x role="presentation" aria-label="">p</nav>`, "presentation", "presentation"},
		{`<h1 id=x role="none" aria-level="2">p</h1>`, "none", "none"},
		{`<h1 id=x role="none" aria-describedby="c">p</h1>`, "none", "heading"},
		{`<button id=x role="none">b</button>`, "none", "button"},
		{`<button id=x role="none" disabled>b</button>`, "none", "none"},
		{`<span id=x role="none" tabindex="-1">b</span>`, "none", "generic"},
		{`<img id=x role="presentation" alt="W3C logo" src=a.png>`, "presentation", "presentation"},
		{`<input id=x type=checkbox role=switch>`, "switch", "switch"},
	}
	for _, c := range cases {
		t.Run(c.html, func(t *testing.T) {
			d := ariaDoc(t, c.html)
			x := ariaEl(t, d, "x")
			assert.Equal(t, c.explicit, d.ExplicitRole(x), "explicit")
			assert.Equal(t, c.role, d.Role(x), "computed")
		})
	}
}

func TestMarkedDecorative(t *testing.T) {
	d := ariaDoc(t, `<img id=a alt="" src=a.png><img id=b src=b.png alt=""  role=img><img id=c src=c.png alt=" ">
		<div id=e role=none></div><img id=f alt="" role="lnik" src=f.png>`)
	assert.True(t, d.MarkedDecorative(ariaEl(t, d, "a")))
	assert.False(t, d.MarkedDecorative(ariaEl(t, d, "b")))
	assert.False(t, d.MarkedDecorative(ariaEl(t, d, "c")), "alt with a space is not the empty string")
	assert.True(t, d.MarkedDecorative(ariaEl(t, d, "e")))
	assert.True(t, d.MarkedDecorative(ariaEl(t, d, "f")), "an invalid role is no explicit role")
}

func TestRoleOfNonElements(t *testing.T) {
	d := ariaDoc(t, `<p id=p>text</p>`)
	p := ariaEl(t, d, "p")
	assert.Equal(t, "", d.Role(p.FirstChild))
	assert.Equal(t, "", d.Role(nil))
	assert.Equal(t, "", d.ExplicitRole(nil))
	assert.Equal(t, "", d.ImplicitRole(d.Root))
}
