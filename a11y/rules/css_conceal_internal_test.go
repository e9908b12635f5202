package rules

import (
	"strings"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestBroadenSelector(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div class="sr"><span class="sr x" id="s"></span><p id="p"></p></div><a class="skip" id="a"></a>`))
	require.NoError(t, err)
	var byID func(n *html.Node, id string) *html.Node
	byID = func(n *html.Node, id string) *html.Node {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == id {
				return n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if m := byID(c, id); m != nil {
				return m
			}
		}
		return nil
	}
	span, p, a := byID(doc, "s"), byID(doc, "p"), byID(doc, "a")
	for _, tc := range []struct {
		sel     string
		matches []*html.Node
		misses  []*html.Node
	}{
		{".sr:not(:focus-within)", []*html.Node{span}, []*html.Node{p, a}},
		{".skip:not(:focus-visible)", []*html.Node{a}, []*html.Node{span, p}},
		{":is(.sr, .skip) p", []*html.Node{p}, []*html.Node{span, a}},
		{":where(.x)", []*html.Node{span, p, a}, nil}, // stood alone: any element
		{"div:has(> p) span", []*html.Node{span}, []*html.Node{p, a}},
		{"[data-x='a:b']:focus-visible", nil, []*html.Node{span, p, a}},
	} {
		s := broadenSelector(tc.sel)
		require.NotNil(t, s, tc.sel)
		for _, n := range tc.matches {
			assert.True(t, s.Match(n), "%s should match #%s", tc.sel, n.Attr[len(n.Attr)-1].Val)
		}
		for _, n := range tc.misses {
			assert.False(t, s.Match(n), "%s should not match", tc.sel)
		}
	}
	assert.Nil(t, broadenSelector(".a::before:focus-visible"), "pseudo-elements style generated content")
	assert.Nil(t, broadenSelector(".a >>> .b"), "still unreadable")
}

func TestRuleConcealsSizes(t *testing.T) {
	conceals := func(decl string) bool { return ruleConceals(a11y.ParseDeclarations(decl)) }
	for _, d := range []string{"font-size: 0", "font-size: 1px", "font-size: 0.05em", "width: 1px", "height: 0.5pt", "max-height: 0.01rem", "clip: rect(0 0 0 0)"} {
		assert.True(t, conceals(d), d)
	}
	for _, d := range []string{"font-size: 1em", "font-size: 0.875rem", "font-size: 1.2em", "width: 1in", "height: 1cm", "font-size: 12pt", "width: 50%", "clip: auto"} {
		assert.False(t, conceals(d), d)
	}
}
