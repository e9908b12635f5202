package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"

	"github.com/delaktig/delaktig/a11y"
)

// pageRules lists this family's rules in registry order: what a page as a
// whole declares (title, language, viewport, refresh) and the W3C ACT rules
// about single attributes and inline styles.
var pageRules = []*a11y.Rule{
	DocumentTitle,
	DocumentTitleDescriptive,
	HTMLHasLang,
	HTMLLangValid,
	ValidLang,
	MetaViewport,
	MetaRefresh,
	MetaRefreshNoException,
	AutocompleteValid,
	TDHeaders,
	THHasDataCells,
	IframeFocusableContent,
	TextSpacingLetter,
	TextSpacingWord,
	TextSpacingLine,
	OrientationLock,
}

// maxExcerpt bounds the page text a message quotes (a title, a lang value).
const maxExcerpt = 80

// excerpt trims page text for a message: white space collapsed, long values cut.
// Report writers escape it; rules only keep it short.
func excerpt(s string) string {
	s = a11y.CollapseSpace(s)
	if utf8.RuneCountInString(s) > maxExcerpt {
		return string([]rune(s)[:maxExcerpt-1]) + "…"
	}
	return s
}

// blank reports whether s holds only Unicode white space (the ACT
// definition of whitespace), or nothing.
func blank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// trimHTMLSpace trims ASCII white space, as HTML attribute parsing does.
func trimHTMLSpace(s string) string { return strings.Trim(s, " \t\n\f\r") }

// topHTML returns the top document's root element when it is an HTML <html>
// element, else nil (an SVG or MathML document is no HTML page).
func topHTML(p *a11y.Pass) *a11y.Node {
	h := p.Doc.HTML()
	if h == nil || !h.Is(atom.Html) {
		return nil
	}
	return h
}

// firstTitle returns the first HTML <title> of the top document (the one
// browsers use), or nil. Titles of frames, shadow trees, templates and SVG do
// not count.
func firstTitle(p *a11y.Pass) *a11y.Node {
	for t := range p.Elements(atom.Title) {
		if t.TreeRoot() == p.Doc.Root {
			return t
		}
	}
	return nil
}

// titleText returns the text of a <title>'s text-node children.
func titleText(t *a11y.Node) string {
	var b strings.Builder
	for c := range t.Children() {
		if c.Type == a11y.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// iso639B lists the ISO 639-2 bibliographic codes. They are not in the IANA
// language subtag registry, although language libraries accept them.
var iso639B = map[string]bool{
	"alb": true, "arm": true, "baq": true, "bur": true, "chi": true, "cze": true, "dut": true,
	"fre": true, "geo": true, "ger": true, "gre": true, "ice": true, "mac": true, "mao": true,
	"may": true, "per": true, "rum": true, "slo": true, "tib": true, "wel": true,
}

// knownPrimaryLanguage reports whether a lang value has a known primary
// language tag (ACT): its first subtag is a language in the IANA language
// subtag registry. Two-letter codes are used where they exist, so a
// three-letter code with a two-letter equivalent ("eng") is not in the
// registry; nor are grandfathered tags ("i-lux") and private use ("x-…").
// The subtags after the first are not checked, as browsers ignore bad ones.
func knownPrimaryLanguage(value string) bool {
	prim, _, _ := strings.Cut(trimHTMLSpace(value), "-")
	if len(prim) < 2 || len(prim) > 3 {
		return false
	}
	prim = strings.ToLower(prim)
	for _, c := range prim {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	if iso639B[prim] {
		return false
	}
	b, err := language.ParseBase(prim)
	if err != nil {
		return false
	}
	return len(prim) == len(b.String())
}
