package rules

import "github.com/delaktig/delaktig/a11y"

// HTMLHasLang: the <html> element names the page's language in a lang
// attribute, so that screen readers speak the text with the right voice and
// pronunciation, and translation tools and browsers know the language.
//
// ACT b5c3f8. The target is the top document's <html> element (an SVG or
// MathML document is inapplicable); xml:lang alone does not count. Whether
// the value is a real language is html-lang-valid.
var HTMLHasLang = &a11y.Rule{
	ID:       "html-has-lang",
	WCAG:     []string{"3.1.1"},
	ACT:      []string{"b5c3f8"},
	EN301549: []string{"9.3.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopePage,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{htmlHasLangHasLang, htmlHasLangMissing, htmlHasLangEmpty},
	Tags:     []string{"page", "language"},
	Since:    "0.1.0",
	Run:      runHTMLHasLang,
}

const (
	htmlHasLangHasLang a11y.Msg = "html-has-lang.has-lang"
	htmlHasLangMissing a11y.Msg = "html-has-lang.missing"
	htmlHasLangEmpty   a11y.Msg = "html-has-lang.empty"
)

func runHTMLHasLang(p *a11y.Pass) error {
	root := topHTML(p)
	if root == nil {
		return nil
	}
	v, ok := root.AttrValue("lang")
	switch {
	case !ok:
		p.Fail(root, htmlHasLangMissing)
	case trimHTMLSpace(v) == "":
		p.Fail(root, htmlHasLangEmpty)
	default:
		p.Pass(root, htmlHasLangHasLang, a11y.Data{"lang": excerpt(v)})
	}
	return nil
}
