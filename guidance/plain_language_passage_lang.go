package guidance

import (
	"math"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance/readability"
)

// PlainLanguagePassageLang: passages in another language than the page are
// marked with lang. For each block of the page's text (TextBlocks) with at
// least Options.MinPassageWords words, the rule guesses its language with
// readability.GuessLang and compares it with the language the block takes
// from its lang attributes (or, when the page declares none, with the
// language guessed for the whole page). A guess counts only when at least
// three function words of its language family back it (see backedGuess):
//
//   - a block with its own lang attribute that the guess agrees with:
//     passed;
//   - a different language guessed with confidence of at least 0.6 (0.85
//     between the close neighbours bokmål, nynorsk and Danish): cantTell,
//     since names, quotations and mixed text fool any guess.
//
// A passage that takes the page's language and is in the language the
// rest of the page is guessed to be in is left to
// plain-language-page-lang: the page, not the passage, is mislabelled.
//
// WCAG 3.1.2 Language of Parts.
var PlainLanguagePassageLang = &a11y.Rule{
	ID:       "plain-language-passage-lang",
	WCAG:     []string{"3.1.2"},
	EN301549: []string{"9.3.1.2"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{passageLangMarked, passageLangOther},
	Tags:     []string{"plain-language", "language"},
	Since:    "0.1.0",
	Run:      withDefaults(runPassageLang),
}

const (
	passageLangMarked a11y.Msg = "plain-language-passage-lang.marked"
	passageLangOther  a11y.Msg = "plain-language-passage-lang.other-language"
)

// questionPassageLang asks which language a passage is in.
const questionPassageLang = "plain-language-passage-lang.which-language"

// Confidence a passage's guess needs before the rule asks about it.
const (
	passageConfidence      = 0.6
	passageCloseConfidence = 0.85
)

func runPassageLang(p *a11y.Pass, o Options) error {
	blocks := TextBlocks(p.Doc)
	declared := DeclaredLang(p.Doc)
	page := declared
	if page == "" {
		page, _ = readability.GuessLang(joinBlocks(blocks))
	}
	// The guess for the text that takes the page's language: when a
	// passage is in that language too, the whole page is mislabelled, which
	// plain-language-page-lang reports.
	var own []Block
	for _, b := range blocks {
		if b.Lang == declared {
			own = append(own, b)
		}
	}
	ownText := joinBlocks(own)
	pageGuess, _ := backedGuess(ownText, familyOf(ownText, 5))
	for _, b := range blocks {
		if len(readability.Words(b.Text)) < o.MinPassageWords {
			continue
		}
		lang := blockLang(b, page)
		if lang == "" {
			continue
		}
		guess, conf := backedGuess(b.Text, familyOf(b.Text, 3))
		if guess == "" {
			continue
		}
		if declared != "" && b.Lang == declared && pageGuess != "" {
			if s, _ := sameLang(pageGuess, guess); s {
				continue
			}
		}
		d := a11y.Data{"lang": quote(lang), "guess": guess, "confidence": math.Round(conf*100) / 100}
		same, close := sameLang(lang, guess)
		switch {
		case same:
			if b.Lang != "" && b.Lang != declared {
				p.Pass(b.Node, passageLangMarked, d)
			}
		case close && conf >= passageCloseConfidence, !close && conf >= passageConfidence:
			p.CantTell(b.Node, passageLangOther, d, a11y.Ask(questionPassageLang))
		}
	}
	return nil
}
