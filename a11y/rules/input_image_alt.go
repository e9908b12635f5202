package rules

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// InputImageAlt: an image button (<input type="image">) has an accessible
// name other than the browser's default ("Submit Query"), so that people
// who cannot see the image know what the button does.
//
// ACT 59796f. Targets are <input type="image"> elements included in the
// accessibility tree. An empty alt does not make an image button decorative:
// the name then comes from aria-labelledby, aria-label, a <label>, value or
// title, and a button left with the default name fails.
var InputImageAlt = &a11y.Rule{
	ID:       "input-image-alt",
	WCAG:     []string{"1.1.1", "4.1.2"},
	ACT:      []string{"59796f"},
	EN301549: []string{"9.1.1.1", "9.4.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{inputImageAltHasName, inputImageAltNoName, inputImageAltDefault, inputImageAltUnsure},
	Tags:     []string{"images", "buttons", "forms", "names"},
	Since:    "0.1.0",
	Run:      runInputImageAlt,
}

const (
	inputImageAltHasName a11y.Msg = "input-image-alt.has-name"
	inputImageAltNoName  a11y.Msg = "input-image-alt.no-name"
	inputImageAltDefault a11y.Msg = "input-image-alt.default-name"
	inputImageAltUnsure  a11y.Msg = "input-image-alt.no-name-unsure"
)

func runInputImageAlt(p *a11y.Pass) error {
	for n := range p.Elements(atom.Input) {
		if !isImageButton(n) || !p.InAXTree(n) {
			continue
		}
		name := p.Name(n)
		switch {
		case name != "" && p.Doc.NameSource(n) != a11y.NameSourceDefault:
			p.Pass(n, inputImageAltHasName, nameData(name))
		case !nameSettled(p, n):
			p.CantTell(n, inputImageAltUnsure, askNameWithStyles)
		case name != "":
			p.Fail(n, inputImageAltDefault, nameData(name))
		default:
			p.Fail(n, inputImageAltNoName)
		}
	}
	return nil
}

// isImageButton reports an <input type="image">.
func isImageButton(n *a11y.Node) bool {
	return n.Is(atom.Input) && strings.EqualFold(strings.TrimSpace(n.Get("type")), "image")
}
