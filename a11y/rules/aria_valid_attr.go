package rules

import (
	"github.com/delaktig/delaktig/a11y"
)

// AriaValidAttr: every aria-* attribute is one that WAI-ARIA defines.
// ACT 5f99a7. A misspelt attribute (aria-labeledby, aria-not-checked) is
// ignored by browsers, so the state or name it was meant to give is missing.
//
// Targets are the aria-* attributes of every element, shown or not; each
// attribute is one outcome on its element. Defined attributes are those of
// WAI-ARIA 1.2 and 1.3 (the braille and description properties), the
// deprecated aria-grabbed and aria-dropeffect included.
var AriaValidAttr = &a11y.Rule{
	ID:       "aria-valid-attr",
	WCAG:     []string{"1.3.1", "4.1.2"},
	ACT:      []string{"5f99a7"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaValidAttrDefined, ariaValidAttrUnknown},
	Tags:     []string{"aria"},
	Since:    "0.1.0",
	Run:      runAriaValidAttr,
}

const (
	ariaValidAttrDefined a11y.Msg = "aria-valid-attr.defined"
	ariaValidAttrUnknown a11y.Msg = "aria-valid-attr.unknown"
)

func runAriaValidAttr(p *a11y.Pass) error {
	for n := range p.Elements() {
		for _, a := range ariaAttributes(n) {
			data := a11y.Data{"attr": ariaExcerpt(a.Key)}
			if _, ok := attrSpec(a.Key); ok {
				p.Pass(n, ariaValidAttrDefined, data)
			} else {
				p.Fail(n, ariaValidAttrUnknown, data)
			}
		}
	}
	return nil
}
