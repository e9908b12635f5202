package guidance

import (
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/delaktig/delaktig/a11y"
)

// PlainLanguageLinkText: links say where they lead. A link (an <a href>,
// <area href> or role link in the accessibility tree) whose visible text
// is only a vague phrase ("klicka här", "läs mer", "les mer", "klikk her",
// "click here", "read more", "här", "more"…) is judged by what else gives
// its purpose:
//
//   - an accessible name or title that is not vague (aria-label,
//     aria-labelledby, title): passed;
//   - an accessible description, or text around it in the same sentence,
//     paragraph, list item or table cell, or a heading just before it
//     (the programmatically determined link context of WCAG): cantTell,
//     since a person must judge whether that context says enough;
//   - nothing: failed.
//
// Links with a text that is not vague pass. Links without any text are
// left to the accessibility rules about link names.
//
// WCAG 2.4.4 Link Purpose (In Context).
var PlainLanguageLinkText = &a11y.Rule{
	ID:       "plain-language-link-text",
	WCAG:     []string{"2.4.4"},
	EN301549: []string{"9.2.4.4"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{linkTextClear, linkTextNamed, linkTextContext, linkTextVague},
	Tags:     []string{"plain-language", "links"},
	Since:    "0.1.0",
	Run:      runLinkText,
}

const (
	linkTextClear   a11y.Msg = "plain-language-link-text.clear"
	linkTextNamed   a11y.Msg = "plain-language-link-text.named"
	linkTextContext a11y.Msg = "plain-language-link-text.context"
	linkTextVague   a11y.Msg = "plain-language-link-text.vague"
)

// questionLinkContext asks whether a vague link's context gives its purpose.
const questionLinkContext = "plain-language-link-text.context-enough"

// vagueLinks are link texts that do not say where a link leads, lower
// case, without surrounding punctuation or arrows.
var vagueLinks = map[string]bool{
	// sv
	"klicka här": true, "här": true, "läs mer": true, "läs mer här": true, "mer": true, "mer info": true,
	"mer information": true, "länk": true, "klicka": true, "klicka här för mer information": true,
	"klicka här för att läsa mer": true, "se mer": true, "se här": true, "gå hit": true, "fortsätt läsa": true,
	"till sidan": true, "denna länk": true, "den här länken": true, "läs vidare": true, "visa mer": true,
	// nb
	"klikk her": true, "her": true, "les mer": true, "les mer her": true, "mer informasjon her": true,
	"lenke": true, "klikk": true, "trykk her": true, "se her": true, "les videre": true, "denne lenken": true,
	"til siden": true, "vis mer": true,
	// en
	"click here": true, "here": true, "read more": true, "more": true, "link": true, "more info": true,
	"more information": true, "learn more": true, "click": true, "this link": true, "continue reading": true,
	"find out more": true, "see more": true, "details": true, "this page": true, "go": true, "tap here": true,
	"show more": true,
}

// linkKey reduces a link text to the form vagueLinks uses.
func linkKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
}

// isVagueLink reports whether a link text says nothing about where the
// link leads.
func isVagueLink(s string) bool { return vagueLinks[linkKey(s)] }

// contextBlocks are the elements whose text is a link's context.
var contextBlocks = []atom.Atom{atom.P, atom.Li, atom.Td, atom.Th, atom.Dd, atom.Dt, atom.Blockquote, atom.Figcaption, atom.Caption}

func runLinkText(p *a11y.Pass) error {
	for e := range p.Elements() {
		if !isLink(p, e) || !p.InAXTree(e) {
			continue
		}
		text := strings.Join(strings.Fields(visibleText(p, e)), " ")
		if text == "" {
			continue
		}
		d := a11y.Data{"text": quote(text)}
		if !isVagueLink(text) {
			p.Pass(e, linkTextClear, d)
			continue
		}
		if name := p.Name(e); name != "" && !isVagueLink(name) && linkKey(name) != linkKey(text) {
			d["name"] = quote(name)
			p.Pass(e, linkTextNamed, d)
			continue
		}
		if t := strings.TrimSpace(e.Get("title")); t != "" && !isVagueLink(t) {
			d["name"] = quote(t)
			p.Pass(e, linkTextNamed, d)
			continue
		}
		if hasLinkContext(p, e) {
			p.CantTell(e, linkTextContext, d, a11y.Ask(questionLinkContext))
			continue
		}
		p.Fail(e, linkTextVague, d)
	}
	return nil
}

// isLink reports whether e is a link: an HTML <a> or <area> with href, or
// an element with role link.
func isLink(p *a11y.Pass, e *a11y.Node) bool {
	if e.Type != a11y.ElementNode {
		return false
	}
	if r := p.Doc.ExplicitRole(e); r != "" {
		return r == "link"
	}
	return e.Is(atom.A, atom.Area) && e.Has("href")
}

// hasLinkContext reports whether the link has an accessible description,
// other words in its sentence, paragraph, list item or table cell, or a
// heading right before it.
func hasLinkContext(p *a11y.Pass, e *a11y.Node) bool {
	if strings.TrimSpace(p.Description(e)) != "" {
		return true
	}
	own := len(tokenize(visibleText(p, e)))
	if c := e.ClosestFlat(func(n *a11y.Node) bool { return n != e && n.Is(contextBlocks...) }); c != nil {
		if len(tokenize(visibleText(p, c)))-own >= 2 {
			return true
		}
	}
	// A heading before the link among its siblings, or among the siblings
	// of the elements that hold it, up to three levels (a card: heading,
	// text, "Läs mer").
	for n, up := e, 0; n != nil && up < 3; n, up = n.FlatParent(), up+1 {
		for s := n.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type != a11y.ElementNode {
				continue
			}
			if isHeading(p, s) && !p.Hidden(s) {
				return true
			}
		}
	}
	return false
}

// isHeading reports whether n is a heading.
func isHeading(p *a11y.Pass, n *a11y.Node) bool {
	return n.Is(atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6) || p.Doc.ExplicitRole(n) == "heading"
}
