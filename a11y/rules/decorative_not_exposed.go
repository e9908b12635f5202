package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// DecorativeNotExposed: an element marked as decorative stays out of the
// accessibility tree. ACT 46ca7f. When an image with alt="" or an element
// with role="none" is also focusable or given a global ARIA attribute (an
// aria-label, for instance), browsers expose it after all, so people hear an
// element the author meant to hide, often with no useful name.
//
// Targets are elements marked as decorative: an explicit role of none or
// presentation, or an img with alt="" and no explicit role. The
// expectation holds when the element is not in the accessibility tree or
// its semantic role stays none or presentation.
var DecorativeNotExposed = &a11y.Rule{
	ID:       "decorative-not-exposed",
	WCAG:     []string{"1.1.1"},
	ACT:      []string{"46ca7f"},
	EN301549: []string{"9.1.1.1"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{decorativeNotExposedHidden, decorativeNotExposedExposed, decorativeNotExposedExposedUnsure},
	Tags:     []string{"aria", "images"},
	Since:    "0.1.0",
	Run:      runDecorativeNotExposed,
}

const (
	decorativeNotExposedHidden        a11y.Msg = "decorative-not-exposed.hidden"
	decorativeNotExposedExposed       a11y.Msg = "decorative-not-exposed.exposed"
	decorativeNotExposedExposedUnsure a11y.Msg = "decorative-not-exposed.exposed-unsure"
)

func runDecorativeNotExposed(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !p.Doc.MarkedDecorative(n) {
			continue
		}
		in, known := ariaInTree(p, n)
		role := p.Doc.Role(n)
		if !in || a11y.IsPresentational(role) {
			p.Pass(n, decorativeNotExposedHidden)
			continue
		}
		data := a11y.Data{"role": role, "reason": ariaExposureReason(p, n)}
		if known {
			p.Fail(n, decorativeNotExposedExposed, data)
		} else {
			p.CantTell(n, decorativeNotExposedExposedUnsure, data, a11y.Ask(questionAriaShown))
		}
	}
	return nil
}

// ariaExposureReason names what makes a presentational element exposed:
// its global ARIA attributes, or "tabindex" or the element name when it is
// focusable.
func ariaExposureReason(p *a11y.Pass, n *a11y.Node) string {
	var why []string
	for _, a := range ariaAttributes(n) {
		if a11y.IsGlobalAttr(a.Key) && !ariaBlank(a.Val) {
			why = append(why, a.Key)
		}
	}
	if p.Doc.Focusable(n) {
		if n.Has("tabindex") {
			why = append(why, "tabindex")
		} else {
			why = append(why, "<"+n.Data+">")
		}
	}
	return strings.Join(why, ", ")
}
