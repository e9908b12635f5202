package guidance

import (
	"math"
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance/readability"
)

// PlainLanguagePageLang: the language the page declares is the language
// its text is written in. The rule guesses the language of the page's text
// (TextBlocks that take their language from <html>) with
// readability.GuessLang, which knows Swedish, Norwegian bokmål and
// nynorsk, Danish and English, and compares it with the lang attribute:
//
//   - the same language: passed;
//   - a clearly different language: failed — a screen reader would read
//     the whole page with the wrong voice. Clearly means guessed with at
//     least Options.LangConfidence (0.8), or with at least 0.5 when the
//     function words of the language family agree (see familyOf), or,
//     whatever the guess, function words of another family than the
//     declared language's (Norwegian text on a page declared English or
//     Swedish) that outnumber every other family's at least twice and
//     number at least minFamilyHits; the declared language must be one
//     the guesser knows;
//   - a different language guessed with less confidence, a close
//     neighbour (bokmål and nynorsk, Norwegian and Danish), or no guess
//     for a declared language the guesser knows: cantTell. When the
//     guesser cannot choose between bokmål, nynorsk and Danish, the
//     function words of the family decide: Norwegian or Danish text on a
//     page declared nb, nn or da passes.
//
// A page declared in a language the guesser does not know (Finnish,
// Arabic, Somali…) is cantTell only when the guesser and the function
// words agree on a language it knows; otherwise it is inapplicable.
//
// Pages without a lang attribute (html-has-lang fails them), with fewer
// than Options.MinLangWords words, or declared in a language the guesser
// does not know and not recognised as one it knows, are inapplicable.
//
// WCAG 3.1.1 Language of Page.
var PlainLanguagePageLang = &a11y.Rule{
	ID:       "plain-language-page-lang",
	WCAG:     []string{"3.1.1"},
	EN301549: []string{"9.3.1.1"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{pageLangMatches, pageLangDiffers, pageLangMaybe, pageLangClose, pageLangUnsure},
	Tags:     []string{"plain-language", "language"},
	Since:    "0.1.0",
	Run:      withDefaults(runPageLang),
}

const (
	pageLangMatches a11y.Msg = "plain-language-page-lang.matches"
	pageLangDiffers a11y.Msg = "plain-language-page-lang.differs"
	pageLangMaybe   a11y.Msg = "plain-language-page-lang.maybe-differs"
	pageLangClose   a11y.Msg = "plain-language-page-lang.close"
	pageLangUnsure  a11y.Msg = "plain-language-page-lang.unsure"
)

// questionPageLang asks which language the page is written in.
const questionPageLang = "plain-language-page-lang.which-language"

// minFamilyHits is the number of function words of one family from which
// the family alone shows that a page is not in its declared language.
const minFamilyHits = 8

// minFamilyConfidence is the confidence from which a guess that the
// function-word families agree with counts as clear.
const minFamilyConfidence = 0.5

// guessable are the base languages readability.GuessLang can recognise.
var guessable = map[string]bool{"sv": true, "nb": true, "nn": true, "da": true, "en": true}

// sameLang reports whether two language tags name the same language, and
// whether they are close neighbours that a guess may confuse.
func sameLang(a, b string) (same, close bool) {
	a, b = baseLang(a), baseLang(b)
	if a == b {
		return true, false
	}
	nordic := map[string]bool{"nb": true, "nn": true, "da": true}
	return false, nordic[a] && nordic[b]
}

func runPageLang(p *a11y.Pass, o Options) error {
	declared := DeclaredLang(p.Doc)
	if declared == "" {
		return nil
	}
	var own []Block
	for _, b := range TextBlocks(p.Doc) {
		if b.Lang == declared {
			own = append(own, b)
		}
	}
	text := joinBlocks(own)
	if len(readability.Words(text)) < o.MinLangWords {
		return nil
	}
	fam := familyOf(text, 5)
	guess, conf := backedGuess(text, fam)
	d := a11y.Data{"lang": quote(declared), "guess": guess, "confidence": math.Round(conf*100) / 100}
	if !guessable[baseLang(declared)] {
		// The guesser cannot recognise the declared language, so a guess
		// is worth a question only when function words back it.
		if guess != "" && fam == familyCode(guess) {
			p.CantTell(nil, pageLangMaybe, d, a11y.Ask(questionPageLang))
		}
		return nil
	}
	if guess == "" {
		// Bokmål, nynorsk and Danish share most of their words, so the
		// guesser often cannot choose; compare the language families.
		switch fam {
		case "":
			p.CantTell(nil, pageLangUnsure, d, a11y.Ask(questionPageLang))
		case familyCode(declared):
			p.Pass(nil, pageLangMatches, d)
		default:
			d["guess"] = fam
			if familyOf(text, minFamilyHits) == fam {
				p.Fail(nil, pageLangDiffers, d)
			} else {
				p.CantTell(nil, pageLangMaybe, d, a11y.Ask(questionPageLang))
			}
		}
		return nil
	}
	same, close := sameLang(declared, guess)
	switch {
	case same:
		p.Pass(nil, pageLangMatches, d)
	case close:
		p.CantTell(nil, pageLangClose, d, a11y.Ask(questionPageLang))
	case conf >= o.LangConfidence, conf >= minFamilyConfidence && fam == familyCode(guess),
		fam == familyCode(guess) && fam != familyCode(declared) && familyOf(text, minFamilyHits) == fam:
		p.Fail(nil, pageLangDiffers, d)
	default:
		p.CantTell(nil, pageLangMaybe, d, a11y.Ask(questionPageLang))
	}
	return nil
}

// familyWords are function words that belong to one family of the
// languages the guesser knows: Swedish ("sv"), Norwegian and Danish ("nb",
// standing for nb, nn and da), English ("en").
var familyWords = map[string]string{}

func init() {
	for fam, list := range map[string]string{
		"sv": "och inte är jag vad hur att ett från också när för där här ska måste vid hon mycket något någon varför sedan därför även " +
			"till sig mig dig nu mellan utan genom detta dessa denna inom veckor haft eftersom vara varit",
		"nb": "og ikke ikkje jeg eg hva kva hvordan korleis å fra frå også òg når der her skal må ved hvis viss hun ho mye noe noko noen nokon hvorfor derfor af " +
			"til seg meg deg nå mellom uten gjennom dette disse denne innen uker hatt fordi være vært",
		"en": "the and of is you that with your are this have will not what how when which or be it we our they there",
	} {
		for _, w := range strings.Fields(list) {
			familyWords[w] = fam
		}
	}
}

// familyOf returns the language family whose function words dominate text
// ("sv", "nb" or "en"): at least minHits of them, and at least twice as
// many as any other family's. It returns "" otherwise.
func familyOf(text string, minHits int) string {
	counts := map[string]int{}
	for i, t := range tokenize(text) {
		if i >= 4000 {
			break
		}
		if f, ok := familyWords[t.lower]; ok {
			counts[f]++
		}
	}
	best, bestN, second := "", 0, 0
	for _, f := range []string{"sv", "nb", "en"} {
		switch n := counts[f]; {
		case n > bestN:
			best, bestN, second = f, n, bestN
		case n > second:
			second = n
		}
	}
	if bestN < minHits || bestN < 2*second {
		return ""
	}
	return best
}

// familyCode maps a language tag to its family code (see familyOf).
func familyCode(tag string) string {
	switch b := baseLang(tag); b {
	case "nb", "nn", "da":
		return "nb"
	default:
		return b
	}
}

// unbackedConfidence is the confidence from which a guess stands without
// the function words of its family.
const unbackedConfidence = 0.9

// backedGuess returns readability.GuessLang's guess for text when the
// function words of the guessed language's family back it (fam is
// familyOf(text)) or its confidence is at least unbackedConfidence;
// otherwise "" with the confidence. The guesser scores every word spelt
// with ä or ö for Swedish, so Finnish or Estonian text would look Swedish.
func backedGuess(text, fam string) (string, float64) {
	guess, conf := readability.GuessLang(text)
	if guess != "" && fam != familyCode(guess) && conf < unbackedConfidence {
		return "", conf
	}
	return guess, conf
}
