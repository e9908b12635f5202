package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// AriaValidAttrValue: every ARIA state and property has a value of its type.
// ACT 6a7281. Browsers ignore an invalid value or fall back to a default
// (aria-expanded="collapsed" is neither true nor false), so the state people
// hear is not the one the author meant.
//
// Targets are the defined aria-* attributes with a value that is not empty
// or only white space, on HTML and SVG elements, shown or not; each is one
// outcome. Values are compared without regard to case. ID references need
// not point at an existing element (a missing error message is common and
// harmless), so any non-empty reference is valid.
var AriaValidAttrValue = &a11y.Rule{
	ID:       "aria-valid-attr-value",
	WCAG:     []string{"1.3.1", "4.1.2"},
	ACT:      []string{"6a7281"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Critical,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{ariaValidAttrValueValid, ariaValidAttrValueInvalid},
	Tags:     []string{"aria"},
	Since:    "0.1.0",
	Run:      runAriaValidAttrValue,
}

const (
	ariaValidAttrValueValid   a11y.Msg = "aria-valid-attr-value.valid"
	ariaValidAttrValueInvalid a11y.Msg = "aria-valid-attr-value.invalid"
)

func runAriaValidAttrValue(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !ariaMarkup(n) {
			continue
		}
		for _, a := range ariaAttributes(n) {
			spec, ok := attrSpec(a.Key)
			if !ok || ariaBlank(a.Val) {
				continue
			}
			data := a11y.Data{"attr": a.Key, "value": ariaExcerpt(a.Val), "allowed": ariaAllowedValues(spec)}
			if a11y.IsValidAttrValue(a.Key, a.Val) {
				p.Pass(n, ariaValidAttrValueValid, data)
			} else {
				p.Fail(n, ariaValidAttrValueInvalid, data)
			}
		}
	}
	return nil
}

// ariaAllowedValues describes the values an attribute accepts, for messages:
// the tokens when there is a list, the type otherwise.
func ariaAllowedValues(spec a11y.AttrInfo) string {
	switch spec.Type {
	case a11y.TrueFalse:
		return "true, false"
	case a11y.TrueFalseUndefined:
		return "true, false, undefined"
	case a11y.Tristate:
		return "true, false, mixed, undefined"
	case a11y.Token, a11y.TokenList:
		return strings.Join(spec.Tokens, ", ")
	case a11y.Integer:
		return "0, 1, 2, …"
	case a11y.Number:
		return "0, 1.5, -2, …"
	}
	return spec.Type.String()
}
