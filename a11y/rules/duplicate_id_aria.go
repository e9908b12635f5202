package rules

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// DuplicateIDARIA: an id that another element refers to (aria-labelledby,
// aria-describedby, aria-controls, label for, headers…) occurs only once.
// When two elements share such an id, browsers take the first one, so a
// field may be read out with the wrong label, hint or error message.
//
// Targets are elements with an id-reference attribute; each referenced id
// is looked up in the element's own tree (document, frame or shadow root).
// ARIA 1.2 and HTML require ids to be unique; WCAG 4.1.1 is obsolete in 2.2,
// so a failure is mapped to the relationship and name criteria it breaks.
var DuplicateIDARIA = &a11y.Rule{
	ID:       "duplicate-id-aria",
	WCAG:     []string{"1.3.1", "4.1.2"},
	EN301549: []string{"9.1.3.1", "9.4.1.2"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{duplicateIDARIAUnique, duplicateIDARIADuplicate},
	Tags:     []string{"structure", "aria", "forms"},
	Since:    "0.1.0",
	Run:      runDuplicateIDARIA,
}

const (
	duplicateIDARIAUnique    a11y.Msg = "duplicate-id-aria.unique"
	duplicateIDARIADuplicate a11y.Msg = "duplicate-id-aria.duplicate"
)

func runDuplicateIDARIA(p *a11y.Pass) error {
	for n := range p.Elements() {
		if !hasIDRefAttr(n) {
			continue
		}
		var dups []string
		var related a11y.Related
		refers := false
		for _, a := range idrefAttrs {
			v, ok := n.AttrValue(a.name)
			if !ok || !idrefAttrApplies(n, a.name) {
				continue
			}
			for _, id := range idrefs(v, a.list) {
				all := p.Doc.AllByID(n, id)
				if len(all) == 0 {
					continue // idref-missing reports it
				}
				refers = true
				if len(all) > 1 && !hasString(dups, id) {
					dups = append(dups, id)
					related = append(related, all...)
				}
			}
		}
		switch {
		case len(dups) > 0:
			p.Fail(n, duplicateIDARIADuplicate, a11y.Data{"ids": excerpt(strings.Join(dups, " "))}, related)
		case refers:
			p.Pass(n, duplicateIDARIAUnique)
		}
	}
	return nil
}

// hasString reports whether l holds s.
func hasString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
