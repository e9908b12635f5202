package rules_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/a11y/rules"
	"github.com/delaktig/delaktig/internal/pagegen"
)

// layOut gives every element of doc a computed style and a box as a
// browser would: blocks stacked in 20 px rows inside their parents, inline
// elements and controls on their parent's first row. Every fifth block has a
// light background so that backgrounds are layered.
func layOut(doc *a11y.Document) {
	inline := map[string]string{"display": "inline", "color": "rgb(34, 34, 34)"}
	block := map[string]string{"display": "block", "color": "rgb(34, 34, 34)"}
	tinted := map[string]string{"display": "block", "color": "rgb(34, 34, 34)", "background-color": "rgb(245, 245, 245)"}
	control := map[string]string{"display": "inline-block", "border-top-style": "solid", "border-top-width": "1px",
		"border-top-color": "rgb(118, 118, 118)", "appearance": "auto"}
	hidden := map[string]string{"display": "none"}
	var place func(n *a11y.Node, x, y float64, k int) float64
	place = func(n *a11y.Node, x, y float64, k int) float64 {
		h := 0.0
		switch n.Data {
		case "head", "script", "style", "template", "title", "meta", "link":
			n.Style = hidden
			return 0
		case "a", "span", "label", "strong", "em", "abbr", "small", "b", "i":
			n.Style = inline
			n.Box = &a11y.Rect{X: x, Y: y, Width: 80, Height: 18}
			return 0
		case "input", "select", "textarea", "button":
			n.Style = control
			n.Box = &a11y.Rect{X: x + 100, Y: y, Width: 180, Height: 24}
			return 0
		}
		n.Style = block
		if k%5 == 4 {
			n.Style = tinted
		}
		i := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == a11y.TextNode {
				c.Box = &a11y.Rect{X: x, Y: y + h, Width: 200, Height: 18}
				continue
			}
			if c.Type == a11y.ElementNode {
				h += place(c, x+4, y+h, i)
				i++
			}
		}
		if h < 20 {
			h = 20
		}
		n.Box = &a11y.Rect{X: x, Y: y, Width: 800 - x, Height: h}
		return h
	}
	place(doc.HTML(), 0, 0, 0)
	doc.Facts = a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout
	doc.Mode = a11y.ModeBrowser
	doc.Viewport = a11y.Rect{Width: 1280, Height: 800}
}

// BenchmarkRenderedRules runs the rendered family over generated municipal
// form pages given styles and boxes. Goal: the 2000-section page in under
// 300 ms on a 2-core machine, time linear in size.
func BenchmarkRenderedRules(b *testing.B) {
	family := []*a11y.Rule{rules.ColorContrast, rules.LinkInTextBlock, rules.NonTextContrast, rules.TargetSize,
		rules.ScrollableRegionFocusable, rules.LabelInName}
	for _, n := range []int{10, 100, 500, 2000} {
		page := pagegen.Form(n)
		doc, err := a11y.FromHTML(bytes.NewReader(page), "bench.html")
		if err != nil {
			b.Fatal(err)
		}
		layOut(doc)
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				doc.Index() // forget what the previous round memoised
				if _, err := a11y.Check(context.Background(), doc, a11y.WithRules(family...)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
