package rules

import "github.com/delaktig/delaktig/a11y"

// TextSpacingWord: a word-spacing set with !important in a style attribute is at
// least 0.16 times the font size. People with dyslexia or low vision use
// tools that widen the spacing of text; an important declaration in a style
// attribute beats those tools, so it must already leave enough room.
//
// ACT 9e45ec. Targets are HTML elements with seen text-node children whose
// word-spacing comes from an important declaration of a style attribute (their
// own, or inherited from an ancestor's). Relative values are compared
// directly; absolute ones need the computed font size, and are cantTell when
// style sheets the document does not evaluate may set it. A failure is only
// reported when the element is certainly seen; otherwise it is cantTell.
var TextSpacingWord = &a11y.Rule{
	ID:       "text-spacing-word",
	WCAG:     []string{"1.4.12"},
	ACT:      []string{"9e45ec"},
	EN301549: []string{"9.1.4.12"},
	Impact:   a11y.Serious,
	Scope:    a11y.ScopeElement,
	Needs:    a11y.NeedsDOM,
	Messages: []a11y.Msg{textSpacingWordWide, textSpacingWordNarrow, textSpacingWordUnknownSize, textSpacingWordNarrowMaybe},
	Tags:     []string{"text-spacing", "css"},
	Since:    "0.1.0",
	Run:      runTextSpacingWord,
}

const (
	textSpacingWordWide        a11y.Msg = "text-spacing-word.wide-enough"
	textSpacingWordNarrow      a11y.Msg = "text-spacing-word.too-narrow"
	textSpacingWordUnknownSize a11y.Msg = "text-spacing-word.unknown-font-size"
	textSpacingWordNarrowMaybe a11y.Msg = "text-spacing-word.too-narrow-maybe"
)

func runTextSpacingWord(p *a11y.Pass) error {
	textSpacing(p, spacingRule{prop: "word-spacing", min: 0.16},
		textSpacingWordWide, textSpacingWordNarrow, textSpacingWordUnknownSize, textSpacingWordNarrowMaybe)
	return nil
}
