package guidance

import (
	"strings"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance/readability"
)

// Options are the knobs of the guidance rules. The zero value is not
// useful; start from DefaultOptions.
type Options struct {
	// MaxLIX is the highest LIX a page's text may have for the general
	// public: plain-language-lix fails a page above it. Björnsson's band
	// 40–50 is "hard" (official texts); 45 sits in its middle, so that
	// texts meant for everyone stay clearly below bureaucratic prose.
	MaxLIX float64
	// MinLIXWords is the fewest words a page needs for a LIX verdict; LIX
	// over a handful of words says little.
	MinLIXWords int
	// MaxSentenceWords is the longest sentence, in words, that
	// plain-language-long-sentence accepts. Plain-language guides in
	// Sweden, Norway and the UK agree on 20–25 words as an upper limit.
	MaxSentenceWords int
	// LangConfidence is the confidence of readability.GuessLang from which
	// plain-language-page-lang fails a page whose text is in a clearly
	// different language than it declares; below it, the rule asks a person.
	LangConfidence float64
	// MinLangWords is the fewest words a page needs before
	// plain-language-page-lang compares its text with its lang attribute.
	MinLangWords int
	// MinPassageWords is the fewest words a paragraph needs before
	// plain-language-passage-lang guesses its language.
	MinPassageWords int
}

// DefaultOptions returns the options Rules uses.
func DefaultOptions() Options {
	return Options{
		MaxLIX:           45,
		MinLIXWords:      40,
		MaxSentenceWords: 25,
		LangConfidence:   0.8,
		MinLangWords:     20,
		MinPassageWords:  8,
	}
}

// normalize replaces unusable values with the defaults.
func (o Options) normalize() Options {
	d := DefaultOptions()
	if !(o.MaxLIX > 0) {
		o.MaxLIX = d.MaxLIX
	}
	if o.MinLIXWords <= 0 {
		o.MinLIXWords = d.MinLIXWords
	}
	if o.MaxSentenceWords <= 0 {
		o.MaxSentenceWords = d.MaxSentenceWords
	}
	if !(o.LangConfidence > 0 && o.LangConfidence <= 1) {
		o.LangConfidence = d.LangConfidence
	}
	if o.MinLangWords <= 0 {
		o.MinLangWords = d.MinLangWords
	}
	if o.MinPassageWords <= 0 {
		o.MinPassageWords = d.MinPassageWords
	}
	return o
}

// runner is a rule's check with its options.
type runner func(p *a11y.Pass, o Options) error

// withDefaults adapts a runner to a11y.Rule.Run with DefaultOptions.
func withDefaults(f runner) func(*a11y.Pass) error {
	return func(p *a11y.Pass) error { return f(p, DefaultOptions()) }
}

// Rules returns the guidance rules with DefaultOptions, in a stable order:
// the plain-language rules, then the inclusion rules. The slice is new;
// the rules are the package's variables.
func Rules() []*a11y.Rule {
	return []*a11y.Rule{
		PlainLanguageLIX,
		PlainLanguageLongSentence,
		PlainLanguageWordChoice,
		PlainLanguageAbbreviation,
		PlainLanguageErrorMessage,
		PlainLanguageLinkText,
		PlainLanguageAllCaps,
		PlainLanguageSensory,
		PlainLanguagePageLang,
		PlainLanguagePassageLang,
		InclusionContact,
		InclusionOtherLanguages,
		InclusionTimeLimit,
	}
}

// runners maps the rules that have knobs to their checks.
var runners = map[*a11y.Rule]runner{}

func init() {
	runners[PlainLanguageLIX] = runLIX
	runners[PlainLanguageLongSentence] = runLongSentence
	runners[PlainLanguagePageLang] = runPageLang
	runners[PlainLanguagePassageLang] = runPassageLang
}

// RulesWithOptions returns the guidance rules configured with o: copies of
// the rules that have knobs (same ids and messages), the package's
// variables for the others. Zero or out-of-range fields of o take their
// default.
func RulesWithOptions(o Options) []*a11y.Rule {
	o = o.normalize()
	out := Rules()
	for i, r := range out {
		f, ok := runners[r]
		if !ok {
			continue
		}
		c := *r
		c.Run = func(p *a11y.Pass) error { return f(p, o) }
		out[i] = &c
	}
	return out
}

// maxQuoted bounds the page text a message quotes.
const maxQuoted = 80

// quote trims page text for a message: white space collapsed, long values
// cut. Report writers escape it; rules only keep it short.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxQuoted {
		return string(r[:maxQuoted-1]) + "…"
	}
	return s
}

// startOf returns the first words of a sentence, for a message that points
// to it: up to eight words, then "…".
func startOf(s string) string {
	f := strings.Fields(s)
	if len(f) > 8 {
		return quote(strings.Join(f[:8], " ")) + " …"
	}
	return quote(strings.Join(f, " "))
}

// pageLanguage returns the language of the page's text: the declared one,
// or else a confident guess from the text, or "".
func pageLanguage(doc *a11y.Document, text string) string {
	if l := DeclaredLang(doc); l != "" {
		return l
	}
	g, _ := readability.GuessLang(text)
	return g
}

// blockLang returns the language in effect for a block: its own, or the
// page's.
func blockLang(b Block, page string) string {
	if b.Lang != "" {
		return b.Lang
	}
	return page
}
