package guidance

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
)

// InclusionContact: every page offers a way to get help other than the
// form itself — a phone number, a postal or visiting address, opening
// hours, an e-mail address, or a link to contact or help ("Kontakta oss",
// "Hjelp", "Contact"). People who cannot finish the e-service, or who
// need to talk to someone, must be able to find the analogue alternative
// from wherever they are. A page with none fails; a page with some passes,
// listing the kinds found.
//
// The rule also exports the page's facts (a *PageFacts, see Facts) for
// the flow rules: consistent help (WCAG 3.2.6) and redundant entry (WCAG
// 3.3.7) compare them across steps. The rule itself maps to no WCAG
// success criterion: WCAG does not require contact information, only that
// help, where offered, stays in the same place.
var InclusionContact = &a11y.Rule{
	ID:       "inclusion-contact",
	Impact:   a11y.Serious,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{contactFound, contactMissing},
	Tags:     []string{"inclusion", "help"},
	Since:    "0.1.0",
	Run:      runContact,
}

const (
	contactFound   a11y.Msg = "inclusion-contact.found"
	contactMissing a11y.Msg = "inclusion-contact.missing"
)

func runContact(p *a11y.Pass) error {
	if p.Doc.Body() == nil {
		return nil
	}
	f := Facts(p.Doc)
	p.Export(f)
	if len(f.Help) == 0 {
		p.Fail(nil, contactMissing)
		return nil
	}
	var kinds []string
	seen := map[string]bool{}
	for _, h := range f.Help {
		if !seen[h.Kind] {
			seen[h.Kind] = true
			kinds = append(kinds, h.Kind)
		}
	}
	p.Pass(f.Help[0].Node, contactFound, a11y.Data{"kinds": strings.Join(kinds, ", "), "count": len(f.Help)})
	return nil
}
