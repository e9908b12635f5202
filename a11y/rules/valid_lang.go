package rules

import (
	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ValidLang: a lang attribute that marks a part of the page in another
// language ("en" on an English quote in a Swedish page) names a real
// language, so that screen readers switch voice correctly.
//
// ACT de46e4. Targets are HTML elements inside <body> with a non-empty lang
// attribute and some text that takes its language from them: text that is
// seen or in the accessibility tree, or the accessible name or description
// of an element in the tree (an image's alt text), up to the next element
// with its own lang. In static mode, text that a <style> rule may hide makes
// an unknown value cantTell instead of failed.
var ValidLang = &a11y.Rule{
	ID:       "valid-lang",
	WCAG:     []string{"3.1.2"},
	ACT:      []string{"de46e4"},
	EN301549: []string{"9.3.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{validLangKnown, validLangUnknown, validLangUnknownMaybeHidden},
	Tags:     []string{"language"},
	Since:    "0.1.0",
	Run:      runValidLang,
}

const (
	validLangKnown              a11y.Msg = "valid-lang.known"
	validLangUnknown            a11y.Msg = "valid-lang.unknown"
	validLangUnknownMaybeHidden a11y.Msg = "valid-lang.unknown-maybe-hidden"
)

// questionTextShown asks whether an element's text reaches users.
const questionTextShown = "valid-lang.text-shown"

func runValidLang(p *a11y.Pass) error {
	css := newAuthorStyles(p.Doc)
	for e := range p.Elements() {
		if e.Namespace != a11y.NamespaceHTML {
			continue
		}
		v, ok := e.AttrValue("lang")
		if !ok || v == "" {
			continue
		}
		if e.ClosestFlat(func(n *a11y.Node) bool { return n.Is(atom.Body) }) == nil {
			continue
		}
		state := langText(p, css, e)
		switch {
		case state == visNo:
		case knownPrimaryLanguage(v):
			p.Pass(e, validLangKnown, a11y.Data{"lang": excerpt(v)})
		case state == visYes:
			p.Fail(e, validLangUnknown, a11y.Data{"lang": excerpt(v)})
		default:
			p.CantTell(e, validLangUnknownMaybeHidden, a11y.Data{"lang": excerpt(v)}, a11y.Ask(questionTextShown))
		}
	}
	return nil
}

// langText reports whether some text takes its language from e: visYes when
// certainly, visMaybe when only author CSS the document cannot apply decides.
func langText(p *a11y.Pass, css *authorStyles, e *a11y.Node) visibility {
	best := visNo
	stack := []*a11y.Node{e}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if st := ownLangText(p, css, n); st == visYes {
			return visYes
		} else if st == visMaybe {
			best = visMaybe
		}
		var kids []*a11y.Node
		for c := range n.FlatChildren() {
			if c.Type == a11y.ElementNode {
				if c.Has("lang") && c.Get("lang") != "" {
					continue // the text below c takes c's language
				}
				kids = append(kids, c)
			}
		}
		if n.Is(atom.Iframe) && n.Content != nil {
			for c := range n.Content.ElementChildren() {
				if !(c.Has("lang") && c.Get("lang") != "") {
					kids = append(kids, c)
				}
			}
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
	return best
}

// ownLangText looks at the text-node children of n and at n's own
// accessible name and description.
func ownLangText(p *a11y.Pass, css *authorStyles, n *a11y.Node) visibility {
	best := visNo
	hasText := false
	for c := range n.FlatChildren() {
		if c.Type == a11y.TextNode && !blank(c.Data) {
			hasText = true
			break
		}
	}
	rend := visNo
	if hasText || blank(n.Text()) {
		rend = css.rendered(p, n)
	}
	inTree := rend != visNo && p.InAXTree(n)
	if hasText {
		seen := css.visible(p, n)
		switch {
		case seen == visYes, rend == visYes && inTree:
			return visYes
		case seen != visNo, inTree:
			best = visMaybe
		}
	}
	// A name or description that does not come from n's own text (alt,
	// aria-label, title…) also takes its language from the target.
	if inTree && blank(n.Text()) && (p.Name(n) != "" || p.Description(n) != "") {
		if rend == visYes {
			return visYes
		}
		best = visMaybe
	}
	return best
}
