package guidance

import (
	"github.com/delaktig/delaktig/a11y"
)

// InclusionOtherLanguages: the page links to help or information in other
// languages, in easy-to-read language or in sign language: a link such as
// "Andra språk", "Andre språk", "Other languages", "English", "Suomeksi",
// "العربية", "Lättläst", "Teckenspråk", or a link whose hreflang or lang
// is another language than the page's. Municipalities serve people who are
// new to the language; a page with such a link passes. A page without one
// is cantTell: the help may be offered elsewhere in the service, which a
// person must check. There is no WCAG success criterion for it.
var InclusionOtherLanguages = &a11y.Rule{
	ID:       "inclusion-other-languages",
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{otherLangFound, otherLangMissing},
	Tags:     []string{"inclusion", "language"},
	Since:    "0.1.0",
	Run:      runOtherLanguages,
}

const (
	otherLangFound   a11y.Msg = "inclusion-other-languages.found"
	otherLangMissing a11y.Msg = "inclusion-other-languages.missing"
)

// questionOtherLanguages asks whether help in other languages is offered
// somewhere the user can find it.
const questionOtherLanguages = "inclusion-other-languages.offered-elsewhere"

func runOtherLanguages(p *a11y.Pass) error {
	if p.Doc.Body() == nil {
		return nil
	}
	links := otherLanguageLinks(p.Doc)
	if len(links) == 0 {
		p.CantTell(nil, otherLangMissing, a11y.Ask(questionOtherLanguages))
		return nil
	}
	p.Pass(nil, otherLangFound, a11y.Data{"text": links[0], "count": len(links)})
	return nil
}
