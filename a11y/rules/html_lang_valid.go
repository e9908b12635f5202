package rules

import "github.com/delaktig/delaktig/a11y"

// HTMLLangValid: the lang attribute of <html> starts with a real language
// code ("sv", "nb", "en-GB"), so that assistive technology can pick a voice.
//
// ACT bf051a. The target is the top document's <html> element with a lang
// attribute that is not blank. The value passes when its first subtag is a
// language of the IANA subtag registry; three-letter codes that have a
// two-letter code ("swe", "eng"), grandfathered tags and private-use tags fail.
var HTMLLangValid = &a11y.Rule{
	ID:       "html-lang-valid",
	WCAG:     []string{"3.1.1"},
	ACT:      []string{"bf051a"},
	EN301549: []string{"9.3.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{htmlLangValidKnown, htmlLangValidUnknown},
	Tags:     []string{"page", "language"},
	Since:    "0.1.0",
	Run:      runHTMLLangValid,
}

const (
	htmlLangValidKnown   a11y.Msg = "html-lang-valid.known"
	htmlLangValidUnknown a11y.Msg = "html-lang-valid.unknown"
)

func runHTMLLangValid(p *a11y.Pass) error {
	root := topHTML(p)
	if root == nil {
		return nil
	}
	v, ok := root.AttrValue("lang")
	if !ok || trimHTMLSpace(v) == "" {
		return nil
	}
	if knownPrimaryLanguage(v) {
		p.Pass(root, htmlLangValidKnown, a11y.Data{"lang": excerpt(v)})
	} else {
		p.Fail(root, htmlLangValidUnknown, a11y.Data{"lang": excerpt(v)})
	}
	return nil
}
