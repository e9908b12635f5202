package rules

import "github.com/delaktig/delaktig/a11y"

// SVGImgAlt: an SVG element that its author marked as an image (role img,
// graphics-document or graphics-symbol) has a non-empty accessible name,
// given by aria-label, aria-labelledby or an SVG <title> child.
//
// ACT 7d6734. Targets are SVG elements with one of those explicit roles that
// are included in the accessibility tree. Text drawn inside the graphic
// (<text>) is not a name for an image.
var SVGImgAlt = &a11y.Rule{
	ID:       "svg-img-alt",
	WCAG:     []string{"1.1.1"},
	ACT:      []string{"7d6734"},
	EN301549: []string{"9.1.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{svgImgAltHasName, svgImgAltNoName, svgImgAltUnsure},
	Tags:     []string{"images", "svg", "names"},
	Since:    "0.1.0",
	Run:      runSVGImgAlt,
}

const (
	svgImgAltHasName a11y.Msg = "svg-img-alt.has-name"
	svgImgAltNoName  a11y.Msg = "svg-img-alt.no-name"
	svgImgAltUnsure  a11y.Msg = "svg-img-alt.no-name-unsure"
)

func runSVGImgAlt(p *a11y.Pass) error {
	for n := range p.Elements() {
		if n.Namespace != a11y.NamespaceSVG {
			continue
		}
		switch p.Doc.ExplicitRole(n) {
		case "img", "image", "graphics-document", "graphics-symbol":
		default:
			continue
		}
		if !p.InAXTree(n) {
			continue
		}
		requireName(p, n, nameMsgs{svgImgAltHasName, svgImgAltNoName, svgImgAltUnsure})
	}
	return nil
}
