package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// ImageAlt: every image either has a text alternative (a non-empty accessible
// name) or is marked as decorative (role none or presentation, which alt=""
// gives), so that screen reader users get the information the image carries.
//
// ACT 23a2a8. Targets are HTML <img> elements and HTML elements with the
// role img that are not programmatically hidden (hidden, display:none,
// visibility:hidden or inside aria-hidden="true"). Images moved off screen
// still count; images inside an element whose children are presentational
// (a button, a check box) are left to that element's own name rule. An image
// that is focusable or carries global ARIA attributes keeps its img role even
// with role="none" (presentational role conflict), and then needs a name. An
// alt of only white space does not mark an image as decorative. When style
// sheets the static source cannot evaluate might hide the image or name it,
// an image without a name is cantTell.
var ImageAlt = &a11y.Rule{
	ID:       "image-alt",
	WCAG:     []string{"1.1.1"},
	ACT:      []string{"23a2a8"},
	EN301549: []string{"9.1.1.1"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{imageAltHasName, imageAltDecorative, imageAltNoName, imageAltUnsure},
	Tags:     []string{"images", "names"},
	Since:    "0.1.0",
	Run:      runImageAlt,
}

const (
	imageAltHasName    a11y.Msg = "image-alt.has-name"
	imageAltDecorative a11y.Msg = "image-alt.decorative"
	imageAltNoName     a11y.Msg = "image-alt.no-name"
	imageAltUnsure     a11y.Msg = "image-alt.no-name-unsure"
)

func runImageAlt(p *a11y.Pass) error {
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceHTML {
			continue
		}
		role := p.Role(n)
		if !n.Is(atom.Img) && role != "img" && role != "image" {
			continue
		}
		if progHidden(p, n) {
			continue
		}
		if !decorativeRole(role) && !p.InAXTree(n) {
			continue // inside a button, a checkbox…: the parent's name speaks for it
		}
		if decorativeRole(role) && !blankAlt(p, n) {
			p.Pass(n, imageAltDecorative)
			continue
		}
		requireName(p, n, nameMsgs{imageAltHasName, imageAltNoName, imageAltUnsure})
	}
	return nil
}

// blankAlt reports an <img> without an explicit role whose alt holds only
// white space: that is not the empty alt that marks an image as decorative.
func blankAlt(p *a11y.Pass, n *a11y.Node) bool {
	v, ok := n.AttrValue("alt")
	return ok && n.Is(atom.Img) && v != "" && strings.TrimSpace(v) == "" && p.Doc.ExplicitRole(n) == ""
}
