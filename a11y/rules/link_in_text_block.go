package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// LinkInTextBlock: a link inside running text can be told apart from the
// text around it without relying on colour. WCAG 1.4.1 Use of Color
// (failure F73, technique G183).
//
// The rule applies to visible links laid out inline in a block that also
// holds visible text outside any link. A link passes when something besides
// colour marks it: an underline or other text decoration, a bottom border,
// a background, or a different font weight or style. Without such a mark it
// fails when its colour contrasts less than 3:1 with the surrounding text,
// and is cantTell when the contrast reaches 3:1: WCAG then also asks for a
// visible change on hover and focus, which a snapshot cannot see.
var LinkInTextBlock = &a11y.Rule{
	ID:       "link-in-text-block",
	WCAG:     []string{"1.4.1"},
	EN301549: []string{"9.1.4.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM | a11y.NeedsStyle | a11y.NeedsLayout,
	Messages: []a11y.Msg{linkMarked, linkColorOnly, linkSameColor},
	Tags:     []string{"color", "links"},
	Since:    "0.1.0",
	Run:      runLinkInTextBlock,
}

const (
	linkMarked    a11y.Msg = "link-in-text-block.marked"
	linkColorOnly a11y.Msg = "link-in-text-block.color-only"
	linkSameColor a11y.Msg = "link-in-text-block.not-distinct"
)

// questionLinkHover asks whether the link changes on hover and focus.
const questionLinkHover = "link-in-text-block.hover"

// linkMinContrast is the contrast G183 asks between link and text colours.
const linkMinContrast = 3.0

func runLinkInTextBlock(p *a11y.Pass) error {
	r := p.Doc.Rendering()
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML || p.Role(n) != "link" || !r.Visible(n) {
			continue
		}
		if !inlineTarget(p, r, n) {
			continue
		}
		block := renderedParent(n)
		for block != nil && strings.ToLower(r.Style(block, "display")) == "inline" {
			block = renderedParent(block)
		}
		if block == nil || !linkHasText(r, n) {
			continue
		}
		if mark := linkMark(r, n, block); mark != "" {
			p.Pass(n, linkMarked, a11y.Data{"mark": mark})
			continue
		}
		lc, ok1 := r.TextColor(linkTextElement(r, n))
		tc, ok2 := r.TextColor(block)
		if !ok1 || !ok2 {
			continue
		}
		bg := r.Colors(n, a11y.Color{}, nil, false)
		if len(bg.Pairs) == 0 {
			continue
		}
		under := bg.Pairs[0].BG
		c := a11y.Contrast(lc.Over(under), tc.Over(under))
		data := a11y.Data{"ratio": contrastText(c), "want": contrastText(linkMinContrast),
			"link": colorHex(lc.Over(under)), "text": colorHex(tc.Over(under))}
		if c+1e-6 >= linkMinContrast {
			p.CantTell(n, linkColorOnly, data, a11y.Ask(questionLinkHover))
			continue
		}
		p.Fail(n, linkSameColor, data)
	}
	return nil
}

// linkHasText reports whether the link shows text of its own.
func linkHasText(r *a11y.Rendering, n *a11y.Node) bool {
	found := false
	var walk func(e *a11y.Node)
	walk = func(e *a11y.Node) {
		for c := range e.FlatChildren() {
			if found {
				return
			}
			switch c.Type {
			case a11y.TextNode:
				found = letterCount(c.Data) > 0 && r.TextVisible(c)
			case a11y.ElementNode:
				walk(c)
			}
		}
	}
	walk(n)
	return found
}

// linkTextElement returns the element whose colour the link's text has:
// the link, or its only element child when the text is wrapped in one.
func linkTextElement(r *a11y.Rendering, n *a11y.Node) *a11y.Node {
	var only *a11y.Node
	for c := range n.FlatChildren() {
		switch c.Type {
		case a11y.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return n
			}
		case a11y.ElementNode:
			if only != nil {
				return n
			}
			only = c
		}
	}
	if only != nil && r.Visible(only) {
		return only
	}
	return n
}

// linkMark returns what, besides colour, sets the link apart from the text
// of block ("" when nothing does).
func linkMark(r *a11y.Rendering, n, block *a11y.Node) string {
	for e := linkTextElement(r, n); e != nil; e = renderedParent(e) {
		deco := strings.ToLower(r.Style(e, "text-decoration-line"))
		if deco != "" && deco != "none" {
			return "text-decoration"
		}
		if e == n {
			break
		}
	}
	for e := linkTextElement(r, n); e != nil; e = renderedParent(e) {
		st := strings.ToLower(r.Style(e, "border-bottom-style"))
		w, _ := a11y.ParseLength(r.Style(e, "border-bottom-width"), 16, 16)
		if st != "none" && st != "hidden" && w > 0 {
			if c, ok := r.Color(e, "border-bottom-color"); ok && c.A > 0 {
				return "border"
			}
		}
		if bg, ok := r.Color(e, "background-color"); ok && bg.A > 0 {
			if pb, ok := r.Color(block, "background-color"); !ok || pb != bg {
				return "background"
			}
		}
		if !strings.EqualFold(r.Style(e, "background-image"), "none") {
			return "background"
		}
		if e == n {
			break
		}
	}
	t := linkTextElement(r, n)
	if w, bw := r.FontWeight(t), r.FontWeight(block); (w >= 600) != (bw >= 600) {
		return "font-weight"
	}
	if s, bs := strings.ToLower(r.Style(t, "font-style")), strings.ToLower(r.Style(block, "font-style")); s != bs && s != "" {
		return "font-style"
	}
	return ""
}
