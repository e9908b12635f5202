package guidance

import (
	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance/readability"
)

// PlainLanguageLongSentence: sentences are short enough to follow. Each
// sentence of the page's text (TextBlocks, split by readability.Sentences)
// with more than Options.MaxSentenceWords words (25 by default) fails, on
// the element that holds it, with the start of the sentence so that an
// editor can find it. A page whose sentences are all short passes once.
//
// There is no WCAG success criterion for sentence length; the limit comes
// from plain-language guidance (Språkrådet, Klarspråk i Norge, GOV.UK).
var PlainLanguageLongSentence = &a11y.Rule{
	ID:       "plain-language-long-sentence",
	Impact:   a11y.Minor,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{longSentenceLong, longSentenceNone},
	Tags:     []string{"plain-language", "readability"},
	Since:    "0.1.0",
	Run:      withDefaults(runLongSentence),
}

const (
	longSentenceLong a11y.Msg = "plain-language-long-sentence.long"
	longSentenceNone a11y.Msg = "plain-language-long-sentence.none"
)

func runLongSentence(p *a11y.Pass, o Options) error {
	blocks := TextBlocks(p.Doc)
	page := pageLanguage(p.Doc, joinBlocks(blocks))
	count, long := 0, 0
	for _, b := range blocks {
		for _, s := range readability.Sentences(b.Text, blockLang(b, page)) {
			count++
			if n := len(s.Words); n > o.MaxSentenceWords {
				long++
				p.Fail(b.Node, longSentenceLong, a11y.Data{"words": n, "max": o.MaxSentenceWords, "start": startOf(s.Text)})
			}
		}
	}
	if count > 0 && long == 0 {
		p.Pass(nil, longSentenceNone, a11y.Data{"sentences": count, "max": o.MaxSentenceWords})
	}
	return nil
}
