package guidance

import (
	"github.com/delaktig/delaktig/a11y"
)

// PlainLanguageWordChoice: the text uses everyday words. Each use of a word
// or phrase from the word list of the text's language (WordList: Swedish,
// Norwegian bokmål, English) fails on the element holding it, with the word
// as written and the plainer alternative. The same word in the same element
// is reported once. A page in a language with a list, and none of its
// words, passes once; a page in another language is inapplicable.
//
// There is no WCAG success criterion for word choice; WCAG 3.1.3 Unusual
// Words (AAA) covers jargon only through definitions.
var PlainLanguageWordChoice = &a11y.Rule{
	ID:       "plain-language-word-choice",
	Impact:   a11y.Minor,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{wordChoicePlainer, wordChoiceNone},
	Tags:     []string{"plain-language"},
	Since:    "0.1.0",
	Run:      runWordChoice,
}

const (
	wordChoicePlainer a11y.Msg = "plain-language-word-choice.plainer"
	wordChoiceNone    a11y.Msg = "plain-language-word-choice.none"
)

func runWordChoice(p *a11y.Pass) error {
	blocks := TextBlocks(p.Doc)
	page := pageLanguage(p.Doc, joinBlocks(blocks))
	checked, found := 0, 0
	for _, b := range blocks {
		lang := blockLang(b, page)
		if listFor(lang) == nil {
			continue
		}
		checked++
		seen := map[string]bool{}
		for _, m := range FindWords(b.Text, lang) {
			if seen[m.Entry.Phrase] {
				continue
			}
			seen[m.Entry.Phrase] = true
			found++
			p.Fail(b.Node, wordChoicePlainer, a11y.Data{"word": quote(m.Text), "suggestion": m.Entry.Suggestion})
		}
	}
	if checked > 0 && found == 0 {
		p.Pass(nil, wordChoiceNone)
	}
	return nil
}
