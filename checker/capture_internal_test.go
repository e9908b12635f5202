package checker

import (
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExpandBox(t *testing.T) {
	sides := boxShorthands["border-color"]
	for _, tc := range []struct {
		in   string
		want [4]string
	}{
		{"0px", [4]string{"0px", "0px", "0px", "0px"}},
		{"1px 2px", [4]string{"1px", "2px", "1px", "2px"}},
		{"1px 2px 3px", [4]string{"1px", "2px", "3px", "2px"}},
		{"1px 2px 3px 4px", [4]string{"1px", "2px", "3px", "4px"}},
		{"rgb(0, 0, 0) color(srgb 1 0 0)", [4]string{"rgb(0, 0, 0)", "color(srgb 1 0 0)", "rgb(0, 0, 0)", "color(srgb 1 0 0)"}},
		{"  solid  dashed ", [4]string{"solid", "dashed", "solid", "dashed"}},
	} {
		m := map[string]string{}
		expandBox(m, sides, tc.in)
		assert.Equal(t, tc.want, [4]string{m[sides[0]], m[sides[1]], m[sides[2]], m[sides[3]]}, tc.in)
	}
	for _, bad := range []string{"", "a b c d e"} {
		m := map[string]string{}
		expandBox(m, sides, bad)
		assert.Empty(t, m, "%q is no box value", bad)
	}
}

func TestRequested(t *testing.T) {
	got := requested([]string{"color", "padding-top", "padding-right", "padding-bottom", "padding-left", "border-top-width", "display"})
	assert.Equal(t, []string{"color", "padding", "border-top-width", "display"}, got, "only complete groups become shorthands")
	full := requested(StyleProperties)
	assert.Len(t, full, len(StyleProperties)-12)
	assert.Empty(t, leftOut(prunable, full))
	assert.Equal(t, []string{"filter"}, leftOut(prunable, requested(without(StyleProperties, "filter"))))
	assert.Empty(t, leftOut(uaModeled, full))
	assert.Equal(t, []string{"cursor"}, leftOut(uaModeled, requested(without(StyleProperties, "cursor"))))
	assert.Equal(t, full, captureProperties(&styleScan{Opaque: true}))
	less := captureProperties(&styleScan{Props: map[string][]string{
		"opacity":          {"1", "0.5"},
		"filter":           {"none", "inherit"},
		"background-image": {"initial", "*"},
		"background-clip":  {"initial", "revert"},
		"outline-color":    {"currentcolor"},
		"text-shadow":      {"var(--s)"},
	}})
	for _, p := range []string{"opacity", "background-image", "text-shadow"} {
		assert.Contains(t, less, p)
	}
	for _, p := range []string{"filter", "background-clip", "outline-color", "box-shadow"} {
		assert.NotContains(t, less, p, "only initial values or CSS-wide keywords are declared")
	}
	assert.Contains(t, less, "color", "properties the user agent sets are always asked for")
	for _, p := range []string{"cursor", "font-style", "text-decoration-line", "appearance", "position", "overflow-x"} {
		assert.NotContains(t, less, p, "the user agent's value follows from the element")
	}

	keyword := captureProperties(&styleScan{Props: map[string][]string{"overflow-x": {"initial"}, "font-style": {"inherit"}}})
	assert.Contains(t, keyword, "overflow-x", "a CSS-wide keyword undoes the user agent's value")
	assert.Contains(t, keyword, "font-style")
	assert.NotContains(t, keyword, "cursor")
	assert.Contains(t, keyword, "overflow-y", "the overflow axes go together")
	look := captureProperties(&styleScan{Props: map[string][]string{"appearance": {"none"}}})
	for _, p := range []string{"appearance", "cursor", "position", "overflow-x", "overflow-y"} {
		assert.Contains(t, look, p, "a control drawn another way takes other user agent styles")
	}
	assert.NotContains(t, look, "font-style")
}

func TestUAValues(t *testing.T) {
	doc, err := a11y.FromHTMLString(`<!doctype html><html><body>
<a id="link" href="/x"><span id="inlink">x</span><label id="lab">l</label></a><a id="nohref">y</a>
<em><b id="inem">b</b><input id="emfield"></em><address><i id="i">i</i></address><abbr id="abbr" title="t">a</abbr><abbr id="bare">b</abbr><del id="del">d</del>
<input id="text"><input id="num" type="Number"><input id="check" type="checkbox"><input id="img" type="image"><input id="file" type="file">
<input id="dis" disabled><textarea id="ta"></textarea><select id="menu"><option>a</option></select>
<select id="multi" multiple><option>a</option></select><select id="multi1" multiple size="1"><option>a</option></select>
<select id="rows" size=" 3x"><option>a</option></select>
<fieldset disabled><legend><input id="legend"></legend><select id="fsdis"><option>a</option></select></fieldset>
<img id="pic" alt=""><hr id="hr"><dialog id="dlg"></dialog><div id="pop" popover></div>
<svg id="svg"><a id="svga" href="#s"><rect/></a><foreignObject id="fo"></foreignObject></svg>
<math><mi id="mlink" href="#m">x</mi></math></body></html>`, "http://example.test/")
	require.NoError(t, err)
	styles := map[*a11y.Node]*uaStyle{}
	var unsure = map[string][]string{}
	var walk func(n *a11y.Node, parent *uaStyle, hasParent bool)
	walk = func(n *a11y.Node, parent *uaStyle, hasParent bool) {
		for ; n != nil; n = n.NextSibling {
			if n.Type != a11y.ElementNode {
				walk(n.FirstChild, parent, hasParent)
				continue
			}
			u, why := uaValues(n, parent, hasParent)
			styles[n] = &u
			if id := n.ID(); id != "" {
				unsure[id] = why
			}
			walk(n.FirstChild, &u, true)
		}
	}
	walk(doc.Root, &uaRoot, false)
	get := func(id, p string) string {
		n := doc.ByID(doc.Root, id)
		require.NotNil(t, n, id)
		return styles[n].value(p)
	}
	for _, tc := range []struct{ id, prop, want string }{
		{"link", "cursor", "pointer"}, {"link", "text-decoration-line", "underline"},
		{"inlink", "cursor", "pointer"}, {"inlink", "text-decoration-line", "none"},
		{"lab", "cursor", "default"}, {"nohref", "cursor", "auto"}, {"nohref", "text-decoration-line", "none"},
		{"inem", "font-style", "italic"}, {"emfield", "font-style", "normal"}, {"i", "font-style", "italic"}, {"link", "font-style", "normal"},
		{"abbr", "text-decoration-line", "underline"}, {"bare", "text-decoration-line", "none"}, {"del", "text-decoration-line", "line-through"},
		{"text", "cursor", "text"}, {"text", "appearance", "auto"}, {"text", "overflow-x", "clip"},
		{"num", "cursor", "text"}, {"check", "cursor", "default"}, {"check", "overflow-y", "visible"},
		{"img", "cursor", "pointer"}, {"img", "appearance", "none"}, {"file", "appearance", "none"},
		{"dis", "cursor", "default"}, {"ta", "cursor", "text"}, {"ta", "overflow-y", "auto"},
		{"menu", "overflow-x", "clip"}, {"menu", "opacity", "1"}, {"multi", "overflow-y", "scroll"}, {"multi1", "overflow-y", "clip"},
		{"rows", "overflow-x", "hidden"}, {"legend", "cursor", "text"}, {"fsdis", "opacity", "0.7"},
		{"pic", "overflow-x", "clip"}, {"hr", "overflow-y", "hidden"}, {"svg", "overflow-x", "hidden"},
		{"svga", "cursor", "pointer"}, {"svga", "text-decoration-line", "none"}, {"fo", "overflow-y", "hidden"},
		{"pic", "position", "static"},
	} {
		assert.Equal(t, tc.want, get(tc.id, tc.prop), "%s %s", tc.id, tc.prop)
	}
	assert.Subset(t, unsure["dlg"], []string{"position", "overflow-x"}, "a dialog's user agent style depends on how it was opened")
	assert.Subset(t, unsure["pop"], []string{"position"})
	assert.Subset(t, unsure["mlink"], []string{"cursor"})
	assert.Empty(t, unsure["link"])
}

func without(props []string, p string) []string {
	var out []string
	for _, q := range props {
		if q != p {
			out = append(out, q)
		}
	}
	return out
}
