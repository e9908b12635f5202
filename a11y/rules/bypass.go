package rules

import (
	"strconv"
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// Bypass: people who use a keyboard or a screen reader can skip the blocks
// that repeat on every page (header, menus) and go straight to the content:
// with a main landmark (WCAG technique ARIA11), headings (H69) or a skip link
// near the start of the page that leads to an element on it (G1).
//
// The target is the top document. When none of the three exists, a page
// whose content is preceded by at least bypassLinks links fails; with fewer
// links the rule asks whether they repeat on other pages (cantTell), and a
// page with no links before its content is inapplicable.
var Bypass = &a11y.Rule{
	ID:       "bypass",
	WCAG:     []string{"2.4.1"},
	EN301549: []string{"9.2.4.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{bypassMain, bypassHeadings, bypassSkipLink, bypassNone, bypassFewLinks},
	Tags:     []string{"structure", "keyboard", "navigation"},
	Since:    "0.1.0",
	Run:      runBypass,
}

const (
	bypassMain     a11y.Msg = "bypass.main"
	bypassHeadings a11y.Msg = "bypass.headings"
	bypassSkipLink a11y.Msg = "bypass.skip-link"
	bypassNone     a11y.Msg = "bypass.none"
	bypassFewLinks a11y.Msg = "bypass.few-links"
)

// questionRepeatedBlock asks whether the links form a block repeated on other pages.
const questionRepeatedBlock = "bypass.repeated-block"

// bypassLinks is how many links before the content make a repeated block
// certain enough to fail a page without any way past it.
const bypassLinks = 5

// skipLinkWindow is how many of the first focusable elements are searched
// for a skip link.
const skipLinkWindow = 3

func runBypass(p *a11y.Pass) error {
	root := topHTML(p)
	body := p.Doc.Body()
	if root == nil || body == nil {
		return nil
	}
	css := newAuthorStyles(p.Doc)
	if mains := mainLandmarks(p, css); len(mains) > 0 {
		p.Pass(root, bypassMain, a11y.Related{mains[0]})
		return nil
	}
	var heading, skip *a11y.Node
	focusables := 0
	for n := range p.Elements() {
		if docRootOf(n) != p.Doc.Root {
			continue
		}
		if _, ok := headingLevelOf(p, n); ok && heading == nil && p.InAXTree(n) && css.rendered(p, n) != visNo {
			heading = n
		}
		if focusables < skipLinkWindow && p.Tabbable(n) && css.rendered(p, n) != visNo {
			focusables++
			if skip == nil && skipTarget(p, n) != nil {
				skip = n
			}
		}
	}
	switch {
	case heading != nil:
		p.Pass(root, bypassHeadings, a11y.Related{heading})
		return nil
	case skip != nil:
		p.Pass(root, bypassSkipLink, a11y.Related{skip, skipTarget(p, skip)})
		return nil
	}
	shown, maybe := linksBeforeContent(p, css, body)
	switch {
	case shown >= bypassLinks:
		p.Fail(root, bypassNone, a11y.Data{"count": strconv.Itoa(shown)})
	case shown+maybe > 0:
		p.CantTell(root, bypassFewLinks, a11y.Data{"count": strconv.Itoa(shown + maybe)}, a11y.Ask(questionRepeatedBlock))
	}
	return nil
}

// skipTarget returns the element a same-page link leads to, when it is one
// (href="#id" naming an element by id, or an <a name>), else nil.
func skipTarget(p *a11y.Pass, n *a11y.Node) *a11y.Node {
	if !n.Is(atom.A) {
		return nil
	}
	href := trimHTMLSpace(n.Get("href"))
	if len(href) < 2 || href[0] != '#' {
		return nil
	}
	frag := href[1:]
	if t := p.Doc.ByID(n, frag); t != nil && t != n {
		return t
	}
	for a := range p.Elements(atom.A) {
		if a.Get("name") == frag && a.TreeRoot() == n.TreeRoot() {
			return a
		}
	}
	return nil
}

// linksBeforeContent counts the links of the page before its first run of
// content text (a text of at least 30 letters outside links, buttons and
// navigation): those certainly shown, and those style sheets may hide.
func linksBeforeContent(p *a11y.Pass, css *authorStyles, body *a11y.Node) (shown, maybe int) {
	stack := []*a11y.Node{body}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == a11y.TextNode {
			if len(strings.Join(strings.Fields(n.Data), "")) >= 30 && n.Parent != nil && !inNavigation(p, n.Parent) {
				return shown, maybe
			}
			continue
		}
		if n.Type != a11y.ElementNode || n.Is(atom.Script, atom.Style, atom.Template) {
			continue
		}
		if n.Is(atom.A) && n.Has("href") {
			if p.InAXTree(n) {
				switch css.rendered(p, n) {
				case visYes:
					shown++
				case visMaybe, visLikely:
					maybe++
				}
			}
			continue
		}
		var kids []*a11y.Node
		for c := range n.FlatChildren() {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
	return shown, maybe
}

// inNavigation reports whether n is inside a link, a button or a
// navigation, header or footer block.
func inNavigation(p *a11y.Pass, n *a11y.Node) bool {
	return n.ClosestFlat(func(e *a11y.Node) bool {
		if e.Is(atom.A, atom.Button, atom.Nav, atom.Header, atom.Footer, atom.Label, atom.Select) {
			return true
		}
		switch roleOrImplicit(p, e) {
		case "navigation", "banner", "contentinfo", "link", "button", "menu", "menubar":
			return true
		}
		return false
	}) != nil
}
