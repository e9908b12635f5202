package guidance

import (
	"math"

	"github.com/delaktig/delaktig/a11y"
	"github.com/delaktig/delaktig/guidance/readability"
)

// PlainLanguageLIX: the page's text is easy enough to read for the general
// public. The text is that of ProseBlocks (main content, visible, not
// aria-hidden, without the labels of form fields and buttons); its LIX (readability.LIX, Björnsson 1968) must not exceed
// Options.MaxLIX (45 by default: the middle of the "hard" band, where
// official texts sit). Pages with fewer than Options.MinLIXWords words are
// inapplicable: LIX over a few labels says nothing.
//
// WCAG 3.1.5 Reading Level (AAA) asks for a simpler version when a text
// needs more than lower secondary reading ability; LIX is the measure
// Swedish and Norwegian plain-language work uses for that. The rule is a
// writing aid: a pass does not prove the text is understood.
var PlainLanguageLIX = &a11y.Rule{
	ID:       "plain-language-lix",
	WCAG:     []string{"3.1.5"},
	Impact:   a11y.Moderate,
	Scope:    a11y.ScopeText,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{lixOK, lixHigh},
	Tags:     []string{"plain-language", "readability"},
	Since:    "0.1.0",
	Run:      withDefaults(runLIX),
}

const (
	lixOK   a11y.Msg = "plain-language-lix.ok"
	lixHigh a11y.Msg = "plain-language-lix.high"
)

func runLIX(p *a11y.Pass, o Options) error {
	text := ProseText(p.Doc)
	lang := pageLanguage(p.Doc, text)
	st := readability.Analyze(text, lang)
	if st.Words < o.MinLIXWords {
		return nil
	}
	d := a11y.Data{
		"lix":       math.Round(st.LIX*10) / 10,
		"max":       o.MaxLIX,
		"words":     st.Words,
		"sentences": st.Sentences,
		"level":     st.LIXLevel,
	}
	if st.LIX > o.MaxLIX {
		p.Fail(nil, lixHigh, d)
		return nil
	}
	p.Pass(nil, lixOK, d)
	return nil
}
